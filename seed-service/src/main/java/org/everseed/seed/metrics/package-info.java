/** Micrometer meters of the everseeds, exported at {@code /actuator/prometheus}. */
package org.everseed.seed.metrics;
