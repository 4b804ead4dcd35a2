/** Rules about when: quiet hours in the recipient's local time. */
package org.consentry.policy.rules.timing;
