package org.consentry.address;

/**
 * A syntactically valid email address. Mailbox providers treat the local part case-insensitively in
 * practice, so suppression and consent match on the lower-cased form.
 */
public record EmailAddress(String localPart, String domain) implements Address {

    @Override public String canonical() {
        return localPart + "@" + domain;
    }
}
