/** The recipient of a send, resolved from the raw address: parsed, validated, placed in its time zones. */
package org.consentry.recipient;
