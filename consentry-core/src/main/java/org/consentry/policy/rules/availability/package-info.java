/** Fail-closed rules about the facts themselves: a store that did not answer holds the message. */
package org.consentry.policy.rules.availability;
