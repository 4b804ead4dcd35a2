/**
 * Consentry's state: the hash-chained ledger behind the {@link org.consentry.store.ledger.Ledger} port, the
 * projections replayed from it, and the operations that append to it. Depends on core, JDBC, Flyway.
 */
package org.consentry.store;
