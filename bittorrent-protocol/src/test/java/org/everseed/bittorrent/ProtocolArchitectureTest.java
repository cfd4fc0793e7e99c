package org.everseed.bittorrent;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The protocol library stands alone: no I/O, no frameworks, no package cycles. */
class ProtocolArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.everseed.bittorrent");

    @Test
    void doesNoIo() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
                .because("bittorrent-protocol takes bytes and buffers handed to it; the services do the I/O")
                .allowEmptyShould(true)
                .check(CLASSES);
    }

    @Test
    void hasNoPackageCycles() {
        slices().matching("org.everseed.bittorrent.(**)").should().beFreeOfCycles()
                .allowEmptyShould(true)
                .check(CLASSES);
    }
}
