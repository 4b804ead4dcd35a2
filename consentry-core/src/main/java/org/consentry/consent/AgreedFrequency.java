package org.consentry.consent;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message frequency a recipient agreed to ("4/month", "up to 2 msgs per week", "1 per day", "Msg frequency: up to
 * 4 msgs/month", "4x/week", "3 texts weekly"), counted over a rolling day, week (7 days) or month (30 days). The
 * first count with a period anywhere in the text is the one read: a disclosure usually surrounds it with other words,
 * and a frequency that is not read caps nothing.
 */
public record AgreedFrequency(int count, Duration period, String text) {

    private static final String NOUN = "(?:x|times|msgs?|messages?|texts?|calls?|emails?|alerts?)\\b";
    private static final Pattern FORM = Pattern.compile(
            "(?<![\\w.$,])(\\d{1,4})(?:\\s*(?:[a-z]+\\s+){0,2}?" + NOUN + ")?\\s*"
                    + "(?:(?:/|per\\b|an?\\b|each\\b|every\\b)\\s*(day|week|wk|month|mo|mth)\\b|(daily|weekly|monthly)\\b)");

    public static Optional<AgreedFrequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = FORM.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.find()) {
            return Optional.empty();
        }
        int count = Integer.parseInt(matcher.group(1));
        if (count < 1) {
            return Optional.empty();
        }
        String unit = matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
        Duration period;
        switch (unit) {
            case "day": case "daily": period = Duration.ofDays(1); break;
            case "week": case "wk": case "weekly": period = Duration.ofDays(7); break;
            default: period = Duration.ofDays(30);
        }
        return Optional.of(new AgreedFrequency(count, period, text.strip()));
    }
}
