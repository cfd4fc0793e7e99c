package org.everseed.seed.seeding;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * When the service is ready (peer wire port bound), resumes the recorded everseeds it owns: all of
 * them when {@code split-by-partitions} is off; when it is on, nothing is owned until the consumer
 * group assigns partitions, and the assignment starts them ({@link Everseeds#reassigned}).
 */
@Component
public class ResumeOnStartup {
    private static final Logger log = LoggerFactory.getLogger(ResumeOnStartup.class);
    private final Everseeds everseeds;

    /** @param everseeds the seeding service */
    public ResumeOnStartup(Everseeds everseeds) {
        this.everseeds = everseeds;
    }

    /** Submits the start of every assignment; verification then runs in the background. */
    @EventListener(ApplicationReadyEvent.class)
    public void resume() {
        Long count = everseeds.resumeAll().block(Duration.ofSeconds(30));
        log.info("resuming {} everseeds", count);
    }
}
