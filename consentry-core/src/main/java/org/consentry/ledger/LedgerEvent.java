package org.consentry.ledger;

import java.util.Map;

/**
 * Something that happened and is kept for good: a tenant's creation and status, its keys, settings and
 * senders, every consent, confirmation, revocation, opt-out and opt-in, its own Do-Not-Call entries, and
 * committed sends. Events are facts in the past tense; state is what replaying them gives.
 */
public sealed interface LedgerEvent permits TenantCreated, TenantStatusChanged, ApiKeyIssued, ApiKeyRevoked, SettingsChanged,
        SenderRegistered, ConsentGranted, ConsentConfirmed, ConsentRevoked, ConsentReinstated, OptedOut, OptedIn, ListUnsubscribed, EmailFeedbackRecorded, SpamReported, CallsReported, ProofRequested, ProofAnswered, PermissionPassRequired,
        InternalDncAdded, SendCommitted, ContactDeclared, RelationshipRecorded, PlanChanged, RegistryEntriesAdded,
        RegistryEntriesRemoved, NumbersReported, FormPublished, SubjectErased, ErasedEvent {

    EventType type();

    /** The address the event concerns (E.164 or lower-cased email), or null for events about the tenant itself. */
    String subject();

    /** The event's fields as the canonical encoding takes them: strings, booleans, integers, lists; null means absent. */
    Map<String, Object> fields();
}
