/**
 * Delivery: messages judged and kept in the outbox ({@link org.consentry.delivery.Sends}), handed to the connector of
 * their channel when due ({@link org.consentry.delivery.Dispatcher}), and each connector's answer kept as the message's
 * status.
 */
package org.consentry.delivery;
