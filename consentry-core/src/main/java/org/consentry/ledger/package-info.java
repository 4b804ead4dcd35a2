/**
 * The ledger's events and their hash chain: what each event holds, its canonical encoding (RFC 8785 JSON
 * for the values events use) and the SHA-256 chain that makes tampering evident. Pure; the store writes
 * and reads them.
 */
package org.consentry.ledger;
