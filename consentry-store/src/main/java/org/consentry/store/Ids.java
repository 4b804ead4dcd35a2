package org.consentry.store;

import java.time.Clock;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers such as {@code con_01JQ8Z6Q3M4R9W2XKT7B5N0C1D}: a type prefix, then a ULID (48 bits of
 * milliseconds and 80 random bits in Crockford base32), so that ids sort by creation time.
 */
public final class Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;

    public Ids(Clock clock) {
        this.clock = clock;
    }

    public String next(String prefix) {
        char[] ulid = new char[26];
        long time = clock.millis();
        for (int i = 9; i >= 0; i--) {
            ulid[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong();
        long low = random.nextLong();
        for (int i = 10; i < 26; i++) {
            long source = i < 23 ? high >>> ((i - 10) * 5) : low >>> ((i - 23) * 5);
            ulid[i] = CROCKFORD[(int) (source & 31)];
        }
        return prefix + "_" + new String(ulid);
    }
}
