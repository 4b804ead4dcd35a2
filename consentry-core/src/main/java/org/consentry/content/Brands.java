package org.consentry.content;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.consentry.ruledata.RuleDataFile;

/** The brands phishers impersonate, with their own domains, from {@value #FILE}. */
public final class Brands {

    public static final String FILE = "/org/consentry/rules/brands.tsv";

    /** A brand: its name, the token its look-alikes carry, and the domains that are really its own. */
    public record Brand(String name, String token, List<String> domains) {

        public Brand {
            domains = List.copyOf(domains);
        }

        public boolean owns(String host) {
            for (String domain : domains) {
                if (Domains.within(host, domain)) {
                    return true;
                }
            }
            return false;
        }

        /** The name in lower-case letters and digits only ("Wells Fargo" is "wellsfargo"). */
        String squeezedName() {
            return squeeze(name.toLowerCase(Locale.ROOT));
        }
    }

    /** A brand with its name squeezed, and its token read as a message's text is ("rn" as m), to compare with that. */
    private record Known(Brand brand, String squeezedName, String token) {
    }

    private final List<Brand> brands;
    private final List<Known> known;

    private Brands(List<Brand> brands) {
        this.brands = List.copyOf(brands);
        this.known = brands.stream().map(brand -> new Known(brand, brand.squeezedName(), pairsAsLetters(brand.token()))).toList();
    }

    public static Brands load() {
        List<Brand> brands = new ArrayList<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(FILE).rows()) {
            String token = row.get("token");
            if (!token.matches("[a-z0-9]+")) {
                throw row.problem("token", "'" + token + "' must be lower-case letters and digits");
            }
            brands.add(new Brand(row.get("brand"), token, List.of(row.get("domains").split(","))));
        }
        return new Brands(brands);
    }

    public List<Brand> all() {
        return brands;
    }

    /**
     * The brand whose name a piece of text (a host label, a display name) carries, other than {@code except}
     * (the tenant's own brand), or null. Digits used for letters are read as letters; a brand token of five
     * letters or more also matches one letter off.
     */
    public Brand named(String text, String except) {
        ExceptAndText key = new ExceptAndText(except == null ? "" : except, text);
        Brand[] answer = remembered.get(key);
        if (answer == null) {
            if (remembered.size() >= REMEMBERED_NAMES) {
                remembered.clear();
            }
            answer = new Brand[] {find(text, except)};
            remembered.put(key, answer);
        }
        return answer[0];
    }

    /**
     * The answers of {@link #named} so far: the same display names and hosts come back in message after
     * message. At most {@value #REMEMBERED_NAMES}; when full, the memory starts over.
     */
    private static final int REMEMBERED_NAMES = 10_000;
    private final java.util.Map<ExceptAndText, Brand[]> remembered = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What an answer is remembered by: the brand left out (empty for none, which leaves out the same as null) and the
     * text, each whole (written one after the other, "A" and "B\u0000C" would be "A\u0000B" and "C"). Its hash is
     * written out: a record's generated one costs a method-handle chain per name.
     */
    private record ExceptAndText(String except, String text) {

        @Override
        public boolean equals(Object other) {
            return other instanceof ExceptAndText key && except.equals(key.except) && text.equals(key.text);
        }

        @Override
        public int hashCode() {
            return 31 * except.hashCode() + text.hashCode();
        }
    }

    private Brand find(String text, String except) {
        String lower = text.toLowerCase(Locale.ROOT);
        String squeezed = deleet(squeeze(lower));
        List<String> parts = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= lower.length(); i++) {
            boolean alnum = i < lower.length() && isAsciiAlnum(lower.charAt(i));
            if (alnum && start < 0) {
                start = i;
            } else if (!alnum && start >= 0) {
                parts.add(deleet(lower.substring(start, i)));
                start = -1;
            }
        }
        String own = except == null ? "" : squeeze(except.toLowerCase(Locale.ROOT));
        for (Known candidate : known) {
            Brand brand = candidate.brand();
            String token = candidate.token();
            if (brand.token().equals(own) || candidate.squeezedName().equals(own)) {
                continue;
            }
            if (parts.contains(token) || (token.length() >= 5 && squeezed.contains(token))) {
                return brand;
            }
            if (token.length() >= 5) {
                for (String part : parts) {
                    if (oneEditApart(part, token)) {
                        return brand;
                    }
                }
            }
        }
        return null;
    }

    /** Only the ASCII letters and digits of lower-case text. */
    static String squeeze(String lower) {
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            if (isAsciiAlnum(c)) {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isAsciiAlnum(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /** The letter pairs that pass for one letter in a host ("rn" for m, "vv" for w) read as that letter. */
    static String pairsAsLetters(String text) {
        return text.contains("rn") || text.contains("vv") ? text.replace("rn", "m").replace("vv", "w") : text;
    }

    /** Digits read as the letters they stand for, and letter pairs as the letter they pass for. */
    static String deleet(String text) {
        text = pairsAsLetters(text);
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '0': out.append('o'); break;
                case '1': out.append('l'); break;
                case '3': out.append('e'); break;
                case '4': out.append('a'); break;
                case '5': out.append('s'); break;
                case '7': out.append('t'); break;
                default: out.append(c);
            }
        }
        return out.toString();
    }

    /** True when the two differ by exactly one substitution, insertion or deletion. */
    static boolean oneEditApart(String a, String b) {
        if (a.equals(b) || Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return true;
    }
}
