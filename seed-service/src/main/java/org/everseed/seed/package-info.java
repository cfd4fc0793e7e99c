/**
 * The seed service: everseeds serving torrents over the peer wire protocol (BEP 3, BEP 6), their
 * assignments in PostgreSQL, their tracker announces (BEP 3) and the events that start them.
 */
package org.everseed.seed;
