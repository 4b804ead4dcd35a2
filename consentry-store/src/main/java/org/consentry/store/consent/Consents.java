package org.consentry.store.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.consentry.consent.AgreedFrequency;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.ledger.ConsentConfirmed;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.store.Ids;
import org.consentry.store.RequestRefused;
import org.consentry.store.ledger.Ledger;
import org.consentry.store.ledger.RecipientLocks;
import org.consentry.store.projection.ContactBook;
import org.consentry.tenant.TenantSettings;

/** Records and revokes consents. */
public final class Consents {

    private final Ledger ledger;
    private final ContactBook contacts;
    private final Ids ids;
    private final RecipientLocks locks;

    public Consents(Ledger ledger, ContactBook contacts, Ids ids, RecipientLocks locks) {
        this.ledger = ledger;
        this.contacts = contacts;
        this.ids = ids;
        this.locks = locks;
    }

    /**
     * Records a consent. Under the tenant's double opt-in setting for the channel, an unconfirmed consent is
     * pending until the recipient confirms it; so is one a permission pass reaches (captured before its date, or of
     * its import), confirmed or not; otherwise it is active at once.
     */
    public Consent record(String tenant, TenantSettings settings, NewConsent consent) {
        // under the recipient's lock, as an opt-out is decided: written between an opt-out's reading of the recipient and
        // its append, a consent granted before the opt-out would not be among those it revokes
        return locks.under(tenant, consent.address(), () -> {
            ConsentStatus status = status(tenant, settings, consent);
            String id = ids.next("con");
            ledger.append(tenant, List.of(new ConsentGranted(id, consent.address(), consent.channel(), consent.purpose(),
                    consent.method(), status, consent.capturedAt(), consent.confirmed(), consent.evidence())));
            return contacts.stateOf(tenant, consent.address()).consent(id);
        });
    }

    /**
     * Records the consents of an imported list in one append: all of them are written, or (when the ledger refuses)
     * none. Each is pending or active as {@link #record} decides.
     *
     * @return the number recorded
     */
    public int importAll(String tenant, TenantSettings settings, List<NewConsent> list) {
        if (list.isEmpty()) {
            return 0;
        }
        // under the recipients' locks, as record (an opt-out written beside must revoke what was granted before it)
        return locks.underAll(tenant, addresses(list), () -> {
            List<LedgerEvent> events = new ArrayList<>(list.size());
            for (NewConsent consent : list) {
                ConsentStatus status = status(tenant, settings, consent);
                events.add(new ConsentGranted(ids.next("con"), consent.address(), consent.channel(), consent.purpose(), consent.method(), status,
                        consent.capturedAt(), consent.confirmed(), consent.evidence()));
            }
            ledger.append(tenant, events);
            return events.size();
        });
    }

    private static List<String> addresses(List<NewConsent> list) {
        List<String> addresses = new ArrayList<>(list.size());
        for (NewConsent consent : list) {
            addresses.add(consent.address());
        }
        return addresses;
    }

