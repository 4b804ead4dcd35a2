/**
 * The HTTP server: Javalin on Jetty, wired over a {@link org.consentry.store.Store}. Depends on core, store,
 * Javalin and Jackson; nothing depends on it but the command line.
 */
package org.consentry.server;
