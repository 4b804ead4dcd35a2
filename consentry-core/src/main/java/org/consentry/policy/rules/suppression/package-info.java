/** Rules about recipients who asked not to be contacted: opt-outs, and later suppressions. */
package org.consentry.policy.rules.suppression;
