package org.consentry.policy.rules.email;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.consentry.address.AddressListParser;
import org.consentry.address.EmailAddress;
import org.consentry.address.EmailAddressParser;
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
 * domain is one of the tenant's verified domains, and so is that of every address in a {@code From},
 * {@code Sender} or {@code Return-Path} header the request gives (names in any case; a header that cannot be
 * read as a list of addresses is refused); the From display name and the Reply-To do not name a
 * brand the tenant is not; a subject does not pretend to be a reply or a forward of an earlier exchange.
 */
public final class EmailHeaderRule implements Rule {

    private static final RuleScope SCOPE = RuleScope.channels(Channel.EMAIL);
    private static final RuleInfo INFO = new RuleInfo("email/honest-headers",
            "From, and every address in From, Sender and Return-Path headers, is of a verified domain of the tenant; display name and Reply-To do not impersonate another brand; the subject fakes no reply or forward.",
            "15 U.S.C. 7704(a)(1)-(2)", List.of(ReasonCode.EMAIL_HEADER_INVALID), List.of("/org/consentry/rules/brands.tsv"))
            .because("False or misleading headers (a From domain that is not the sender's, a display name of another "
                    + "brand, a fake 'RE:') are prohibited by CAN-SPAM and are the marks of phishing.");
    /** The headers that name who a message is from, as RFC 5322 3.6.2 and 3.6.7 spell them. */
    private static final List<String> ORIGINATOR_HEADERS = List.of("From", "Sender", "Return-Path");
    /** Reply and forward prefixes: English, German (AW, WG), French (TR). */
    private static final List<String> REPLY_PREFIXES = List.of("re", "fwd", "fw", "aw", "tr", "wg");
    private static final AddressListParser ADDRESS_LISTS = new AddressListParser(new EmailAddressParser());

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
        List<Map<String, String>> originators = originators(request.headers(), facts, problems);
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
                Evidence.of("from", request.from(), "header_addresses", originators.isEmpty() ? null : originators, "reply_to", replyTo,
                        "subject", subject, "problems", problems)));
    }

    /**
     * The addresses of the From, Sender and Return-Path headers (in that order, each given in any case) that are not
     * of a verified domain of the tenant, each with its header, and those headers that name no address that can be
     * read; a problem added for each.
     */
    private static List<Map<String, String>> originators(Map<String, String> headers, Facts facts, List<String> problems) {
        List<Map<String, String>> found = List.of();
        for (String name : ORIGINATOR_HEADERS) {
            for (Map.Entry<String, String> header : headers.entrySet()) {
                if (name.equalsIgnoreCase(header.getKey().strip())) {
                    found = check(name, header.getValue(), facts, found, problems);
                }
            }
        }
        return found;
    }

    private static List<Map<String, String>> check(String name, String value, Facts facts, List<Map<String, String>> found,
                                                   List<String> problems) {
        Optional<List<EmailAddress>> addresses = ADDRESS_LISTS.parse(value);
        if (addresses.isEmpty() || addresses.get().isEmpty()) {
            problems.add("the " + name + " header '" + value + "' is not an address that can be read");
            return add(found, name, value);
        }
        for (EmailAddress address : addresses.get()) {
            if (!facts.emailDomains().verified(address.domain())) {
                problems.add("the " + name + " header names " + address.canonical() + ", not of a verified domain of the account");
                found = add(found, name, address.canonical());
            }
        }
        return found;
    }

    private static List<Map<String, String>> add(List<Map<String, String>> found, String header, String address) {
        List<Map<String, String>> all = found.isEmpty() ? new ArrayList<>(2) : found;
        Map<String, String> item = new LinkedHashMap<>();
        item.put("header", header);
        item.put("address", address);
        all.add(item);
        return all;
    }

    /**
     * True when the subject starts as a reply or forward does, the way mail clients write it: "RE:", "Fwd :",
     * "Re[2]:" or "RE(3):" (a count of replies), a full-width colon, after list tags such as "[Acme]".
     */
    static boolean fakesReply(String subject) {
        String lower = subject.strip().toLowerCase(Locale.ROOT).replace('\uFF1A', ':');
        while (lower.startsWith("[") && lower.indexOf(']') > 0) {
            lower = lower.substring(lower.indexOf(']') + 1).strip();
        }
        for (String prefix : REPLY_PREFIXES) {
            if (lower.startsWith(prefix) && startsWithColon(lower, prefix.length())) {
                return true;
            }
        }
        return false;
    }

    /** True when the text from {@code at} is a colon, after spaces and a count in brackets ("[2]", "(3)"). */
    private static boolean startsWithColon(String text, int at) {
        int i = at;
        if (i < text.length() && (text.charAt(i) == '[' || text.charAt(i) == '(')) {
            char close = text.charAt(i) == '[' ? ']' : ')';
            int j = i + 1;
            while (j < text.length() && Character.isDigit(text.charAt(j))) {
                j++;
            }
            if (j == i + 1 || j >= text.length() || text.charAt(j) != close) {
                return false;
            }
            i = j + 1;
        }
        while (i < text.length() && text.charAt(i) == ' ') {
            i++;
        }
        return i < text.length() && text.charAt(i) == ':';
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
