package org.consentry.ledger;

import java.util.Map;
import java.util.function.Function;

/** The kinds of ledger event, with the names they are stored under and how to read each back. */
public enum EventType {
    TENANT_CREATED("tenant.created", TenantCreated::read),
    TENANT_STATUS_CHANGED("tenant.status_changed", TenantStatusChanged::read),
    API_KEY_ISSUED("api_key.issued", ApiKeyIssued::read),
    SETTINGS_CHANGED("settings.changed", SettingsChanged::read),
    SENDER_REGISTERED("sender.registered", SenderRegistered::read),
    CONSENT_GRANTED("consent.granted", ConsentGranted::read),
    CONSENT_CONFIRMED("consent.confirmed", ConsentConfirmed::read),
    CONSENT_REVOKED("consent.revoked", ConsentRevoked::read),
    CONSENT_REINSTATED("consent.reinstated", ConsentReinstated::read),
    OPTED_OUT("opt_out.recorded", OptedOut::read),
    OPTED_IN("opt_in.recorded", OptedIn::read),
    LIST_UNSUBSCRIBED("list_unsubscribe.recorded", ListUnsubscribed::read),
    EMAIL_FEEDBACK_RECORDED("email_feedback.recorded", EmailFeedbackRecorded::read),
    SPAM_REPORTED("spam.reported", SpamReported::read),
    CALLS_REPORTED("calls.reported", CallsReported::read),
    PROOF_REQUESTED("proof.requested", ProofRequested::read),
    PROOF_ANSWERED("proof.answered", ProofAnswered::read),
    PERMISSION_PASS_REQUIRED("permission_pass.required", PermissionPassRequired::read),
    INTERNAL_DNC_ADDED("internal_dnc.added", InternalDncAdded::read),
    SEND_COMMITTED("send.committed", SendCommitted::read),
    CONTACT_DECLARED("contact.declared", ContactDeclared::read),
    RELATIONSHIP_RECORDED("relationship.recorded", RelationshipRecorded::read),
    PLAN_CHANGED("plan.changed", PlanChanged::read),
    REGISTRY_ENTRIES_ADDED("registry.entries_added", RegistryEntriesAdded::read),
    REGISTRY_ENTRIES_REMOVED("registry.entries_removed", RegistryEntriesRemoved::read),
    NUMBERS_REPORTED("numbers.reported", NumbersReported::read),
    FORM_PUBLISHED("form.published", FormPublished::read),
    SUBJECT_ERASED("subject.erased", SubjectErased::read),
    API_KEY_REVOKED("api_key.revoked", ApiKeyRevoked::read);

    private final String storedName;
    private final Function<EventFields, LedgerEvent> reader;

    EventType(String storedName, Function<EventFields, LedgerEvent> reader) {
        this.storedName = storedName;
        this.reader = reader;
    }

    public String storedName() {
        return storedName;
    }

    public static EventType fromStoredName(String name) {
        for (EventType type : values()) {
            if (type.storedName.equals(name)) {
                return type;
            }
        }
        throw new LedgerFormatException("unknown event type '" + name + "'");
    }

    public LedgerEvent read(Map<String, Object> fields) {
        return reader.apply(new EventFields(storedName, fields));
    }
}
