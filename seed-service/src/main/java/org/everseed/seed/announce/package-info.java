/**
 * Tracker announces of the everseeds (BEP 3): {@code started} with {@code left} = the bytes not
 * served, then at the interval the tracker asks for, and {@code stopped} on shutdown.
 */
package org.everseed.seed.announce;
