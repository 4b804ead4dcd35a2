package org.consentry.store.facts;

import java.util.Locale;
import java.util.Optional;

/** The canonical forms of sender addresses that are not phone numbers. */
public final class SenderAddresses {

    private SenderAddresses() {
    }

    /** The mailbox of a From value: {@code news@acme.example} of {@code "Acme News <news@acme.example>"}. */
    public static String mailbox(String from) {
        int open = from.lastIndexOf('<');
        int close = from.lastIndexOf('>');
        if (open >= 0 && close > open) {
            return from.substring(open + 1, close).strip();
        }
        return from.strip();
    }

    /**
     * An alphanumeric sender ID, upper-cased: 3 to 11 characters of letters, digits and spaces with at least
     * one letter (3GPP TS 23.040 alphanumeric originator; carriers' registration rules).
     */
    public static Optional<String> senderId(String raw) {
        String id = raw.strip();
        if (id.length() < 3 || id.length() > 11 || !id.matches("[A-Za-z0-9 ]+") || !id.matches(".*[A-Za-z].*")) {
            return Optional.empty();
        }
        return Optional.of(id.toUpperCase(Locale.ROOT));
    }

    /** An email domain, lower-cased, when it is a plausible host name. */
    public static Optional<String> emailDomain(String raw) {
        String domain = raw.strip().toLowerCase(Locale.ROOT);
        if (domain.length() > 253 || !domain.matches("([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}")) {
            return Optional.empty();
        }
        return Optional.of(domain);
    }
}
