package org.consentry.store.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import org.consentry.consent.AgreedFrequency;
import org.consentry.consent.Consent;
import org.consentry.consent.ContactDeclaration;
import org.consentry.consent.ContactState;
import org.consentry.consent.EmailRecord;
import org.consentry.consent.ListOptOut;
import org.consentry.consent.OptOut;
import org.consentry.consent.Relationship;
import org.consentry.consent.SentMessage;
import org.consentry.content.Shingles;
import org.consentry.ledger.ConsentConfirmed;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.ConsentReinstated;
import org.consentry.ledger.ConsentRevoked;
import org.consentry.ledger.ContactDeclared;
import org.consentry.ledger.EmailFeedbackRecorded;
import org.consentry.ledger.ErasedEvent;
import org.consentry.ledger.InternalDncAdded;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.ListUnsubscribed;
import org.consentry.ledger.OptedIn;
import org.consentry.ledger.OptedOut;
import org.consentry.ledger.PermissionPassRequired;
import org.consentry.ledger.RelationshipRecorded;
import org.consentry.ledger.SendCommitted;
import org.consentry.ledger.SubjectErased;
import org.consentry.policy.OptOutScope;
import org.consentry.store.ledger.LedgerListener;
import org.consentry.store.ledger.SubjectRefs;

/**
 * What each tenant's ledger says about each recipient: consents, opt-outs, its own Do-Not-Call list, what
 * the tenant declared about the recipient, business relationships, and the sends committed to it in the
 * last {@value #SEND_HISTORY_DAYS} days (the longest window a cap counts).
 */
public final class ContactBook implements LedgerListener {

    public static final int SEND_HISTORY_DAYS = 31;
    /** Soft bounces are remembered this long: longer than any window the soft bounce limit counts over. */
    public static final Duration SOFT_BOUNCE_MEMORY = Duration.ofDays(90);

    private final Map<String, ContactIndex<ContactState>> byTenant = new ConcurrentHashMap<>();
    /** Per tenant, the salted hashes of the people erased, with when: all that is left of them. */
    private final Map<String, Map<String, Instant>> erased = new ConcurrentHashMap<>();
    private final SubjectRefs refs;
    /** Tenants whose ledger holds events about people written in clear (before sealing): only theirs need the slow check. */
    private final java.util.Set<String> keptInClear = ConcurrentHashMap.newKeySet();

    /** @param refs how the ledger names people, to recognise an erased one by address; null where nothing is ever erased */
    public ContactBook(SubjectRefs refs) {
        this.refs = refs;
    }

    public ContactBook() {
        this(null);
    }

    /**
     * Brings the address's slot in the tenant's index into the cache, for a caller about to look up many addresses
     * (see {@link org.consentry.collect.LongTable#touch}); the answer means nothing.
     */
    public long touch(String tenant, String address) {
        ContactIndex<ContactState> contacts = byTenant.get(tenant);
        return contacts == null ? 0 : contacts.touch(address);
    }

    public ContactState stateOf(String tenant, String address) {
        ContactIndex<ContactState> contacts = byTenant.get(tenant);
        return stateOf(tenant, address, contacts == null ? null : contacts.get(address));
    }

    /**
     * The states of many addresses at once, as {@link #stateOf} gives each ({@code addresses[i]} null: none, and
     * {@link ContactState#EMPTY}), for a caller judging a group of recipients: their records are found together and
     * each record's first lines brought into the cache together, so that the waits on memory overlap (ten million
     * records do not fit in a cache) instead of coming one after another.
     */
    public void statesOf(String tenant, String[] addresses, int count, ContactState[] into) {
        ContactIndex<ContactState> contacts = byTenant.get(tenant);
        if (contacts == null) {
            Arrays.fill(into, 0, count, null);
        } else {
            contacts.getAll(addresses, count, into);
        }
        long touched = 0;
        for (int i = 0; i < count; i++) {
            if (into[i] != null) {
                touched += into[i].consents().size() + into[i].optOuts().size();
            }
        }
        for (int i = 0; i < count; i++) {
            if (into[i] != null) {
                List<Consent> consents = into[i].consents();
                for (int c = 0, n = consents.size(); c < n; c++) {
                    touched += consents.get(c).capturedAt().getNano();
                }
            }
        }
        if (touched == Long.MIN_VALUE + 7) {
            touchedSink = touched; // (almost) never written, so the threads do not share the line; compared, so the loads stay
        }
        for (int i = 0; i < count; i++) {
            into[i] = addresses[i] == null ? ContactState.EMPTY : stateOf(tenant, addresses[i], into[i]);
        }
    }

