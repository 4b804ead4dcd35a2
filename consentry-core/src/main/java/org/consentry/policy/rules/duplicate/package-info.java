/** Rules about repeats: the same or nearly the same marketing to the same recipient. */
package org.consentry.policy.rules.duplicate;
