package org.consentry.recipient;

import java.util.Locale;
import java.util.Optional;

/**
 * What kind of line a number is. When sources disagree the stricter wins: a number any source calls mobile
 * is mobile. {@link #UNKNOWN} is treated as mobile by the rules that protect mobiles (fail closed).
 */
public enum LineType {
    LANDLINE(0), TOLL_FREE(1), UNKNOWN(2), VOIP(3), MOBILE(4);

    private final int strictness;

    LineType(int strictness) {
        this.strictness = strictness;
    }

    /** The name used on the wire, lower-cased once rather than on every answer. */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<LineType> fromWire(String name) {
        for (LineType type : values()) {
            if (type != UNKNOWN && type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** The stricter of two reports; a report beats no report. */
    public LineType stricter(LineType other) {
        if (other == null || other == UNKNOWN) {
            return this;
        }
        if (this == UNKNOWN) {
            return other;
        }
        return other.strictness > strictness ? other : this;
    }

    /** True when the rules that protect mobile phones apply: mobile, VoIP, or not known. */
    public boolean mayBeMobile() {
        return this == MOBILE || this == VOIP || this == UNKNOWN;
    }
}