    /** Where {@link #statesOf}'s touches go, so that the compiler keeps the loads. */
    @SuppressWarnings("unused")
    private long touchedSink;

    /** The state of the recipient whose record in the tenant's index is {@code state} (null: none). */
    private ContactState stateOf(String tenant, String address, ContactState state) {
        if (state == null) {
            Instant erasedAt = erasedAt(tenant, address);
            return erasedAt == null ? ContactState.EMPTY : ContactState.erased(erasedAt);
        }
        if (state.erasedAt() != null || !keptInClear.contains(tenant)) {
            return state;
        }
        // a state without the mark can still be an erased person's, from events a ledger older than sealing kept in clear
        Instant erasedAt = erasedAt(tenant, address);
        return erasedAt == null ? state : state.withErasedAt(erasedAt);
    }

    /** When the person was erased with the tenant, or null; only tenants that erased someone pay for the hash. */
    private Instant erasedAt(String tenant, String address) {
        Map<String, Instant> gone = erased.get(tenant);
        return gone == null || refs == null ? null : gone.get(refs.of(tenant, address));
    }

    /** The tenants whose committed sends (of the last {@value #SEND_HISTORY_DAYS} days) reached {@code address} from the number {@code sender}. */
    public Set<String> tenantsThatSent(String address, String sender) {
        Set<String> tenants = new TreeSet<>();
        byTenant.forEach((tenant, contacts) -> {
            ContactState state = contacts.get(address);
            if (state != null && state.recentSends().stream().anyMatch(sent -> sent.from(sender))) {
                tenants.add(tenant);
            }
        });
        return tenants;
    }

    /** A pending consent, where it is. */
    public record Pending(String tenant, String address, String consentId) {
    }

    /** Every consent, of any tenant, that has been waiting for its confirmation since before {@code cutoff}. */
    public List<Pending> pendingBefore(Instant cutoff) {
        List<Pending> pending = new ArrayList<>();
        pendingSince.forEach((consentId, since) -> {
            if (since.at().isBefore(cutoff)) {
                Consent consent = stateOf(since.pending().tenant(), since.pending().address()).consent(consentId);
                if (consent != null && consent.status() == org.consentry.consent.ConsentStatus.PENDING) {
                    pending.add(since.pending());
                }
            }
        });
        return pending;
    }

    /** Since when a pending consent waits: from the event that made it pending (its recording, or a permission pass). */
    /** The tenant's consents waiting for their confirmation, oldest first. */
    public List<Pending> pendingOf(String tenant) {
        List<Since> found = new ArrayList<>();
        pendingSince.forEach((consentId, since) -> {
            if (since.pending().tenant().equals(tenant)) {
                Consent consent = stateOf(tenant, since.pending().address()).consent(consentId);
                if (consent != null && consent.status() == org.consentry.consent.ConsentStatus.PENDING) {
                    found.add(since);
                }
            }
        });
        found.sort(Comparator.comparing(Since::at).thenComparingLong(Since::order));
        return found.stream().map(Since::pending).toList();
    }

    /** When a consent began to wait, and the order it came in (several may come in one append, at one instant). */
    private record Since(Pending pending, Instant at, long order) {
    }

    private final Map<String, Since> pendingSince = new ConcurrentHashMap<>();
    private final AtomicLong waiting = new AtomicLong();

    /** How many of the tenant's active consents a permission pass would send back to pending. */
    public int countReached(String tenant, PermissionPassRequired pass) {
        ContactIndex<ContactState> contacts = byTenant.get(tenant);
        if (contacts == null) {
            return 0;
        }
        int[] count = {0};
        contacts.forEach(state -> {
            for (Consent consent : state.consents()) {
                if (consent.status() == org.consentry.consent.ConsentStatus.ACTIVE && pass.reaches(consent.capturedAt(), consent.importSource())) {
                    count[0]++;
                }
            }
        });
        return count[0];
    }

    /** Every permission pass the provider required of each tenant. */
    private final Map<String, List<PermissionPassRequired>> passes = new ConcurrentHashMap<>();

    /**
     * Whether a permission pass required of the tenant reaches a consent captured at {@code capturedAt} (from the import
     * {@code importSource}, or null): such a consent waits for the recipient's confirmation whenever it is recorded,
     * or recording it again would undo the pass.
     */
    public boolean reachedByPass(String tenant, Instant capturedAt, String importSource) {
        for (PermissionPassRequired pass : passes.getOrDefault(tenant, List.of())) {
            if (pass.reaches(capturedAt, importSource)) {
                return true;
            }
        }
        return false;
    }

