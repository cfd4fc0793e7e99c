package org.everseed.tracker;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Only the transport packages touch Netty or web types; the cores stay transport-agnostic. */
class TrackerArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.everseed.tracker");

    @Test
    void onlyTransportsUseNettyOrWebTypes() {
        noClasses().that().resideOutsideOfPackage("org.everseed.tracker.transport..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..", "reactor.netty..",
                        "org.springframework.web..", "org.springframework.http..")
                .check(CLASSES);
    }

    @Test
    void theUdpExchangeIsNettyFree() {
        noClasses().that().haveSimpleName("UdpTrackerExchange").or().haveSimpleName("ConnectionIds")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(CLASSES);
    }
}
