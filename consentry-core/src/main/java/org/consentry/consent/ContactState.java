package org.consentry.consent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.consentry.policy.OptOutScope;

/**
 * What one tenant's ledger says about one recipient: consents, opt-outs, whether the number is on the
 * tenant's own Do-Not-Call list, what the tenant declared about it, its business relationships, and the
 * sends committed to it recently. Immutable; the store replaces it as events arrive.
 *
 * @param internalDncSince when the number went on the tenant's own Do-Not-Call list; null if it is not on it
 * @param recentSends      committed sends, oldest first, as far back as the longest cap counts
 * @param email            the email lists it left, its suppression and soft bounces
 * @param erasedAt         when the recipient's personal data was erased at their request (GDPR art. 17): nothing else
 *                         is known of them, and they are never messaged again; null if never
 */
public record ContactState(List<Consent> consents, Map<OptOutScope, OptOut> optOuts, Instant internalDncSince,
                           ContactDeclaration declaration, List<Relationship> relationships, List<SentMessage> recentSends,
                           EmailRecord email, Instant erasedAt) {

    public static final ContactState EMPTY = new ContactState(List.of(), Map.of(), null, ContactDeclaration.NONE, List.of(), List.of(),
            EmailRecord.NONE);

    public ContactState {
        consents = List.copyOf(consents);
        optOuts = optOuts.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(optOuts));
        declaration = declaration == null ? ContactDeclaration.NONE : declaration;
        relationships = List.copyOf(relationships);
        recentSends = List.copyOf(recentSends);
        email = email == null ? EmailRecord.NONE : email;
    }

    public ContactState(List<Consent> consents, Map<OptOutScope, OptOut> optOuts, Instant internalDncSince,
                        ContactDeclaration declaration, List<Relationship> relationships, List<SentMessage> recentSends, EmailRecord email) {
        this(consents, optOuts, internalDncSince, declaration, relationships, recentSends, email, null);
    }

    public ContactState(List<Consent> consents, Map<OptOutScope, OptOut> optOuts, Instant internalDncSince,
                        ContactDeclaration declaration, List<Relationship> relationships, List<SentMessage> recentSends) {
        this(consents, optOuts, internalDncSince, declaration, relationships, recentSends, EmailRecord.NONE);
    }

    public ContactState(List<Consent> consents, Map<OptOutScope, OptOut> optOuts, Instant internalDncSince) {
        this(consents, optOuts, internalDncSince, ContactDeclaration.NONE, List.of(), List.of());
    }

    public OptOut optOut(OptOutScope scope) {
        return optOuts.get(scope);
    }

    public Consent consent(String id) {
        for (Consent consent : consents) {
            if (consent.id().equals(id)) {
                return consent;
            }
        }
        return null;
    }

    public ContactState withConsents(List<Consent> newConsents) {
        return new ContactState(newConsents, optOuts, internalDncSince, declaration, relationships, recentSends, email, erasedAt);
    }

    public ContactState withOptOuts(Map<OptOutScope, OptOut> newOptOuts) {
        return new ContactState(consents, newOptOuts, internalDncSince, declaration, relationships, recentSends, email, erasedAt);
    }

    public ContactState withInternalDncSince(Instant since) {
        return new ContactState(consents, optOuts, since, declaration, relationships, recentSends, email, erasedAt);
    }

    public ContactState withDeclaration(ContactDeclaration newDeclaration) {
        return new ContactState(consents, optOuts, internalDncSince, newDeclaration, relationships, recentSends, email, erasedAt);
    }

    public ContactState withRelationship(Relationship relationship) {
        List<Relationship> more = new ArrayList<>(relationships);
        more.add(relationship);
        return new ContactState(consents, optOuts, internalDncSince, declaration, more, recentSends, email, erasedAt);
    }

    /** Adds a committed send and forgets the ones older than {@code keepFrom}. */
    public ContactState withSend(SentMessage send, Instant keepFrom) {
        List<SentMessage> kept = new ArrayList<>(recentSends.size() + 1);
        for (SentMessage sent : recentSends) {
            if (!sent.at().isBefore(keepFrom)) {
                kept.add(sent);
            }
        }
        int at = kept.size();
        while (at > 0 && kept.get(at - 1).at().isAfter(send.at())) {
            at--;
        }
        kept.add(at, send);
        return new ContactState(consents, optOuts, internalDncSince, declaration, relationships, kept, email, erasedAt);
    }

    /** The email lists (campaigns) the recipient left, by list. */
    public Map<String, ListOptOut> listOptOuts() {
        return email.listOptOuts();
    }

    public ContactState withEmail(EmailRecord newEmail) {
        return new ContactState(consents, optOuts, internalDncSince, declaration, relationships, recentSends, newEmail, erasedAt);
    }

    /** This state, marked as that of a recipient erased at {@code at}. */
    public ContactState withErasedAt(Instant at) {
        return new ContactState(consents, optOuts, internalDncSince, declaration, relationships, recentSends, email, at);
    }

    /** What is left of a recipient whose personal data was erased: only that it was, and when. */
    public static ContactState erased(Instant at) {
        return new ContactState(List.of(), Map.of(), null, ContactDeclaration.NONE, List.of(), List.of(), EmailRecord.NONE, at);
    }

    /** The latest relationship of a kind, or null. */
    public Relationship latest(RelationshipKind kind) {
        Relationship latest = null;
        for (Relationship relationship : relationships) {
            if (relationship.kind() == kind && (latest == null || relationship.at().isAfter(latest.at()))) {
                latest = relationship;
            }
        }
        return latest;
    }
}
