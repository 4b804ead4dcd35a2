/** The embedded store: one SQLite file in WAL mode with {@code synchronous=FULL}, written by one group-committing thread. */
package org.consentry.store.sqlite;
