/**
 * Recipient and sender addresses: phone numbers (E.164, through libphonenumber with a fast path for
 * NANP numbers) and email addresses. Pure parsing; depends on libphonenumber only.
 */
package org.consentry.address;
