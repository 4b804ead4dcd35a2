/**
 * What mailbox providers and mail servers send back about email: complaints as ARF feedback reports (RFC 5965)
 * and bounces as delivery status notifications (RFC 3464), read with Apache James mime4j; auto-replies are told
 * apart and left alone.
 */
package org.consentry.feedback;
