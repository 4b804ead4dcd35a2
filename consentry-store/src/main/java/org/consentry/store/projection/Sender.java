package org.consentry.store.projection;

import org.consentry.tenant.SenderKind;
import org.consentry.tenant.SenderStatus;

/** A sender of one tenant; {@code address} is canonical: E.164, the upper-cased sender ID, or the lower-cased domain. */
public record Sender(String id, String address, SenderKind kind, SenderStatus status) {
}
