/**
 * The policy engine: a pure function from a {@link org.consentry.policy.SendRequest} and the
 * {@link org.consentry.policy.Facts} about it to a {@link org.consentry.policy.Verdict}. No I/O, no clock
 * of its own, no framework; rules live in {@code policy.rules.*}, one small class each.
 */
package org.consentry.policy;
