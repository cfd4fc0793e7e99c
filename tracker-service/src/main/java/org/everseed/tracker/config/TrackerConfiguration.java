package org.everseed.tracker.config;

import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Beans shared by the tracker's packages. */
@Configuration(proxyBeanMethods = false)
public class TrackerConfiguration {

    /** The system clock in UTC; tests may replace it. */
    @Bean
    @ConditionalOnMissingBean
    public Clock clock() {
        return Clock.systemUTC();
    }
}
