package org.consentry.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.policy.Rule;
import org.junit.jupiter.api.Test;

/** A rule that is not in the rulebook, or has no test class of its own, fails the build. */
class StandardRulebookTest {

    private static final List<JavaClass> RULE_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.consentry.policy.rules")
            .stream()
            .filter(c -> c.isAssignableTo(Rule.class) && !c.getModifiers().contains(JavaModifier.ABSTRACT) && !c.isInterface())
            .collect(Collectors.toList());

    @Test
    void findsTheRules() {
        assertThat(RULE_CLASSES).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everyRuleIsInTheRulebook() {
        Set<String> registered = StandardRulebook.load().rules().stream()
                .map(rule -> rule.getClass().getName()).collect(Collectors.toSet());
        assertThat(RULE_CLASSES).extracting(JavaClass::getName).allSatisfy(name -> assertThat(registered).contains(name));
    }

    @Test
    void everyRuleHasATestClassOfItsOwn() {
        assertThat(RULE_CLASSES).allSatisfy(rule -> {
            String testName = rule.getName() + "Test";
            assertThat(classExists(testName)).as("%s has no test class %s", rule.getSimpleName(), testName).isTrue();
        });
    }

    @Test
    void ruleIdsAreUniqueAndReadable() {
        assertThat(StandardRulebook.load().rules()).allSatisfy(rule ->
                assertThat(rule.info().id()).matches("[a-z-]+/[a-z0-9-]+"));
    }

    private static boolean classExists(String name) {
        try {
            Class.forName(name, false, StandardRulebookTest.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }
}
