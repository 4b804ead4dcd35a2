package org.consentry.policy;

/**
 * One check, like a mail server's matcher: it looks at one thing and says why. A rule is pure: it
 * reads the request and the facts and returns an outcome. A rule that throws blocks the message.
 */
public interface Rule {

    /** What the rule is, for verdicts and for {@code docs/rules.md}. */
    RuleInfo info();

    Outcome check(SendRequest request, Facts facts);

    /** The sends the rule can speak about; outside them it would pass without a notice. */
    default RuleScope scope() {
        return RuleScope.ANY;
    }
}
