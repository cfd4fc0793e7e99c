package org.everseed.seed.config;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * Everseed settings, prefix {@code everseed.seed}.
 *
 * @param peerPort TCP port of the peer wire server (BEP 3); 0 picks a free port; default 6881
 * @param peerHost address the peer wire server binds to; default 0.0.0.0 (all interfaces)
 * @param metafileUri base URI of metafile-service, which serves {@code /torrents/{infoHash}.torrent};
 *     default http://127.0.0.1:8082
 * @param uploadSlots most peers unchoked at once across all torrents; default 32
 * @param unchokeInterval how often a waiting peer replaces the longest-unchoked one; default 10 s
 * @param maxQueuedRequests most outstanding requests per peer before it is disconnected; default 500
 * @param maxBlockLength largest block a peer may request (BEP 3 practice: 16 KiB); default 16KB
 * @param maxMessageLength largest message length prefix accepted from a peer; default 128KB
 * @param handshakeTimeout time a new connection has to complete its handshake; default 10 s
 * @param idleTimeout a connection that sends nothing for this long is closed; default 3 min
 * @param keepAliveInterval a keep-alive is sent after this long without writing; default 90 s
 * @param maxConnections most peer connections at once; default 1000
 * @param maxConnectionsPerIp most peer connections from one IP address; default 8
 * @param announceRetry pause before retrying a failed tracker announce; default 30 s
 * @param minAnnounceInterval floor on the tracker's announce interval; default 30 s
 * @param httpTimeout timeout of each HTTP call to metafile-service or a tracker; default 10 s
 * @param verifyThreads threads that hash stored files against their piece hashes (with more than 1, the pieces a
 *     peer waits for are hashed in parallel; 1 measured faster on 2 cores); default 1
 * @param maxOpenFiles blob files kept open without a user before the least recently used are closed; default 1024
 * @param peerIdPrefix BEP 20 client tag at the start of our peer_id; default -ES0010-
 * @param fileCheckInterval how often every served blob is checked for having vanished or changed, and the
 *     table for withdrawals made by other instances; default 30 s
 * @param splitByPartitions whether instances split the torrents by the consumer group's partitions of
 *     {@code TorrentCreated} (keyed by info_hash); off, this instance seeds every torrent of the table; default true
 * @param optimisticUnchokeInterval how often the one optimistic upload slot (on top of {@code upload-slots})
 *     moves to the peer that waited longest; 0 disables the optimistic slot; default 30 s
 * @param consumerGroup Kafka consumer group of the listeners; instances sharing it share the work; default seed-service
 * @param blockTransfer how blocks are sent: {@code pooled-buffer} (header and block in one pooled direct buffer, one
 *     positional read) or {@code file-region} (header, then a zero-copy {@code sendfile} region; on an RC4-enciphered MSE
 *     connection blocks go as pooled buffers); default pooled-buffer
 * @param writeBufferHighWaterMark bytes queued on a connection above which no more blocks are read for it (a slow
 *     reader costs at most this much plus one block); it resumes below half of it; default 2MB
 * @param verifyAhead whether the first interested peer of a torrent starts hashing its whole file in order on one
 *     read-ahead thread, so that later requests find their pieces verified; default true
 * @param udpTimeout first retransmission time-out of a UDP tracker request (BEP 15), doubled after each try (BEP 15
 *     itself says 15 s x 2^n; shorter, so that a silent tracker soon gives way to the next one); default 2 s
 * @param udpTries sends of one UDP tracker packet (connect or announce) before the tracker counts as failed: with
 *     the defaults 2 + 4 + 8 = 14 s at most per packet; default 3
 * @param udpMaxOutstanding most UDP tracker requests awaiting an answer at once, all trackers together; more wait
 *     for a place in arrival order (64 measured free of drops at opentracker with its default socket buffer, where 256
 *     and 1,024 at once overflowed it); default 64
 * @param udpMaxQueued most UDP tracker requests waiting for a place among the outstanding ones; one more fails at
 *     once (the next tracker is tried, the announce retried after {@code announce-retry}); default 65536
 * @param encryption whether peers may connect with Message Stream Encryption (MSE/PE, the Vuze specification; no
 *     BEP): peers set to require encryption (a Transmission, qBittorrent or libtorrent setting) can then download,
 *     and aria2, which tries MSE first, connects without its one-second retry; off, such connections are closed;
 *     default true
 * @param encryptionPreferRc4 whether an encrypted connection whose peer offers both payload methods keeps RC4
 *     for the payload; off, it switches to plaintext after the handshake (as libtorrent does by default), so blocks
 *     need no enciphering and can leave as file regions; default false
 */
@Validated
@ConfigurationProperties("everseed.seed")
public record SeedProperties(
        @DefaultValue("6881") @Min(0) @Max(65535) int peerPort,
        @DefaultValue("0.0.0.0") @NotBlank String peerHost,
        @DefaultValue("http://127.0.0.1:8082") @NotNull URI metafileUri,
        @DefaultValue("32") @Min(1) int uploadSlots,
        @DefaultValue("10s") @NotNull Duration unchokeInterval,
        @DefaultValue("500") @Min(1) int maxQueuedRequests,
        @DefaultValue("16KB") @NotNull DataSize maxBlockLength,
        @DefaultValue("128KB") @NotNull DataSize maxMessageLength,
        @DefaultValue("10s") @NotNull Duration handshakeTimeout,
        @DefaultValue("3m") @NotNull Duration idleTimeout,
        @DefaultValue("90s") @NotNull Duration keepAliveInterval,
        @DefaultValue("1000") @Min(1) int maxConnections,
        @DefaultValue("8") @Min(1) int maxConnectionsPerIp,
        @DefaultValue("30s") @NotNull Duration announceRetry,
        @DefaultValue("30s") @NotNull Duration minAnnounceInterval,
        @DefaultValue("10s") @NotNull Duration httpTimeout,
        @DefaultValue("1") @Min(1) int verifyThreads,
        @DefaultValue("1024") @Min(1) int maxOpenFiles,
        @DefaultValue("-ES0010-") @NotBlank String peerIdPrefix,
        @DefaultValue("30s") @NotNull Duration fileCheckInterval,
        @DefaultValue("true") boolean splitByPartitions,
        @DefaultValue("seed-service") @NotBlank String consumerGroup,
        @DefaultValue("30s") @NotNull Duration optimisticUnchokeInterval,
        @DefaultValue("pooled-buffer") @NotNull BlockTransfer blockTransfer,
        @DefaultValue("2MB") @NotNull DataSize writeBufferHighWaterMark,
        @DefaultValue("true") boolean verifyAhead,
        @DefaultValue("2s") @NotNull Duration udpTimeout,
        @DefaultValue("3") @Min(1) @Max(16) int udpTries,
        @DefaultValue("64") @Min(1) int udpMaxOutstanding,
        @DefaultValue("65536") @Min(0) int udpMaxQueued,
        @DefaultValue("true") boolean encryption,
        @DefaultValue("false") boolean encryptionPreferRc4) {
}
