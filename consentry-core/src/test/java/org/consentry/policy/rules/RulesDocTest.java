package org.consentry.policy.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.Rulebook;
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
          .append("Generated from the rulebook by `RulesDocTest`; do not edit by hand. Rules run in this order and a\n")
          .append("verdict lists every reason found. A reason blocks unless its effect is `defer`; a rule that fails blocks.\n\n")
          .append("| rule | what it checks | reason codes | citation | data |\n")
          .append("| --- | --- | --- | --- | --- |\n");
        Set<ReasonCode> produced = EnumSet.noneOf(ReasonCode.class);
        for (Rule rule : rulebook.rules()) {
            RuleInfo info = rule.info();
            produced.addAll(info.codes());
            md.append("| `").append(info.id()).append("` | ").append(info.summary()).append(" | ")
              .append(info.codes().stream().map(c -> "`" + c + "` (" + c.effect().name().toLowerCase() + ")")
                      .collect(Collectors.joining(", ")))
              .append(" | ").append(info.citation()).append(" | ")
              .append(info.dataFiles().isEmpty() ? "-" : info.dataFiles().stream()
                      .map(f -> "`consentry-core/src/main/resources" + f + "`").collect(Collectors.joining(", ")))
              .append(" |\n");
        }
        md.append("\n## Reason codes no rule gives yet\n\n")
          .append("These codes are part of the API's catalogue; the rules that give them are still to come.\n\n")
          .append("| code | effect | when | source |\n| --- | --- | --- | --- |\n");
        for (ReasonCode code : ReasonCode.values()) {
            if (!produced.contains(code)) {
                md.append("| `").append(code).append("` | ").append(code.effect().name().toLowerCase()).append(" | ")
                  .append(code.when()).append(" | ").append(code.source()).append(" |\n");
            }
        }
        return md.toString();
    }
}
