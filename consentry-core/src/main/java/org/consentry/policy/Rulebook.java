package org.consentry.policy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The ordered list of rules the engine runs; verdicts list reasons in this order. */
public final class Rulebook {

    private final List<Rule> rules;

    public Rulebook(List<Rule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> ids = new HashSet<>();
        for (Rule rule : this.rules) {
            if (!ids.add(rule.info().id())) {
                throw new IllegalArgumentException("two rules share the id " + rule.info().id());
            }
        }
    }

    public List<Rule> rules() {
        return rules;
    }
}
