/** Kafka listeners of the portal: torrent links and swarm counts for the publication views. */
package org.everseed.portal.events;