    /**
     * Records consents that wait for the recipient's confirmation whatever the tenant's settings (those given on a
     * hosted form always go through double opt-in), in one append: all of them or none.
     *
     * @return the consents, pending, in the order given
     */
    public List<Consent> recordPending(String tenant, List<NewConsent> list) {
        List<LedgerEvent> events = new ArrayList<>(list.size());
        List<String> ids = new ArrayList<>(list.size());
        for (NewConsent consent : list) {
            String id = this.ids.next("con");
            ids.add(id);
            events.add(new ConsentGranted(id, consent.address(), consent.channel(), consent.purpose(), consent.method(),
                    ConsentStatus.PENDING, consent.capturedAt(), false, consent.evidence()));
        }
        if (events.isEmpty()) {
            return List.of();
        }
        locks.underAll(tenant, addresses(list), () -> ledger.append(tenant, events)); // as record
        List<Consent> recorded = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            recorded.add(contacts.stateOf(tenant, list.get(i).address()).consent(ids.get(i)));
        }
        return recorded;
    }

    /**
     * Requires the tenant's recipients to confirm again the consents captured before {@code capturedBefore}, or
     * those of the import {@code importSource}: they are pending (CONSENT_UNCONFIRMED) until the recipient confirms.
     *
     * @return how many active consents it sent back to pending
     */
    public int requirePermissionPass(String tenant, Instant capturedBefore, String importSource, String reason) {
        org.consentry.ledger.PermissionPassRequired pass = new org.consentry.ledger.PermissionPassRequired(capturedBefore, importSource, reason);
        int reached = contacts.countReached(tenant, pass);
        ledger.append(tenant, List.of(pass));
        return reached;
    }

    /**
     * Revokes every consent still pending {@code lifetime} after it was recorded (or sent back to pending by a
     * permission pass): a double opt-in never confirmed lapses. Run at start and regularly; running it again changes nothing more.
     *
     * @return how many lapsed
     */
    public int expirePending(Instant now, java.time.Duration lifetime) {
        java.util.Map<String, List<ContactBook.Pending>> byTenant = new java.util.LinkedHashMap<>();
        for (ContactBook.Pending pending : contacts.pendingBefore(now.minus(lifetime))) {
            byTenant.computeIfAbsent(pending.tenant(), t -> new ArrayList<>()).add(pending);
        }
        int count = 0;
        for (java.util.Map.Entry<String, List<ContactBook.Pending>> tenant : byTenant.entrySet()) {
            List<String> addresses = tenant.getValue().stream().map(ContactBook.Pending::address).toList();
            // under the recipients' locks, and only the consents still pending then: a YES confirmed since the look above
            // must not be undone by a lapse written after it
            count += locks.underAll(tenant.getKey(), addresses, () -> {
                List<LedgerEvent> lapsed = new ArrayList<>();
                for (ContactBook.Pending pending : tenant.getValue()) {
                    Consent consent = contacts.stateOf(pending.tenant(), pending.address()).consent(pending.consentId());
                    if (consent != null && consent.status() == ConsentStatus.PENDING) {
                        lapsed.add(new ConsentRevoked(pending.consentId(), pending.address(), now,
                                "expired: not confirmed within " + lifetime.toDays() + " days", false));
                    }
                }
                if (!lapsed.isEmpty()) {
                    ledger.append(tenant.getKey(), lapsed);
                }
                return lapsed.size();
            });
        }
        return count;
    }

    /**
     * Revokes one consent; revoking a revoked consent changes nothing.
     *
     * @throws RequestRefused (unacceptable, {@code at}) when {@code at} is before the consent was captured
     */
    public Consent revoke(String tenant, String consentId, Instant at, String via) {
        String address = addressOf(tenant, consentId);
        return locks.under(tenant, address, () -> {
            Consent consent = find(tenant, consentId);
            if (consent.status() == ConsentStatus.REVOKED) {
                return consent;
            }
            if (at.isBefore(consent.capturedAt())) {
                throw new RequestRefused(RequestRefused.Kind.UNACCEPTABLE, "at", "the consent was captured at " + consent.capturedAt()
                        + "; it cannot be revoked before that (at " + at + ")");
            }
            ledger.append(tenant, List.of(new ConsentRevoked(consentId, address, at, via, false)));
            return find(tenant, consentId);
        });
    }

    /**
     * Confirms every pending consent of the address whose channel falls in {@code scope} (a YES by text
     * confirms the pending SMS and MMS consents) and that was given by {@code at}: a reply stamped before a consent
     * was given (one reported late) cannot be the answer to its confirmation.
     *
     * @return the ids of the consents confirmed
     */
    public List<String> confirmPending(String tenant, String address, OptOutScope scope, Instant at, String via) {
        return locks.under(tenant, address, () -> confirmPendingLocked(tenant, address, scope, at, via));
    }

    private List<String> confirmPendingLocked(String tenant, String address, OptOutScope scope, Instant at, String via) {
        List<LedgerEvent> events = new ArrayList<>();
        List<String> confirmed = new ArrayList<>();
        for (Consent consent : contacts.stateOf(tenant, address).consents()) {
            if (consent.status() == ConsentStatus.PENDING && consent.channel().optOutScope() == scope && !consent.capturedAt().isAfter(at)) {
                events.add(new ConsentConfirmed(consent.id(), address, at, via));
                confirmed.add(consent.id());
            }
        }
        ledger.append(tenant, events);
        return confirmed;
    }

    /** The frequency named by the latest active consent of the address for texts, if it names one. */
    public Optional<AgreedFrequency> textFrequency(String tenant, String address) {
        Consent latest = null;
        for (Consent consent : contacts.stateOf(tenant, address).consents()) {
            if (consent.status() == ConsentStatus.ACTIVE && consent.channel().isText() && consent.frequency() != null
                    && (latest == null || consent.capturedAt().isAfter(latest.capturedAt()))) {
                latest = consent;
            }
        }
        return latest == null ? Optional.empty() : Optional.of(latest.frequency());
    }

    /**
     * Confirms one pending consent (the email confirmation link), with the browser's IP address and user agent as
     * the confirmation's evidence.
     */
    public Consent confirm(String tenant, String address, String consentId, Instant at, String via, String ip, String userAgent) {
        return locks.under(tenant, address, () -> confirmLocked(tenant, address, consentId, at, via, ip, userAgent));
    }

    private Consent confirmLocked(String tenant, String address, String consentId, Instant at, String via, String ip, String userAgent) {
        Consent consent = contacts.stateOf(tenant, address).consent(consentId);
        if (consent == null) {
            throw new RequestRefused(RequestRefused.Kind.NOT_FOUND, "consent", "no consent " + consentId);
        }
        if (consent.status() != ConsentStatus.PENDING) {
            throw new RequestRefused(RequestRefused.Kind.CONFLICT, "consent", "the consent is " + consent.status().wireName() + ", not pending");
        }
        ledger.append(tenant, List.of(new ConsentConfirmed(consentId, address, at, via, ip, userAgent)));
        return contacts.stateOf(tenant, address).consent(consentId);
    }

    public Consent find(String tenant, String consentId) {
        Consent consent = contacts.stateOf(tenant, addressOf(tenant, consentId)).consent(consentId);
        if (consent == null) {
            throw notFound(consentId);
        }
        return consent;
    }

    /** Every ledger event of the tenant about the address, oldest first. */
    public List<LedgerEntry> history(String tenant, String address) {
        return ledger.about(tenant, address);
    }

    private String addressOf(String tenant, String consentId) {
        for (LedgerEntry entry : ledger.ofConsent(tenant, consentId)) {
            if (entry.event() instanceof ConsentGranted) {
                return ((ConsentGranted) entry.event()).address();
            }
        }
        throw notFound(consentId);
    }

    private static RequestRefused notFound(String consentId) {
        return new RequestRefused(RequestRefused.Kind.NOT_FOUND, null, "no consent " + consentId);
    }

    private ConsentStatus status(String tenant, TenantSettings settings, NewConsent consent) {
        boolean unconfirmed = !consent.confirmed() && doubleOptIn(settings, consent.channel());
        return unconfirmed || contacts.reachedByPass(tenant, consent.capturedAt(), consent.evidence().importSource())
                ? ConsentStatus.PENDING : ConsentStatus.ACTIVE;
    }

    private static boolean doubleOptIn(TenantSettings settings, Channel channel) {
        if (channel.isText()) {
            return settings.doubleOptInSms();
        }
        return channel == Channel.EMAIL && settings.doubleOptInEmail();
    }
}
