package org.consentry.tenant;

import java.util.Set;

/**
 * The email domains a tenant may name as its own in a message's headers: those verified for it, and every
 * domain under one of them ({@code news.acme.example} under a verified {@code acme.example}).
 */
@FunctionalInterface
public interface EmailDomains {

    /** No domain at all: what a tenant has before one is verified, and what a send that is not email is given. */
    EmailDomains NONE = domain -> false;

    /** Whether {@code domain} (lower case) is verified for the tenant, itself or through a parent domain. */
    boolean verified(String domain);

    /** The domains {@code verified} (lower case) and those under them. */
    static EmailDomains of(Set<String> verified) {
        Set<String> own = Set.copyOf(verified);
        return domain -> {
            for (String candidate = domain; candidate != null; ) {
                if (own.contains(candidate)) {
                    return true;
                }
                int dot = candidate.indexOf('.');
                candidate = dot < 0 ? null : candidate.substring(dot + 1);
            }
            return false;
        };
    }
}
