/** Configuration of the seed service: {@code everseed.seed.*} properties and shared beans. */
package org.everseed.seed.config;
