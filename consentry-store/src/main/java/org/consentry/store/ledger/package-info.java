/** The ledger port: append-only, hash-chained per tenant, durable before it answers; listeners keep projections current. */
package org.consentry.store.ledger;
