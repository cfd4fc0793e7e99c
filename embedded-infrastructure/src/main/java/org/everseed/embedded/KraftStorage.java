package org.everseed.embedded;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Formats a KRaft log directory once, as {@code kafka-storage.sh format} would. */
final class KraftStorage {

    /** The file a formatted log directory holds (cluster id, node id, directory id). */
    static final String META_PROPERTIES = "meta.properties";

    private static final Logger log = LoggerFactory.getLogger(KraftStorage.class);

    private KraftStorage() {
    }

    /**
     * Formats the directory with a new cluster id and the latest production metadata version, unless it holds a
     * {@value #META_PROPERTIES} already (then it is left as it is, data and cluster id kept).
     *
     * @param directory the log directory, which is also the metadata log directory
     * @param nodeId the node id written to {@code meta.properties}
     * @param controllerListener the controller listener's name
     * @throws Exception if Kafka's formatter fails
     */
    static void formatIfNeeded(Path directory, int nodeId, String controllerListener) throws Exception {
        if (Files.isRegularFile(directory.resolve(META_PROPERTIES))) {
            return;
        }
        String clusterId = Uuid.randomUuid().toString();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        try (PrintStream printStream = new PrintStream(output, true, StandardCharsets.UTF_8)) {
            new Formatter()
                    .setPrintStream(printStream)
                    .setClusterId(clusterId)
                    .setNodeId(nodeId)
                    .setControllerListenerName(controllerListener)
                    .setMetadataLogDirectory(directory.toString())
                    .setDirectories(List.of(directory.toString()))
                    .setReleaseVersion(MetadataVersion.latestProduction())
                    .run();
        }
        log.info("Formatted KRaft log directory {} (cluster id {}): {}", directory, clusterId,
                output.toString(StandardCharsets.UTF_8).strip());
    }
}
