package org.consentry.consent;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message frequency a recipient agreed to ("4/month", "up to 2 msgs per week", "1 per day"), counted
 * over a rolling day, week (7 days) or month (30 days).
 */
public record AgreedFrequency(int count, Duration period, String text) {

    private static final Pattern FORM = Pattern.compile(
            "(?:up to\\s+)?(\\d{1,4})\\s*(?:msgs?|messages?|texts?|calls?|emails?)?\\s*(?:/|per|a|each|every)\\s*(day|week|wk|month|mo|mth)\\b.*");

    public static Optional<AgreedFrequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int count = Integer.parseInt(matcher.group(1));
        if (count < 1) {
            return Optional.empty();
        }
        Duration period;
        switch (matcher.group(2)) {
            case "day": period = Duration.ofDays(1); break;
            case "week": case "wk": period = Duration.ofDays(7); break;
            default: period = Duration.ofDays(30);
        }
        return Optional.of(new AgreedFrequency(count, period, text.strip()));
    }
}
