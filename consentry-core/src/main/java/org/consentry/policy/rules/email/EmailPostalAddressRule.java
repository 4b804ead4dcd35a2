package org.consentry.policy.rules.email;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.consentry.content.ContentAnalyzer;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;

/**
 * Commercial email carries the sender's valid physical postal address (15 U.S.C. 7704(a)(5)(A)(iii)): the
 * tenant's registered address, or a recognisable street address or post office box.
 */
public final class EmailPostalAddressRule implements Rule {

    private static final Pattern STREET = Pattern.compile(
            "\\b\\d{1,6}\\s+(?:[a-z0-9.'-]+\\s+){1,5}(?:street|st|avenue|ave|road|rd|boulevard|blvd|drive|dr|lane|ln|way|court|ct|place|pl|suite|ste|parkway|pkwy|highway|hwy|square|sq|terrace|circle|cir)\\b");
    private static final Pattern PO_BOX = Pattern.compile("\\bp\\.?\\s?o\\.?\\s+box\\s+\\d+");
    private static final RuleScope SCOPE = RuleScope.marketing(Channel.EMAIL);
    private static final RuleInfo INFO = new RuleInfo("email/postal-address",
            "Marketing email includes the sender's physical postal address.",
            "15 U.S.C. 7704(a)(5)(A)(iii)", List.of(ReasonCode.EMAIL_POSTAL_ADDRESS_MISSING), List.of())
            .because("CAN-SPAM requires every commercial email to carry the sender's valid physical postal address.");

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (request.channel() != Channel.EMAIL || !request.purpose().isMarketing()) {
            return Outcome.pass();
        }
        String registered = facts.tenant().postalAddress();
        EmailBody shown = EmailBody.of(request, facts.content());
        if (facts.content().derive(this, registered, content -> hasAddress(shown, registered))) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("This marketing email carries no postal address"
                + (registered == null ? "." : "; the account's is '" + registered + "'."),
                Evidence.of("registered_address", registered)));
    }

    /**
     * True when the body, as its reader sees it, carries the registered address's first line, or any street address
     * or post office box. (Kept with the content, which is one subject and body: {@code shown} is of that body.)
     */
    private static boolean hasAddress(EmailBody shown, String registered) {
        String body = simplify(shown.text());
        if (registered != null) {
            String firstLine = simplify(registered.toLowerCase(Locale.ROOT).split(",")[0]);
            if (!firstLine.isBlank() && body.contains(firstLine)) {
                return true;
            }
        }
        return STREET.matcher(body).find() || PO_BOX.matcher(body).find();
    }

    static String simplify(String text) {
        return ContentAnalyzer.collapse(text, true);
    }
}
