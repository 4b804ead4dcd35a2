package org.consentry.consent;

import java.time.Instant;

/** The recipient left one email list (campaign) of the tenant: when, and how. */
public record ListOptOut(String list, Instant at, String via) {
}
