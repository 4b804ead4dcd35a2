package org.consentry.store.inbound;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.consentry.consent.ContactState;
import org.consentry.feedback.FeedbackReport;
import org.consentry.feedback.FeedbackReport.Bounce;
import org.consentry.feedback.FeedbackReport.Complaint;
import org.consentry.feedback.FeedbackReport.Original;
import org.consentry.feedback.FeedbackReport.RecipientStatus;
import org.consentry.ledger.EmailFeedbackRecorded;
import org.consentry.ledger.EmailFeedbackRecorded.Kind;
import org.consentry.ledger.LedgerEvent;
import org.consentry.store.RequestRefused;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.ContactBook;
import org.consentry.store.projection.TenantDirectory;

/**
 * Records what mailbox providers and mail servers report about a tenant's email. A complaint suppresses the
 * address for that tenant's email and counts against the tenant; a hard bounce (5.x.x) suppresses; a soft
 * bounce (4.x.x) is counted, and the one that reaches the limit ({@link SoftBounceLimit}) suppresses; an
 * auto-reply and a "not spam" report record nothing.
 *
 * <p>Whose message it was: the tenant whose verified email domain sent it, else the unsubscribe link the original
 * carried (its signed token names tenant and recipient, even when the provider redacted the recipient), else the
 * tenant that registered the sending domain, else the tenant that posted the report (its own DSN, the original left out).
 * Which recipient: Original-Rcpt-To, the link's token, the provider's own recipient header, the original's To; an
 * internationalised domain recorded in the ASCII form checks use ({@link AsciiAddress}).
 */
public final class EmailFeedback {

    /** Soft bounces that suppress an address: {@code count} of them within {@code window}. */
    public record SoftBounceLimit(int count, Duration window) {

        public static final SoftBounceLimit DEFAULT = new SoftBounceLimit(3, Duration.ofDays(7));

        public SoftBounceLimit {
            if (count < 1 || window.isNegative() || window.isZero() || window.compareTo(ContactBook.SOFT_BOUNCE_MEMORY) > 0) {
                throw new IllegalArgumentException("a soft bounce limit needs a count of at least 1 and a window of 1 to "
                        + ContactBook.SOFT_BOUNCE_MEMORY.toDays() + " days");
            }
        }

