/** Operations on tenants: creation with a key, status changes, senders and settings, each an append to the ledger. */
package org.consentry.store.tenant;
