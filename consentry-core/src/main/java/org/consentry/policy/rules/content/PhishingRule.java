package org.consentry.policy.rules.content;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.consentry.content.LinkInspector;
import org.consentry.content.MessageContent;
import org.consentry.content.PhishingSignals;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.SendRequest;

/**
 * No message that asks for credentials, bank or card details, or that hides where its links go: public URL
 * shorteners, links to IP addresses, punycode or look-alike hosts of well-known brands, links that put a name
 * before an @ (user info) in front of their real host, or HTML link text that names another domain. A
 * legitimate sender gives codes and warns; it never asks for them back.
 */
public final class PhishingRule implements Rule {

    private static final RuleInfo INFO = new RuleInfo("content/phishing",
            "No request for credentials, bank or card details, and no disguised link (public shortener, IP address, punycode, look-alike brand, mismatched link text).",
            "CTIA Messaging Principles and Best Practices 5.1; provider AUPs; 15 U.S.C. 45 (deceptive practices)",
            List.of(ReasonCode.CONTENT_PHISHING),
            List.of(PhishingSignals.FILE, LinkInspector.SHORTENERS, "/org/consentry/rules/brands.tsv", "/org/consentry/rules/public-suffixes.tsv",
                    "/org/consentry/rules/lookalike-letters.tsv"))
            .because("Messages that ask for passwords or card numbers, or hide where a link goes, are how phishing "
                    + "works; carriers block them and recipients lose money.");

    private final PhishingSignals signals;
    private final LinkInspector links;

    public PhishingRule(PhishingSignals signals, LinkInspector links) {
        this.signals = signals;
        this.links = links;
    }

    public static PhishingRule load() {
        return new PhishingRule(PhishingSignals.load(), LinkInspector.load());
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (facts.content().isEmpty()) {
            return Outcome.pass();
        }
        String brand = facts.tenant().brand();
        return facts.content().derive(this, brand, content -> judge(content, brand));
    }

    /** The outcome for a body sent under a brand: it depends on nothing else, so it is worked out once per body and brand. */
    private Outcome judge(MessageContent content, String brand) {
        List<PhishingSignals.Signal> asks = signals.find(content.words());
        List<LinkInspector.Finding> disguised = links.inspect(content.links(), brand);
        if (asks.isEmpty() && disguised.isEmpty()) {
            return Outcome.pass();
        }
        List<String> parts = new ArrayList<>();
        List<Map<String, String>> evidence = new ArrayList<>();
        for (PhishingSignals.Signal ask : asks) {
            parts.add("it asks the recipient to " + ask.verb() + " " + ask.object());
            evidence.add(item("kind", ask.category(), "verb", ask.verb(), "asks_for", ask.object()));
        }
        for (LinkInspector.Finding finding : disguised) {
            parts.add(describe(finding));
            evidence.add(item("kind", finding.kind(), "url", finding.url(), "detail", finding.detail()));
        }
        return Outcome.block(INFO.reason("The message looks like phishing: " + String.join("; ", parts) + ".",
                Evidence.of("signals", evidence)));
    }

    private static String describe(LinkInspector.Finding finding) {
        switch (finding.kind()) {
            case "shortener": return finding.url() + " goes through the public shortener " + finding.detail();
            case "ip_link": return finding.url() + " points to an IP address";
            case "punycode": return finding.url() + " uses a punycode or non-ASCII host";
            case "lookalike": return finding.detail();
            case "userinfo": return finding.url() + " " + finding.detail() + " (the part before the @ is not where it goes)";
            default: return "the link text " + finding.detail();
        }
    }

    private static Map<String, String> item(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
