/** Gathers the {@link org.consentry.policy.Facts} for a send request from the projections. */
package org.consentry.store.facts;
