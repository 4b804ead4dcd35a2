package org.consentry.consent;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message frequency a recipient agreed to ("4/month", "up to 2 msgs per week", "1 per day", "Msg frequency: up to
 * 4 msgs/month", "4x/week", "3 texts weekly", "four messages a month", "twice a week", "1 msg every 2 weeks", "up to
 * 12 msgs/year"), counted over a rolling day, a number of days or weeks, or a month (30 days). The first count with a
 * period anywhere in the text is the one read: a disclosure usually surrounds it with other words, and a frequency
 * that is not read caps nothing.
 *
 * <p>A period longer than {@value #LONGEST_PERIOD_DAYS} days (a quarter, a year, "every 2 months") is read as its
 * share of {@value #LONGEST_PERIOD_DAYS} days, rounded down but at least one: a recipient's sends are kept about a
 * month, so a count over a year could not be checked, and this share lets no more through than was agreed ("12
 * msgs/year" is one per 30 days, "40 msgs/year" three). The one exception: an agreement of fewer sends than one a month
 * ("1 msg/year") is read as one per 30 days, as the history kept cannot tell more.
 */
public record AgreedFrequency(int count, Duration period, String text) {

    /** The longest period counted as it is; longer ones are read as their share of it. */
    public static final int LONGEST_PERIOD_DAYS = 30;

    private static final Map<String, String> NUMBER_WORDS = Map.ofEntries(Map.entry("one", "1"), Map.entry("two", "2"),
            Map.entry("three", "3"), Map.entry("four", "4"), Map.entry("five", "5"), Map.entry("six", "6"), Map.entry("seven", "7"),
            Map.entry("eight", "8"), Map.entry("nine", "9"), Map.entry("ten", "10"), Map.entry("eleven", "11"), Map.entry("twelve", "12"),
            Map.entry("once", "1 x"), Map.entry("twice", "2 x"), Map.entry("thrice", "3 x"));
    private static final Pattern WORD_NUMBER = Pattern.compile("\\b(" + String.join("|", NUMBER_WORDS.keySet()) + ")\\b");
    private static final String NOUN = "(?:x|times|msgs?|messages?|texts?|calls?|emails?|alerts?)\\b";
    private static final String UNIT = "(days?|weeks?|wks?|months?|mos?|mths?|quarters?|years?|yrs?)";
    private static final Pattern FORM = Pattern.compile(
            "(?<![\\w.$,])(\\d{1,4})(?:\\s*(?:[a-z]+\\s+){0,2}?" + NOUN + ")?\\s*"
                    + "(?:(?:/|per\\b|an?\\b|each\\b|every\\b)\\s*(?:(\\d{1,3})\\s*)?" + UNIT + "\\b"
                    + "|(daily|weekly|biweekly|fortnightly|monthly|quarterly|yearly|annually)\\b)");

    /**
     * Texts read lately and what they say: a tenant's consents carry a handful of disclosure frequencies, and reading
     * one with the patterns was half of what replaying a consent into the projections cost. Its ten million consents
     * then also share a few answers rather than hold one each. Emptied when full.
     */
    private static final Map<String, Optional<AgreedFrequency>> READ = new ConcurrentHashMap<>();
    private static final int READ_CAPACITY = 4_096;
    private static final int READ_LONGEST_TEXT = 256;

    public static Optional<AgreedFrequency> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (text.length() > READ_LONGEST_TEXT) {
            return read(text);
        }
        Optional<AgreedFrequency> known = READ.get(text);
        if (known == null) {
            if (READ.size() >= READ_CAPACITY) {
                READ.clear();
            }
            known = read(text);
            READ.put(text, known);
        }
        return known;
    }

    private static Optional<AgreedFrequency> read(String text) {
        String lower = text.strip().toLowerCase(Locale.ROOT);
        Matcher words = WORD_NUMBER.matcher(lower);
        Matcher matcher = FORM.matcher(words.replaceAll(word -> NUMBER_WORDS.get(word.group(1))));
        if (!matcher.find()) {
            return Optional.empty();
        }
        int count = Integer.parseInt(matcher.group(1));
        int times = matcher.group(2) == null ? 1 : Integer.parseInt(matcher.group(2));
        if (count < 1 || times < 1) {
            return Optional.empty();
        }
        long days = times * (matcher.group(3) != null ? unitDays(matcher.group(3)) : adverbDays(matcher.group(4)));
        if (days > LONGEST_PERIOD_DAYS) {
            count = (int) Math.max(1, count * LONGEST_PERIOD_DAYS / days);
            days = LONGEST_PERIOD_DAYS;
        }
        return Optional.of(new AgreedFrequency(count, Duration.ofDays(days), text.strip()));
    }

    private static long unitDays(String unit) {
        if (unit.startsWith("d")) {
            return 1;
        }
        if (unit.startsWith("w")) {
            return 7;
        }
        if (unit.startsWith("q")) {
            return 91;
        }
        if (unit.startsWith("y")) {
            return 365;
        }
        return 30;
    }

    private static long adverbDays(String adverb) {
        switch (adverb) {
            case "daily": return 1;
            case "weekly": return 7;
            case "biweekly": case "fortnightly": return 14;
            case "quarterly": return 91;
            case "yearly": case "annually": return 365;
            default: return 30;
        }
    }
}
