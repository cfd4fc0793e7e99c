/** Configuration of the tracker service, prefix {@code everseed.tracker}. */
package org.everseed.tracker.config;
