package org.everseed.seed;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Netty stays in {@code peerwire}, HTTP clients in {@code web}; the packages form no cycle but via Spring wiring. */
class SeedArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.everseed.seed");

    @Test
    void onlyThePeerWireTransportUsesNetty() {
        noClasses().that().resideOutsideOfPackage("org.everseed.seed.peerwire..")
                .should().dependOnClassesThat().resideInAnyPackage("io.netty..")
                .check(CLASSES);
    }

    @Test
    void onlyTheWebAdaptersUseWebClient() {
        noClasses().that().resideOutsideOfPackage("org.everseed.seed.web..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework.web..", "org.springframework.http..")
                .check(CLASSES);
    }

    @Test
    void protocolParsingStaysOutOfTheListeners() {
        noClasses().that().resideInAPackage("org.everseed.seed.events..")
                .should().dependOnClassesThat().resideInAnyPackage("org.everseed.bittorrent.bencode..",
                        "org.everseed.bittorrent.metainfo..", "org.everseed.bittorrent.peer..")
                .check(CLASSES);
    }

    @Test
    void domainPackagesHaveNoCycles() {
        slices().matching("org.everseed.seed.(storage|session|announce)..").should().beFreeOfCycles().check(CLASSES);
    }
}
