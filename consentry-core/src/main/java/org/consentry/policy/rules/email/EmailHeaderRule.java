package org.consentry.policy.rules.email;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consentry.content.Brands;
import org.consentry.policy.Channel;
import org.consentry.policy.Evidence;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.Rule;
import org.consentry.policy.RuleInfo;
import org.consentry.policy.RuleScope;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.SenderStatus;

/**
 * No false or misleading header information, and no deceptive subject (15 U.S.C. 7704(a)(1)-(2)): the From
 * domain is one of the tenant's verified domains; the From display name and the Reply-To do not name a
 * brand the tenant is not; a subject does not pretend to be a reply or a forward of an earlier exchange.
 */
public final class EmailHeaderRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(Channel.EMAIL);
    private static final RuleInfo INFO = new RuleInfo("email/honest-headers",
            "From is a verified domain of the tenant; display name and Reply-To do not impersonate another brand; the subject fakes no reply or forward.",
            "15 U.S.C. 7704(a)(1)-(2)", List.of(ReasonCode.EMAIL_HEADER_INVALID), List.of("/org/consentry/rules/brands.tsv"))
            .because("False or misleading headers (a From domain that is not the sender's, a display name of another "
                    + "brand, a fake 'RE:') are prohibited by CAN-SPAM and are the marks of phishing.");

    private final Brands brands;

    public EmailHeaderRule(Brands brands) {
        this.brands = brands;
    }

    @Override public RuleInfo info() {
        return INFO;
    }

    @Override public RuleScope scope() {
        return SCOPE;
    }

    @Override public Outcome check(SendRequest request, Facts facts) {
        if (request.channel() != Channel.EMAIL) {
            return Outcome.pass();
        }
        String ownBrand = facts.tenant().brand();
        List<String> problems = new ArrayList<>();
        if (facts.sender() != SenderStatus.VERIFIED) {
            problems.add("the From domain of '" + request.from() + "' is not a verified domain of the account");
        }
        String displayName = displayName(request.from());
        Brands.Brand impersonated = displayName == null ? null : brands.named(displayName, ownBrand);
        if (impersonated != null) {
            problems.add("the From name '" + displayName + "' names " + impersonated.name());
        }
        String replyTo = EmailHeaders.get(request.headers(), "Reply-To");
        if (replyTo != null) {
            Brands.Brand replyBrand = brands.named(replyTo, ownBrand);
            if (replyBrand != null && !replyBrand.owns(domainOf(replyTo))) {
                problems.add("the Reply-To '" + replyTo + "' names " + replyBrand.name());
            }
        }
        String subject = request.subject();
        if (subject != null && fakesReply(subject) && EmailHeaders.get(request.headers(), "In-Reply-To") == null
                && EmailHeaders.get(request.headers(), "References") == null) {
            problems.add("the subject '" + subject + "' poses as a reply or forward without one");
        }
        if (problems.isEmpty()) {
            return Outcome.pass();
        }
        return Outcome.block(INFO.reason("Misleading email headers: " + String.join("; ", problems) + ".",
                Evidence.of("from", request.from(), "reply_to", replyTo, "subject", subject, "problems", problems)));
    }

    static boolean fakesReply(String subject) {
        String lower = subject.strip().toLowerCase(Locale.ROOT);
        return lower.startsWith("re:") || lower.startsWith("re :") || lower.startsWith("fw:") || lower.startsWith("fwd:")
                || lower.startsWith("aw:") || lower.startsWith("tr:") || lower.startsWith("wg:");
    }

    private static String displayName(String from) {
        int open = from.lastIndexOf('<');
        if (open <= 0) {
            return null;
        }
        String name = from.substring(0, open).strip().replace("\"", "");
        return name.isEmpty() ? null : name;
    }

    private static String domainOf(String address) {
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        String mailbox = open >= 0 && close > open ? address.substring(open + 1, close) : address;
        int at = mailbox.lastIndexOf('@');
        return at < 0 ? mailbox.strip().toLowerCase(Locale.ROOT) : mailbox.substring(at + 1).strip().toLowerCase(Locale.ROOT);
    }
}
