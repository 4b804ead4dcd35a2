package org.consentry.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.Rulebook;
import org.consentry.policy.rules.timing.QuietHoursRule;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/rules.md} is generated from the rulebook, so it cannot drift: when it differs from what the
 * rulebook says, this test rewrites it and fails, and the new file is committed with the change.
 */
class RulesDocTest {

    private static final Path DOC = Path.of("..", "docs", "rules.md");

    @Test
    void docsRulesMdMatchesTheRulebook() throws IOException {
        String expected = render(StandardRulebook.load());
        String actual = Files.exists(DOC) ? Files.readString(DOC, StandardCharsets.UTF_8) : "";
        if (!expected.equals(actual)) {
            Files.createDirectories(DOC.getParent());
            Files.writeString(DOC, expected, StandardCharsets.UTF_8);
        }
        assertThat(actual).as("docs/rules.md was out of date and has been regenerated; commit it").isEqualTo(expected);
    }

    static String render(Rulebook rulebook) {
        StringBuilder md = new StringBuilder();
        md.append("# Consentry rules\n\n")
          .append("Generated from the rulebook by `RulesDocTest`; do not edit by hand. Rules run in this order, each on\n")
          .append("the sends its scope covers, and a verdict lists every reason found. A reason blocks unless its effect is\n")
          .append("`defer`; a rule that fails blocks. Each data file names the source of every entry beside it.\n\n")
          .append("| rule | reason codes | applies to |\n| --- | --- | --- |\n");
        for (Rule rule : rulebook.rules()) {
            md.append("| [`").append(rule.info().id()).append("`](#").append(anchor(rule.info().id())).append(") | ")
              .append(codes(rule.info())).append(" | ").append(scope(rule.scope())).append(" |\n");
        }
        Set<ReasonCode> produced = EnumSet.noneOf(ReasonCode.class);
        for (Rule rule : rulebook.rules()) {
            RuleInfo info = rule.info();
            assertThat(info.why()).as("rule %s says why it exists", info.id()).isNotBlank();
            produced.addAll(info.codes());
            md.append("\n### ").append(info.id()).append("\n\n")
              .append("- **What:** ").append(info.summary()).append('\n');
            if (rule instanceof QuietHoursRule) {
                md.append("- **Hours:** ").append(((QuietHoursRule) rule).pack().hours().describeWeek()).append('\n');
            }
            md.append("- **Why:** ").append(info.why()).append('\n')
              .append("- **Citation:** ").append(info.citation()).append('\n')
              .append("- **Reason codes:** ").append(codes(info)).append('\n')
              .append("- **Applies to:** ").append(scope(rule.scope())).append('\n')
              .append("- **Data:** ").append(info.dataFiles().isEmpty() ? "none"
                      : info.dataFiles().stream().map(f -> "[`" + f.substring(f.lastIndexOf('/') + 1) + "`](../consentry-core/src/main/resources"
                              + f + ")").collect(Collectors.joining(", "))).append('\n');
        }
        md.append("\n## Reason codes no rule gives yet\n\n");
        StringBuilder missing = new StringBuilder();
        for (ReasonCode code : ReasonCode.values()) {
            if (!produced.contains(code)) {
                missing.append("| `").append(code).append("` | ").append(code.effect().name().toLowerCase()).append(" | ")
                  .append(code.when()).append(" | ").append(code.source()).append(" |\n");
            }
        }
        md.append(missing.length() == 0 ? "None: every code of the catalogue is given by a rule.\n"
                : "| code | effect | when | source |\n| --- | --- | --- | --- |\n" + missing);
        return md.toString();
    }

    private static String codes(RuleInfo info) {
        return info.codes().stream().map(c -> "`" + c + "` (" + c.effect().name().toLowerCase() + ")").collect(Collectors.joining(", "));
    }

    private static String anchor(String id) {
        return id.replace("/", "").replace(" ", "-");
    }

    private static String scope(RuleScope scope) {
        String channels = scope.channels().size() == Channel.values().length ? "every channel"
                : scope.channels().stream().sorted().map(Channel::wireName).collect(Collectors.joining(", "));
        String purposes = scope.purposes().size() == Purpose.values().length ? "" : scope.purposes().stream().sorted()
                .map(Purpose::wireName).collect(Collectors.joining(", ")) + " on ";
        String where = scope.regions().isEmpty() ? "" : "; recipients in " + scope.regions().stream().sorted().collect(Collectors.joining(", "))
                + (scope.subdivisions().isEmpty() ? "" : " (" + scope.subdivisions().stream().sorted().collect(Collectors.joining(", "))
                + ", or an unknown state)");
        return purposes + channels + where;
    }
}
