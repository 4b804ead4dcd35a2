/** Rules about what a message says: prohibited categories and phishing. They bind every purpose. */
package org.consentry.policy.rules.content;
