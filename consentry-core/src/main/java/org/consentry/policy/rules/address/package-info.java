/** Rules about the recipient's address itself: is it valid, is it an emergency line. */
package org.consentry.policy.rules.address;
