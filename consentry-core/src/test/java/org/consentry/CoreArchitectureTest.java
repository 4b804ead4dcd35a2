package org.consentry;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/**
 * The core is pure: it depends on no framework, does no I/O, and has no clock of its own. Everything it
 * needs arrives as arguments, so rules are tested with plain values and the engine is benchmarked alone.
 */
class CoreArchitectureTest {

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("org.consentry");

    @Test
    void dependsOnNoFrameworkAndNoOtherModule() {
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAnyPackage(
                "io.javalin..", "com.fasterxml..", "org.eclipse.jetty..", "org.slf4j..", "ch.qos.logback..",
                "org.flywaydb..", "com.zaxxer..", "org.sqlite..", "org.postgresql..", "io.lettuce..", "picocli..",
                "org.consentry.store..", "org.consentry.server..", "org.consentry.cli..", "org.consentry.delivery..");
        rule.check(CORE);
    }

    @Test
    void doesNoIo() {
        // java.net.IDN only converts a domain's letters to their ASCII form (RFC 3490): it opens nothing
        ArchRule rule = noClasses().should().dependOnClassesThat(com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage(
                        "java.sql..", "javax.sql..", "java.net..", "java.nio.file..", "java.nio.channels..", "java.net.http..")
                        .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo(java.net.IDN.class))))
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.File")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileInputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.FileOutputStream")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.io.RandomAccessFile")
                .orShould().dependOnClassesThat().haveFullyQualifiedName("java.lang.Thread")
                .orShould().callMethod(System.class, "getenv", String.class)
                .orShould().callMethod(System.class, "getenv");
        rule.check(CORE);
    }

    @Test
    void hasNoClockOfItsOwn() {
        ArchRule rule = noClasses().should().callMethod(Instant.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .orShould().callMethod(System.class, "nanoTime")
                .orShould().callMethod(LocalDateTime.class, "now")
                .orShould().callMethod(LocalDate.class, "now")
                .orShould().callMethod(LocalTime.class, "now")
                .orShould().callMethod(ZonedDateTime.class, "now")
                .orShould().callMethod(OffsetDateTime.class, "now")
                .orShould().callMethod(Clock.class, "systemUTC")
                .orShould().callMethod(Clock.class, "systemDefaultZone");
        rule.check(CORE);
    }
}
