/**
 * The outbox: messages accepted for delivery, kept durably from their acceptance to their last status, and the
 * history of their statuses.
 */
package org.consentry.store.outbox;
