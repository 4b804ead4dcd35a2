/** Operations on consents, opt-outs and the tenant's own Do-Not-Call list, each an append to the ledger. */
package org.consentry.store.consent;
