/**
 * State replayed from the ledger and kept current as entries arrive: tenants, keys and senders; each
 * recipient's consents, opt-outs and Do-Not-Call status. Written by the ledger's writer thread only,
 * read by every request; values are immutable and replaced whole.
 */
package org.consentry.store.projection;
