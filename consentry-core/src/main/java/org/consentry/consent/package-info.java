/**
 * Consents, opt-outs and what the tenant's ledger says about one recipient, as the rules see them.
 * Pure values; the ledger that records them lives in the store.
 */
package org.consentry.consent;
