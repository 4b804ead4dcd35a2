package org.consentry.address;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the addresses of an originator header ({@code From}, {@code Sender}, {@code Return-Path}): an address
 * list of RFC 5322 3.4, that is mailboxes with or without a display name (atoms, quoted strings, comments,
 * UTF-8 text), in angle brackets or bare, separated by commas, and groups ({@code name: a, b;}). Each mailbox
 * must be an address {@link EmailAddressParser} accepts. Anything else (an unclosed quote, comment or bracket,
 * a special character outside quotes, an empty element, a group in a group, a null path {@code <>}, a route) is
 * refused whole: a header that cannot be read is not one Consentry can vouch for. Never throws.
 */
public final class AddressListParser {

    private final EmailAddressParser mailboxes;

    public AddressListParser(EmailAddressParser mailboxes) {
        this.mailboxes = mailboxes;
    }

    /** The addresses the header names, in order (a group's members in its place); empty when it is not an address list. */
    public Optional<List<EmailAddress>> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        List<EmailAddress> addresses = new ArrayList<>(2);
        return new Scan(header, mailboxes).list(addresses) ? Optional.of(List.copyOf(addresses)) : Optional.empty();
    }

    /** One pass over a header value; every method answers false as soon as the text is not an address list. */
    private static final class Scan {
        private final String text;
        private final EmailAddressParser mailboxes;
        private int at;
        private boolean inGroup;
        /** Whether the last phrase held an {@code @} outside quotes: an address, never a display name. */
        private boolean bareAt;

        Scan(String text, EmailAddressParser mailboxes) {
            this.text = text;
            this.mailboxes = mailboxes;
        }

        boolean list(List<EmailAddress> into) {
            while (true) {
                if (!address(into) || !skipSpaceAndComments()) {
                    return false;
                }
                if (at == text.length()) {
                    return true;
                }
                if (text.charAt(at++) != ',') {
                    return false;
                }
            }
        }

        /** A mailbox or a group, then the text stops at a comma, a group's ';' or the end. */
        private boolean address(List<EmailAddress> into) {
            StringBuilder words = new StringBuilder();
            if (!phrase(words)) {
                return false;
            }
            char next = at < text.length() ? text.charAt(at) : ',';
            if ((next == '<' || next == ':') && bareAt) {
                return false;
            }
            if (next == '<') {
                at++;
                return angleAddress(into);
            }
            if (next == ':' && !inGroup && !words.toString().isBlank()) {
                at++;
                return group(into);
            }
            if (next != ',' && next != ';') {
                return false;
            }
            return addSpec(words.toString().strip(), into);
        }

        private boolean group(List<EmailAddress> into) {
            inGroup = true;
            if (!skipSpaceAndComments()) {
                return false;
            }
            if (at < text.length() && text.charAt(at) == ';') { // an empty group names no one
                at++;
                inGroup = false;
                return true;
            }
            while (true) {
                if (!address(into) || !skipSpaceAndComments() || at == text.length()) {
                    return false;
                }
                char c = text.charAt(at++);
                if (c == ';') {
                    inGroup = false;
                    return true;
                }
                if (c != ',') {
                    return false;
                }
            }
        }

        /** {@code addr-spec>}: the brackets hold one address, spaces allowed around it. */
        private boolean angleAddress(List<EmailAddress> into) {
            int close = text.indexOf('>', at);
            if (close < 0) {
                return false;
            }
            String inside = text.substring(at, close).strip();
            at = close + 1;
            return addSpec(inside, into);
        }

        private boolean addSpec(String spec, List<EmailAddress> into) {
            Optional<EmailAddress> address = mailboxes.parse(spec);
            address.ifPresent(into::add);
            return address.isPresent();
        }

        /**
         * Words up to a delimiter ({@code < : , ;} or the end): atoms, dots and {@code @} copied, quoted strings
         * kept with their quotes (so that a quoted word is never taken for an address), comments and folding
         * whitespace read as one space.
         */
        private boolean phrase(StringBuilder words) {
            bareAt = false;
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '<' || c == ':' || c == ',' || c == ';') {
                    return true;
                }
                if (c == '"') {
                    int start = at;
                    if (!skipQuoted()) {
                        return false;
                    }
                    words.append(text, start, at);
                } else if (c == '(') {
                    if (!skipComment()) {
                        return false;
                    }
                    words.append(' ');
                } else if (c == '>' || c == ')' || c == '[' || c == ']' || c == '\\' || (c < 0x20 && !isSpace(c)) || c == 0x7f) {
                    return false;
                } else {
                    bareAt |= c == '@';
                    words.append(isSpace(c) ? ' ' : c);
                    at++;
                }
            }
            return true;
        }

        private boolean skipSpaceAndComments() {
            while (at < text.length()) {
                char c = text.charAt(at);
                if (c == '(') {
                    if (!skipComment()) {
                        return false;
                    }
                } else if (isSpace(c)) {
                    at++;
                } else {
                    return true;
                }
            }
            return true;
        }

        /** A quoted string from its opening quote; false when it never closes. */
        private boolean skipQuoted() {
            for (at++; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\\') {
                    at++;
                } else if (c == '"') {
                    at++;
                    return true;
                }
            }
            return false;
        }

        /** A comment from its opening parenthesis, comments nested in it included; false when it never closes. */
        private boolean skipComment() {
            int depth = 0;
            for (; at < text.length(); at++) {
                char c = text.charAt(at);
                if (c == '\\') {
                    at++;
                } else if (c == '(') {
                    depth++;
                } else if (c == ')' && --depth == 0) {
                    at++;
                    return true;
                }
            }
            return false;
        }

        private static boolean isSpace(char c) {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }
    }
}
