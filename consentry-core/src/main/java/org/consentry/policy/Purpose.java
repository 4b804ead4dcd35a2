package org.consentry.policy;

import java.util.Locale;
import java.util.Optional;

/** Why a message is sent; the law treats marketing far more strictly than the rest. */
public enum Purpose {
    MARKETING,
    TRANSACTIONAL,
    INFORMATIONAL,
    /** The single confirmation allowed within 5 minutes of an opt-out, without marketing (47 CFR 64.1200(a)(10)). */
    OPT_OUT_CONFIRMATION;

    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Purpose> fromWire(String name) {
        for (Purpose purpose : values()) {
            if (purpose.wireName().equals(name)) {
                return Optional.of(purpose);
            }
        }
        return Optional.empty();
    }

    public boolean isMarketing() {
        return this == MARKETING;
    }

    /** The purposes a consent can be given for; an opt-out confirmation needs none. */
    public boolean isConsentable() {
        return this != OPT_OUT_CONFIRMATION;
    }
}
