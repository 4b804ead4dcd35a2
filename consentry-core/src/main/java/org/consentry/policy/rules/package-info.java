/**
 * The rules, one small class each, grouped by family; {@link org.consentry.policy.rules.StandardRulebook}
 * puts them in order. Rules depend on the policy types and the rule data, never on I/O.
 */
package org.consentry.policy.rules;
