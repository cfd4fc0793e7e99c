/**
 * Real infrastructure started in-process for the embedded default and the tests: PostgreSQL (zonky's embedded
 * binaries, as a child process) and an Apache Kafka broker in KRaft mode (in this JVM), both on persistent directories.
 * Plain Java: no Spring.
 */
package org.everseed.embedded;
