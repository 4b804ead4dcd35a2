/**
 * Texts through an SMSC over SMPP 3.4 (jSMPP): one transceiver bind kept up, GSM-7 or UCS-2 and long texts in parts,
 * delivery receipts and recipients' replies passed on as {@link org.consentry.delivery.Reports}. Depends on the delivery
 * ports and jSMPP only.
 */
package org.consentry.delivery.smpp;
