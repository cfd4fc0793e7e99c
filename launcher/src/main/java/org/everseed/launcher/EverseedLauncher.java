package org.everseed.launcher;

import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: one command starts the whole platform on this machine, with a real PostgreSQL and a real
 * Kafka broker (KRaft) in-process and all five services in this JVM, data kept under one home directory.
 *
 * <pre>java -jar launcher/target/everseed.jar [--home=./data] [--public-base-url=http://localhost:8080] ...</pre>
 *
 * See {@link LauncherSettings} for every setting. Exit status: 2 for bad arguments, 1 if the platform did not start.
 */
public final class EverseedLauncher {

    private static final Logger log = LoggerFactory.getLogger(EverseedLauncher.class);

    private EverseedLauncher() {
    }

    /**
     * Starts the platform and keeps it running until the JVM is asked to stop (Ctrl-C, SIGTERM), which stops the
     * services in reverse order, then Kafka, then PostgreSQL.
     *
     * @param args {@code --key=value} settings, see {@link LauncherSettings#USAGE}
     */
    public static void main(String[] args) {
        if (Arrays.asList(args).contains("--help") || Arrays.asList(args).contains("-h")) {
            System.out.print(LauncherSettings.USAGE);
            return;
        }
        LauncherSettings settings;
        try {
            settings = LauncherSettings.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("everseed: " + e.getMessage());
            System.err.print(LauncherSettings.USAGE);
            System.exit(2);
            return;
        }
        EverseedPlatform platform;
        try {
            platform = EverseedPlatform.start(settings);
        } catch (RuntimeException e) {
            log.error("Everseed did not start", e);
            System.err.println("everseed: did not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("everseed-shutdown").unstarted(platform::close));
        System.out.println(String.format(Locale.ROOT,
                "Everseed is up at %s (started in %.1f s: PostgreSQL and Kafka %.1f s, then %d services; data in %s)",
                platform.publicBaseUrl(), platform.startup().toMillis() / 1000.0,
                platform.infrastructureStartup().toMillis() / 1000.0, platform.plans().size(),
                platform.settings().home()));
    }
}
