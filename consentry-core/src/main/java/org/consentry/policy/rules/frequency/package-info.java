/** Rules about how often: the states' caps, the tenant's own, and the frequency a consent agreed to. */
package org.consentry.policy.rules.frequency;