    /** How many recipients the tenant has any record of. */
    public int size(String tenant) {
        ContactIndex<ContactState> contacts = byTenant.get(tenant);
        return contacts == null ? 0 : contacts.size();
    }

    @Override public void apply(LedgerEntry entry) {
        LedgerEvent event = entry.event();
        if (event.subject() != null && entry.sealed() == null && !(event instanceof ErasedEvent) && !keptInClear.contains(entry.tenant())) {
            keptInClear.add(entry.tenant()); // read first: a replay meets the same tenant millions of times
        }
        if (event instanceof SubjectErased gone) {
            erased.computeIfAbsent(entry.tenant(), id -> new ConcurrentHashMap<>()).put(gone.subjectRef(), entry.recordedAt());
            if (gone.address() != null) { // as it happens: forget what this process knew of them (a replay never learns it)
                byTenant.computeIfAbsent(entry.tenant(), id -> new ContactIndex<>()).put(gone.address(), ContactState.erased(entry.recordedAt()));
                pendingSince.values().removeIf(since -> since.pending().tenant().equals(entry.tenant())
                        && since.pending().address().equals(gone.address()));
            }
        } else if (event instanceof ConsentGranted) {
            ConsentGranted granted = (ConsentGranted) event;
            Consent consent = Consent.recorded(granted.consentId(), granted.channel(), granted.purpose(), granted.method(),
                    granted.status(), granted.confirmed(), granted.capturedAt()).withImportSource(granted.evidence().importSource());
            AgreedFrequency frequency = AgreedFrequency.parse(granted.evidence().frequency()).orElse(null);
            Consent withTerms = frequency == null ? consent : consent.withFrequency(frequency);
            // a pass reaches a consent whenever it is recorded: one decided active just before the pass, written after it, waits too
            Consent recorded = withTerms.status() == org.consentry.consent.ConsentStatus.ACTIVE
                    && reachedByPass(entry.tenant(), withTerms.capturedAt(), withTerms.importSource()) ? withTerms.awaitingReconfirmation() : withTerms;
            update(entry.tenant(), granted.address(), state -> state.withConsents(add(state.consents(), recorded)));
            if (recorded.status() == org.consentry.consent.ConsentStatus.PENDING) {
                pendingSince.put(granted.consentId(), new Since(new Pending(entry.tenant(), granted.address(), granted.consentId()),
                        entry.recordedAt(), waiting.incrementAndGet()));
            }
        } else if (event instanceof ConsentConfirmed) {
            ConsentConfirmed confirmed = (ConsentConfirmed) event;
            pendingSince.remove(confirmed.consentId());
            update(entry.tenant(), confirmed.address(), state -> replace(state, confirmed.consentId(), Consent::confirm));
        } else if (event instanceof ConsentRevoked) {
            ConsentRevoked revoked = (ConsentRevoked) event;
            pendingSince.remove(revoked.consentId());
            update(entry.tenant(), revoked.address(),
                    state -> replace(state, revoked.consentId(), c -> c.revoked(revoked.at(), revoked.byOptOut())));
        } else if (event instanceof ConsentReinstated) {
            ConsentReinstated reinstated = (ConsentReinstated) event;
            update(entry.tenant(), reinstated.address(), state -> replace(state, reinstated.consentId(), Consent::reinstated));
            // a pending consent a STOP revoked and a START brought back waits for its confirmation again, and lapses again
            Consent back = stateOf(entry.tenant(), reinstated.address()).consent(reinstated.consentId());
            if (back != null && back.status() == org.consentry.consent.ConsentStatus.PENDING) {
                pendingSince.put(back.id(), new Since(new Pending(entry.tenant(), reinstated.address(), back.id()), entry.recordedAt(),
                        waiting.incrementAndGet()));
            }
        } else if (event instanceof OptedOut) {
            OptedOut optedOut = (OptedOut) event;
            update(entry.tenant(), optedOut.address(), state -> {
                Map<OptOutScope, OptOut> optOuts = new EnumMap<>(OptOutScope.class);
                optOuts.putAll(state.optOuts());
                for (OptOutScope scope : optedOut.scopes()) {
                    OptOut before = optOuts.get(scope);
                    optOuts.put(scope, before == null ? new OptOut(scope, optedOut.at(), optedOut.via()) : before.repeatedAt(optedOut.at()));
                }
                return state.withOptOuts(optOuts);
            });
        } else if (event instanceof PermissionPassRequired pass) {
            passes.computeIfAbsent(entry.tenant(), t -> new java.util.concurrent.CopyOnWriteArrayList<>()).add(pass);
            ContactIndex<ContactState> contacts = byTenant.get(entry.tenant());
            if (contacts != null) {
                contacts.replaceAll((address, state) -> {
                    List<Consent> consents = new ArrayList<>(state.consents().size());
                    boolean changed = false;
                    for (Consent consent : state.consents()) {
                        Consent after = pass.reaches(consent.capturedAt(), consent.importSource()) ? consent.awaitingReconfirmation() : consent;
                        changed |= after != consent;
                        consents.add(after);
                        if (after != consent && after.status() == org.consentry.consent.ConsentStatus.PENDING) {
                            pendingSince.put(after.id(), new Since(new Pending(entry.tenant(), address, after.id()), entry.recordedAt(), waiting.incrementAndGet()));
                        }
                    }
                    return changed ? state.withConsents(consents) : state;
                });
            }
        } else if (event instanceof ListUnsubscribed) {
            ListUnsubscribed left = (ListUnsubscribed) event;
            update(entry.tenant(), left.address(), state -> state.listOptOuts().containsKey(left.list()) ? state
                    : state.withEmail(state.email().withListOptOut(new ListOptOut(left.list(), left.at(), left.via()))));
        } else if (event instanceof EmailFeedbackRecorded) {
            EmailFeedbackRecorded report = (EmailFeedbackRecorded) event;
            if (report.address() != null) {
                update(entry.tenant(), report.address(), state -> state.withEmail(report.kind().suppresses()
                        ? state.email().suppressed(new EmailRecord.Suppression(report.kind().wireName(), report.at(), report.reporter(),
                                report.detail()))
                        : state.email().withSoftBounce(report.at(), report.at().minus(SOFT_BOUNCE_MEMORY))));
            }
        } else if (event instanceof OptedIn) {
            OptedIn optedIn = (OptedIn) event;
            update(entry.tenant(), optedIn.address(), state -> {
                Map<OptOutScope, OptOut> optOuts = new EnumMap<>(OptOutScope.class);
                optOuts.putAll(state.optOuts());
                optOuts.keySet().removeAll(optedIn.scopes());
                return state.withOptOuts(optOuts);
            });
        } else if (event instanceof InternalDncAdded) {
            InternalDncAdded added = (InternalDncAdded) event;
            update(entry.tenant(), added.number(), state -> state.withInternalDncSince(earliest(state.internalDncSince(), added.at())));
        } else if (event instanceof ContactDeclared) {
            ContactDeclared declared = (ContactDeclared) event;
            update(entry.tenant(), declared.address(), state -> {
                ContactDeclaration was = state.declaration();
                return state.withDeclaration(new ContactDeclaration(
                        declared.country() != null ? declared.country() : was.country(),
                        declared.state() != null ? declared.state() : was.state(),
                        declared.lineType() != null ? declared.lineType() : was.lineType()));
            });
        } else if (event instanceof RelationshipRecorded) {
            RelationshipRecorded recorded = (RelationshipRecorded) event;
            update(entry.tenant(), recorded.address(), state -> state.withRelationship(new Relationship(recorded.kind(), recorded.at())));
        } else if (event instanceof SendCommitted) {
            SendCommitted sent = (SendCommitted) event;
            if (sent.address() != null) {
                SentMessage message = new SentMessage(sent.sendAt(), sent.channel(), sent.purpose(), sent.topic(), sent.contentHash(),
                        Shingles.ofHashes(sent.shingles()), sent.from());
                // what is kept is counted from when the send was committed, not from its send_at: one committed for next
                // month must not push out the sends of today, which the checks of today still count
                Instant committed = sent.sendAt().isBefore(entry.recordedAt()) ? sent.sendAt() : entry.recordedAt();
                update(entry.tenant(), sent.address(), state -> state.withSend(message,
                        committed.minus(Duration.ofDays(SEND_HISTORY_DAYS))));
            }
        }
    }

    private void update(String tenant, String address, UnaryOperator<ContactState> change) {
        byTenant.computeIfAbsent(tenant, id -> new ContactIndex<>())
                .compute(address, (key, state) -> change.apply(state != null ? state : stateOf(tenant, address)));
    }

    private static ContactState replace(ContactState state, String consentId, UnaryOperator<Consent> change) {
        List<Consent> consents = new ArrayList<>(state.consents().size());
        for (Consent consent : state.consents()) {
            consents.add(consent.id().equals(consentId) ? change.apply(consent) : consent);
        }
        return state.withConsents(consents);
    }

    private static List<Consent> add(List<Consent> consents, Consent consent) {
        List<Consent> more = new ArrayList<>(consents.size() + 1);
        more.addAll(consents);
        more.add(consent);
        return more;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a == null || b.isBefore(a) ? b : a;
    }
}
