package org.consentry.address;

import java.util.Locale;
import java.util.Optional;

/**
 * Parses email addresses in the form mailbox providers accept for delivery: an unquoted dot-atom local
 * part of at most 64 characters and a domain of LDH labels with at least two labels and an alphabetic
 * (or punycode) top-level label, 254 characters in all (RFC 5321 4.5.3.1, RFC 5322 3.4.1). A domain written in
 * another script ({@code bücher.example}) is taken in its ASCII form ({@code xn--bcher-kva.example}, IDNA), which is
 * how mail is addressed to it, so that a person who types it either way is the same person (an opt-out typed on a
 * page in the one form covers mail sent to the other). Quoted local parts, IP-literal domains and non-ASCII local
 * parts are refused: they are not lawful targets for bulk mail that Consentry can vouch for.
 */
public final class EmailAddressParser {

    private static final int MAX_LOCAL = 64;
    private static final int MAX_TOTAL = 254;
    private static final int MAX_LABEL = 63;
    private static final String ATOM_SPECIALS = "!#$%&'*+/=?^_`{|}~-";

    public Optional<EmailAddress> parse(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_TOTAL) {
            return Optional.empty();
        }
        int at = raw.lastIndexOf('@');
        if (at <= 0 || at == raw.length() - 1 || raw.indexOf('@') != at) {
            return Optional.empty();
        }
        String local = raw.substring(0, at);
        String domain = ascii(raw.substring(at + 1));
        if (domain == null || local.length() + 1 + domain.length() > MAX_TOTAL || !isDotAtom(local) || !isDomain(domain)) {
            return Optional.empty();
        }
        return Optional.of(new EmailAddress(local.toLowerCase(Locale.ROOT), domain.toLowerCase(Locale.ROOT)));
    }

    /** The domain in ASCII: itself when it is, its IDNA form when it holds other letters, null when it has none. */
    private static String ascii(String domain) {
        for (int i = 0; i < domain.length(); i++) {
            if (domain.charAt(i) >= 0x80) {
                try {
                    return java.net.IDN.toASCII(domain, java.net.IDN.USE_STD3_ASCII_RULES);
                } catch (IllegalArgumentException e) {
                    return null;
                }
            }
        }
        return domain;
    }

    private static boolean isDotAtom(String local) {
        if (local.length() > MAX_LOCAL || local.startsWith(".") || local.endsWith(".") || local.contains("..")) {
            return false;
        }
        for (int i = 0; i < local.length(); i++) {
            char c = local.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '.' || ATOM_SPECIALS.indexOf(c) >= 0)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                return false;
            }
        }
        return isTopLevel(labels[labels.length - 1]);
    }

    private static boolean isLabel(String label) {
        if (label.isEmpty() || label.length() > MAX_LABEL || label.startsWith("-") || label.endsWith("-")) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!(isAsciiLetterOrDigit(c) || c == '-')) {
                return false;
            }
        }
        return true;
    }

    private static boolean isTopLevel(String label) {
        if (label.length() >= 4 && label.regionMatches(true, 0, "xn--", 0, 4)) {
            return true;
        }
        if (label.length() < 2) {
            return false;
        }
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
