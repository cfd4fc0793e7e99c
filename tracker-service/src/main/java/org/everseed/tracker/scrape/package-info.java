/** Scrape (BEP 48): the counts of named swarms. */
package org.everseed.tracker.scrape;
