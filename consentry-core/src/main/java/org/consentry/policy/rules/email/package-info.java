/** Rules for email: unsubscribe links and one-click headers, the postal address, honest headers. */
package org.consentry.policy.rules.email;
