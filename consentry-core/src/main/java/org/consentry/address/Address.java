package org.consentry.address;

/** Where a message goes or comes from: a phone number or an email address, always in canonical form. */
public sealed interface Address permits PhoneNumber, EmailAddress {

    /** The canonical text: E.164 for a phone number, the lower-cased address for an email. */
    String canonical();
}
