/** Rules from the provider's terms for the tenant: permitted purposes and the sending rate. */
package org.consentry.policy.rules.plan;
