package org.consentry.consent;

import org.consentry.recipient.LineType;

/**
 * What a tenant told Consentry about a recipient ({@code POST /v1/contacts}): where it is and what line it
 * is. Any part may be null.
 */
public record ContactDeclaration(String country, String state, LineType lineType) {

    public static final ContactDeclaration NONE = new ContactDeclaration(null, null, null);
}
