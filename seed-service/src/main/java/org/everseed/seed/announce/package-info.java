/**
 * Tracker announces of the everseeds: {@code started} with {@code left} = the bytes not served, then at the
 * interval the tracker asks for, and {@code stopped} on shutdown (BEP 3); trackers tried tier by tier, the one that
 * answers moved to the front of its tier (BEP 12, {@code announce-list}); HTTP(S) trackers through the {@code web}
 * adapter, UDP trackers (BEP 15) through {@code announce.udp}.
 */
package org.everseed.seed.announce;
