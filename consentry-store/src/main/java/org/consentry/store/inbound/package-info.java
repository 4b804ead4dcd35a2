/** SMS replies from recipients: the CTIA keywords turned into opt-outs, opt-ins, confirmations and help. */
package org.consentry.store.inbound;
