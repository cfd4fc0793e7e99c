/**
 * Prometheus metrics of the tracker through Micrometer and Actuator ({@code /actuator/prometheus}):
 * announces and scrapes by protocol, failures by protocol and reason, swarms and peers.
 */
package org.everseed.tracker.metrics;
