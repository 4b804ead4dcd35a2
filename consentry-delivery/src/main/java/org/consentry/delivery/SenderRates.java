package org.consentry.delivery;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import org.consentry.policy.Channel;

/**
 * How many messages a second one sender may hand to the network, by kind of sender ({@code sender-rates.tsv}, with
 * each figure's source), and what kind a sender is: a US toll-free number, a short code, a long code, an alphanumeric
 * sender id, an email address.
 */
public final class SenderRates {

    /** A kind of sender. */
    public enum Kind {
        LONG_CODE, TOLL_FREE, SHORT_CODE, ALPHANUMERIC, EMAIL;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** NANP toll-free area codes (47 CFR 52.101; the toll-free codes in service). */
    private static final java.util.Set<String> TOLL_FREE = java.util.Set.of("800", "833", "844", "855", "866", "877", "888");

    private final Map<Kind, Double> perSecond;

    private SenderRates(Map<Kind, Double> perSecond) {
        this.perSecond = Map.copyOf(perSecond);
    }

    /** The published defaults. */
    public static SenderRates load() {
        Map<Kind, Double> rates = new EnumMap<>(Kind.class);
        try (InputStream in = SenderRates.class.getResourceAsStream("sender-rates.tsv")) {
            if (in == null) {
                throw new IllegalStateException("sender-rates.tsv is missing from the delivery module");
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = lines.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 3 || fields[2].isBlank()) {
                    throw new IllegalStateException("sender-rates.tsv: each rate needs its kind, figure and source: " + line);
                }
                rates.put(Kind.valueOf(fields[0].toUpperCase(Locale.ROOT)), Double.parseDouble(fields[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (rates.size() != Kind.values().length) {
            throw new IllegalStateException("sender-rates.tsv names " + rates.keySet() + ", not every kind of sender");
        }
        return new SenderRates(rates);
    }

    /**
     * These rates with some replaced: {@code long_code=4,short_code=400} (0 for no limit). A clear
     * {@link IllegalArgumentException} for anything else.
     */
    public SenderRates with(String overrides) {
        Map<Kind, Double> rates = new EnumMap<>(perSecond);
        if (overrides == null || overrides.isBlank()) {
            return this;
        }
        for (String item : overrides.split(",")) {
            String[] pair = item.strip().split("=", -1);
            Kind kind = null;
            for (Kind candidate : Kind.values()) {
                if (pair.length == 2 && candidate.wireName().equals(pair[0].strip().toLowerCase(Locale.ROOT))) {
                    kind = candidate;
                }
            }
            double rate;
            try {
                rate = pair.length == 2 ? Double.parseDouble(pair[1].strip()) : -1;
            } catch (NumberFormatException e) {
                rate = -1;
            }
            if (kind == null || rate < 0 || Double.isNaN(rate) || Double.isInfinite(rate)) {
                throw new IllegalArgumentException("a sender rate is written kind=messages_per_second, the kind one of long_code, toll_free, "
                        + "short_code, alphanumeric, email, the rate 0 or more: not '" + item.strip() + "'");
            }
            rates.put(kind, rate);
        }
        return new SenderRates(rates);
    }

    /** Messages a second for that kind of sender; 0 for no limit. */
    public double perSecond(Kind kind) {
        return perSecond.get(kind);
    }

    /** The kind of sender {@code from} is, on that channel. */
    public static Kind kindOf(Channel channel, String from) {
        if (channel == Channel.EMAIL) {
            return Kind.EMAIL;
        }
        String digits = from.replaceAll("[\\s().-]", "");
        if (digits.startsWith("+1") && digits.length() == 12 && TOLL_FREE.contains(digits.substring(2, 5))) {
            return Kind.TOLL_FREE;
        }
        if (digits.matches("\\d{5,6}")) {
            return Kind.SHORT_CODE;
        }
        if (!digits.matches("\\+?\\d+")) {
            return Kind.ALPHANUMERIC;
        }
        if (digits.length() == 10 && TOLL_FREE.contains(digits.substring(0, 3)) || digits.length() == 11 && digits.startsWith("1")
                && TOLL_FREE.contains(digits.substring(1, 4))) {
            return Kind.TOLL_FREE;
        }
        return Kind.LONG_CODE;
    }
}
