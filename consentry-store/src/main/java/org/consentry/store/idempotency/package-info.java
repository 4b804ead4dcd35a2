/** Idempotency keys: the first answer to a request, kept for a day, so that a retried request takes effect once. */
package org.consentry.store.idempotency;
