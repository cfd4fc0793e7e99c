/** The portal's configuration properties. */
package org.everseed.portal.config;
