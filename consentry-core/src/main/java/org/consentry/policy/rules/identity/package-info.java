/** Rules about who sends: the tenant's standing and its verified senders. */
package org.consentry.policy.rules.identity;
