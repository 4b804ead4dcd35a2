/**
 * Signed HTTP posts: each message's status to its tenant's status webhook, and messages of channels no other
 * connector delivers to a configured endpoint. Both are signed the same way ({@link org.consentry.delivery.webhook.WebhookSignature}).
 */
package org.consentry.delivery.webhook;
