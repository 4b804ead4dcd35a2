package org.consentry.cli;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * Dependencies flow one way: core <- store <- delivery <- server <- cli. The core's own test holds it free of frameworks
 * and I/O; this one holds the modules in their order.
 */
class ModuleDependenciesTest {

    private static final JavaClasses CONSENTRY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.consentry");

    @Test
    void modulesDependOnlyOnTheOnesBelowThem() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("core").definedBy("org.consentry.address..", "org.consentry.policy..", "org.consentry.consent..",
                        "org.consentry.ledger..", "org.consentry.tenant..", "org.consentry.inbound..", "org.consentry.jurisdiction..",
                        "org.consentry.recipient..", "org.consentry.ruledata..")
                .layer("store").definedBy("org.consentry.store..")
                .layer("delivery").definedBy("org.consentry.delivery..")
                .layer("server").definedBy("org.consentry.server..")
                .layer("cli").definedBy("org.consentry.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("server").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("delivery").mayOnlyBeAccessedByLayers("server", "cli")
                .whereLayer("store").mayOnlyBeAccessedByLayers("delivery", "server", "cli")
                .check(CONSENTRY);
    }
}
