package org.consentry.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The provider requires the tenant's recipients to confirm their consents again (a permission pass): those
 * captured before {@code capturedBefore}, or those that came in the import declared as {@code importSource}.
 * Until a recipient confirms (YES to the confirmation text), its consent counts as unconfirmed. Consents recorded
 * after this event are not affected.
 */
public record PermissionPassRequired(Instant capturedBefore, String importSource, String reason) implements LedgerEvent {

    @Override public EventType type() {
        return EventType.PERMISSION_PASS_REQUIRED;
    }

    @Override public String subject() {
        return null;
    }

    @Override public Map<String, Object> fields() {
        Map<String, Object> fields = new HashMap<>();
        fields.put("captured_before", capturedBefore == null ? null : capturedBefore.toString());
        fields.put("import_source", importSource);
        fields.put("reason", reason);
        return fields;
    }

    static PermissionPassRequired read(EventFields f) {
        return new PermissionPassRequired(f.optionalInstant("captured_before"), f.optionalString("import_source"), f.optionalString("reason"));
    }

    /** Whether the pass reaches a consent captured at {@code capturedAt} that came in the import {@code source} (or none). */
    public boolean reaches(Instant capturedAt, String source) {
        return (capturedBefore != null && capturedAt.isBefore(capturedBefore)) || (importSource != null && importSource.equals(source));
    }
}
