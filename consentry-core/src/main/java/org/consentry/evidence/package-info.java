/**
 * Proof bundles: the events of one address with the hashes that chain them, signed with the server's Ed25519
 * key, and their offline verification.
 */
package org.consentry.evidence;
