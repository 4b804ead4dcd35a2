/** Rules about the recipient's consent; they share {@link org.consentry.consent.ConsentStanding} so that exactly one speaks. */
package org.consentry.policy.rules.consent;