        /** Reads {@code 3/7d} (count / days). */
        public static SoftBounceLimit parse(String text) {
            java.util.regex.Matcher form = java.util.regex.Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,3})\\s*d\\s*").matcher(text);
            if (!form.matches()) {
                throw new IllegalArgumentException("'" + text + "' is not a soft bounce limit such as 3/7d");
            }
            return new SoftBounceLimit(Integer.parseInt(form.group(1)), Duration.ofDays(Long.parseLong(form.group(2))));
        }
    }

    /** What one report recorded for one address. */
    public record Recorded(String address, Kind kind, boolean suppressed) {
    }

    /**
     * What a report did.
     *
     * @param report what it was: complaint, not_spam, bounce or auto_reply
     * @param tenant the tenant whose message it was, or null for an auto-reply
     */
    public record Outcome(String report, String tenant, List<Recorded> recorded, String why) {
        public Outcome {
            recorded = List.copyOf(recorded);
        }
    }

    private final TenantDirectory directory;
    private final ContactBook contacts;
    private final Ledger ledger;
    private final EmailUnsubscribes unsubscribes;
    private final SoftBounceLimit softBounceLimit;

    public EmailFeedback(TenantDirectory directory, ContactBook contacts, Ledger ledger, EmailUnsubscribes unsubscribes,
                         SoftBounceLimit softBounceLimit) {
        this.directory = directory;
        this.contacts = contacts;
        this.ledger = ledger;
        this.unsubscribes = unsubscribes;
        this.softBounceLimit = softBounceLimit;
    }

    /**
     * @param caller the tenant that posted the report, or empty for the provider (admin); a tenant may report
     *               only about its own messages
     */
    public Outcome record(FeedbackReport report, Optional<String> caller, Instant at) {
        if (report instanceof FeedbackReport.AutoReply autoReply) {
            return new Outcome("auto_reply", null, List.of(), "An auto-reply (" + autoReply.sign() + ") is neither a complaint nor a bounce.");
        }
        if (report instanceof Complaint complaint) {
            return complaint(complaint, caller, at);
        }
        return bounce((Bounce) report, caller, at);
    }

    private Outcome complaint(Complaint complaint, Optional<String> caller, Instant at) {
        Optional<EmailUnsubscribes.Claim> claim = claim(complaint.original());
        Sender sender = sender(complaint.original(), claim, complaint.originalMailFrom(), caller);
        String tenant = sender.tenant();
        if (!complaint.isComplaint()) {
            return new Outcome("not_spam", tenant, List.of(), "A not-spam report changes nothing.");
        }
        List<String> addresses = complainers(complaint, claim);
        String reporter = complaint.userAgent() != null ? complaint.userAgent() : complaint.reportingMta();
        String detail = "feedback type " + complaint.feedbackType();
        if (addresses.isEmpty()) {
            ledger.append(tenant, List.of(new EmailFeedbackRecorded(Kind.COMPLAINT, null, at, reporter, detail, complaint.original().messageId())));
            return new Outcome("complaint", tenant, List.of(new Recorded(null, Kind.COMPLAINT, false)),
                    "The complaint counts against the account; the report does not say who complained, so no address is suppressed."
                            + sender.note());
        }
        List<LedgerEvent> events = new ArrayList<>();
        List<Recorded> recorded = new ArrayList<>();
        for (String address : addresses) {
            events.add(new EmailFeedbackRecorded(Kind.COMPLAINT, address, at, reporter, detail, complaint.original().messageId()));
            recorded.add(new Recorded(address, Kind.COMPLAINT, true));
        }
        ledger.append(tenant, events);
        return new Outcome("complaint", tenant, recorded,
                String.join(", ", addresses) + (addresses.size() == 1 ? " complained" : " were named by the complaint")
                        + "; the account's email to " + (addresses.size() == 1 ? "it" : "each") + " stops." + sender.note());
    }

    /**
     * Who complained: every Original-Rcpt-To (RFC 5965 lets it repeat), else the recipient the unsubscribe link was
     * made for, the provider's own recipient header, the original's To; in the form checks use, each once.
     */
    private static List<String> complainers(Complaint complaint, Optional<EmailUnsubscribes.Claim> claim) {
        List<String> named = !complaint.recipients().isEmpty() ? complaint.recipients()
                : Collections.singletonList(claim.map(EmailUnsubscribes.Claim::address)
                    .orElse(complaint.original().providerRecipient() != null ? complaint.original().providerRecipient()
                        : complaint.original().to()));
        return named.stream().filter(Objects::nonNull).map(AsciiAddress::of).distinct().toList();
    }

    private Outcome bounce(Bounce bounce, Optional<String> caller, Instant at) {
        Sender sender = sender(bounce.original(), claim(bounce.original()), null, caller);
        String tenant = sender.tenant();
        String reporter = bounce.reportingMta();
        List<LedgerEvent> events = new ArrayList<>();
        List<Recorded> recorded = new ArrayList<>();
        for (RecipientStatus reported : bounce.recipients()) {
            RecipientStatus recipient = new RecipientStatus(AsciiAddress.of(reported.address()), reported.action(), reported.status(),
                    reported.diagnostic());
            String detail = "status " + recipient.status() + " (" + recipient.action() + ")"
                    + (recipient.diagnostic() == null ? "" : ": " + recipient.diagnostic());
            if (recipient.hard()) {
                events.add(new EmailFeedbackRecorded(Kind.HARD_BOUNCE, recipient.address(), at, reporter, detail, bounce.original().messageId()));
                recorded.add(new Recorded(recipient.address(), Kind.HARD_BOUNCE, true));
            } else if (recipient.soft()) {
                events.add(new EmailFeedbackRecorded(Kind.SOFT_BOUNCE, recipient.address(), at, reporter, detail, bounce.original().messageId()));
                ContactState state = contacts.stateOf(tenant, recipient.address());
                int count = state.email().softBouncesSince(at.minus(softBounceLimit.window())) + 1;
                boolean limit = count >= softBounceLimit.count() && state.email().suppression() == null;
                if (limit) {
                    events.add(new EmailFeedbackRecorded(Kind.SOFT_BOUNCE_LIMIT, recipient.address(), at, reporter,
                            count + " soft bounces within " + softBounceLimit.window().toDays() + " days; last " + detail,
                            bounce.original().messageId()));
                }
                recorded.add(new Recorded(recipient.address(), limit ? Kind.SOFT_BOUNCE_LIMIT : Kind.SOFT_BOUNCE, limit));
            }
        }
        if (!events.isEmpty()) {
            ledger.append(tenant, events);
        }
        long suppressed = recorded.stream().filter(Recorded::suppressed).count();
        return new Outcome("bounce", tenant, recorded, (recorded.isEmpty()
                ? "No recipient of the report failed (delivered, relayed or expanded): nothing to record."
                : suppressed + " of " + recorded.size() + " bounced addresses suppressed (hard bounces, and soft bounces at the limit of "
                    + softBounceLimit.count() + " in " + softBounceLimit.window().toDays() + " days).") + sender.note());
    }

    /** The signed unsubscribe link the original message carried, when it is one of this server's. */
    private Optional<EmailUnsubscribes.Claim> claim(Original original) {
        for (String uri : original.listUnsubscribe()) {
            int at = uri.lastIndexOf("/u/");
            if (at >= 0 && uri.toLowerCase(Locale.ROOT).startsWith("http")) {
                Optional<EmailUnsubscribes.Claim> claim = unsubscribes.verify(uri.substring(at + 3));
                if (claim.isPresent()) {
                    return claim;
                }
            }
        }
        return Optional.empty();
    }

    /** Whose message it was, and, when the report points two ways, which way it was decided. */
    private record Sender(String tenant, String note) {
    }

    /**
     * The tenant that sent the message: the tenant whose verified email domain it came from (From, else the envelope's
     * Mail-From), else the tenant whose signed unsubscribe link it carried, else the tenant that registered the domain
     * (pending), else the tenant posting the report. A link is easily copied into another's mail; a verified domain is the sender's own, so when the two
     * disagree the domain's owner is charged (and the recipient suppressed for it), and the answer says so.
     */
    private Sender sender(Original original, Optional<EmailUnsubscribes.Claim> claim, String mailFrom, Optional<String> caller) {
        String linked = claim.map(EmailUnsubscribes.Claim::tenant).orElse(null);
        String from = original.from() != null && verifiedOwner(original.from()).isPresent() ? original.from() : mailFrom;
        String owner = from == null ? null : verifiedOwner(from).orElse(null);
        String tenant = owner != null ? owner : linked;
        if (tenant == null && original.from() != null) {
            tenant = directory.ownerOfEmailDomain(domain(original.from())).orElse(null);
        }
        if (tenant == null && mailFrom != null) {
            tenant = directory.ownerOfEmailDomain(domain(mailFrom)).orElse(null);
        }
        if (tenant == null && caller.isPresent()) {
            tenant = caller.get(); // a tenant posting a report that names no sender (the original left out) posts its own
        }
        if (tenant == null) {
            throw new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "From", original.from() == null
                    ? "the report names no sender (no original message with a From, no unsubscribe link of this server): include the"
                        + " original's headers, or post it with the key of the account that sent it"
                    : "the report's original message (From " + original.from() + ") was not sent from an email domain of any account");
        }
        if (caller.isPresent() && !caller.get().equals(tenant)) {
            throw new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "From", "the report is about another account's message");
        }
        String note = owner != null && linked != null && !owner.equals(linked)
                ? " The message came from " + domain(from) + ", a verified email domain of " + owner + ", though it carried an unsubscribe link of "
                    + linked + ": charged to " + owner + ", the sender."
                : "";
        return new Sender(tenant, note);
    }

    /** The tenant that verified the domain of this address (or a parent of it). */
    private Optional<String> verifiedOwner(String address) {
        String domain = domain(address);
        return directory.verifiedOwnerOfEmailDomain(domain);
    }

    private static String domain(String address) {
        return AsciiAddress.domain(address);
    }
}
