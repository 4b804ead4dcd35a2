package org.consentry.store.inbound;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.consentry.ledger.SpamReported;
import org.consentry.policy.OptOutScope;
import org.consentry.store.RequestRefused;
import org.consentry.store.consent.OptOuts;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.projection.TenantDirectory;

/**
 * Spam reports from recipients (the spam-report page). A report is a complaint against the tenant that owns the
 * sender, kept with what the recipient quotes; the reporter is also opted out of that channel with the tenant,
 * since someone who reports a message as spam does not want the next one. The page does not ask whether a number
 * texted or called, so a report about a number stops both (47 CFR 64.1200(a)(10): any reasonable means).
 */
public final class SpamReports {

    /** What a report about a number stops: its texts and its calls, since the reporter is not asked which it was. */
    private static final Set<OptOutScope> PHONE = Set.of(OptOutScope.SMS, OptOutScope.VOICE);

    /** What a report recorded: the tenant it counts against, and whether the reporter was newly opted out. */
    public record Reported(String tenant, boolean optedOut) {
    }

    private final TenantDirectory directory;
    private final Ledger ledger;
    private final OptOuts optOuts;

    public SpamReports(TenantDirectory directory, Ledger ledger, OptOuts optOuts) {
        this.directory = directory;
        this.ledger = ledger;
        this.optOuts = optOuts;
    }

    /**
     * @param reporter the recipient's number (E.164) or email address (lower case)
     * @param sender   the number (E.164) or email address the message came from
     */
    public Reported report(String reporter, String sender, String text, String ip, Instant at) {
        boolean email = sender.indexOf('@') > 0;
        if (email != (reporter.indexOf('@') > 0)) {
            throw new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "reporter",
                    email ? "a message from an email address was received at an email address" : "a text or call was received at a phone number");
        }
        String domain = email ? sender.substring(sender.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT) : null;
        // the tenant that verified the domain (or a parent) before one that merely claimed it: a claim on news.acme.example
        // made before Acme verified acme.example must not take the reports about Acme's mail
        String tenant = (email ? directory.verifiedOwnerOfEmailDomain(domain).or(() -> directory.ownerOfEmailDomain(domain))
                : directory.ownerOfPhone(sender))
            .orElseThrow(() -> new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "sender",
                    sender + " is not a sender of any account here; report it to your carrier (forward texts to 7726) or mailbox provider"));
        ledger.append(tenant, List.of(new SpamReported(reporter, sender, text, at, ip)));
        OptOuts.Change change = optOuts.optOut(tenant, reporter, email ? Set.of(OptOutScope.EMAIL) : PHONE, at, "spam-report");
        return new Reported(tenant, change.newlyOptedOut());
    }
}
