/** The gateway's routes and their configuration. */
package org.everseed.gateway.config;
