package org.consentry.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.consentry.ruledata.RuleDataFile;

/**
 * Finds links that disguise where they go: through a public URL shortener ({@value #SHORTENERS}), to an IP
 * address, to a punycode or non-ASCII host, to a look-alike of a well-known brand, behind user info
 * (https://paypal.com@evil.example/), or, in HTML, under link text that names another domain.
 */
public final class LinkInspector {

    public static final String SHORTENERS = "/org/consentry/rules/url-shorteners.tsv";

    /** A disguised link: what kind of disguise, the link, and what gives it away. */
    public record Finding(String kind, String url, String detail) {
    }

    static final int REMEMBERED_HOSTS = 10_000;

    private final Map<BrandAndHost, HostVerdict> verdicts = new ConcurrentHashMap<>();
    private final Set<String> shorteners;
    private final Domains domains;
    private final Brands brands;

    private LinkInspector(Set<String> shorteners, Domains domains, Brands brands) {
        this.shorteners = Set.copyOf(shorteners);
        this.domains = domains;
        this.brands = brands;
    }

    public static LinkInspector load() {
        Set<String> shorteners = new HashSet<>();
        for (RuleDataFile.Row row : RuleDataFile.resource(SHORTENERS).rows()) {
            shorteners.add(row.get("domain"));
        }
        return new LinkInspector(shorteners, Domains.load(), Brands.load());
    }

    public Brands brands() {
        return brands;
    }

    public Domains domains() {
        return domains;
    }

    /**
     * @param ownBrand the tenant's brand: links naming it are not look-alikes of it
     */
    public List<Finding> inspect(List<Link> links, String ownBrand) {
        if (links.isEmpty()) {
            return List.of();
        }
        List<Finding> findings = new ArrayList<>(0);
        for (Link link : links) {
            String userInfo = Links.userInfo(link.url());
            if (userInfo != null) {
                findings.add(new Finding("userinfo", link.url(), "shows " + userInfo + " but goes to " + link.host()));
                continue;
            }
            HostVerdict host = verdict(link.host(), ownBrand);
            if (host.kind() != null) {
                findings.add(new Finding(host.kind(), link.url(), host.detail()));
                continue;
            }
            String shown = shownDomain(link.displayText());
            if (shown != null && !domains.registrable(shown).equals(host.registrable())) {
                findings.add(new Finding("display_mismatch", link.url(), "shows " + shown + " but goes to " + link.host()));
            }
        }
        return findings;
    }

    /** What a host gives away by itself: a disguise (its kind and what shows it), or none; and its registrable domain. */
    private record HostVerdict(String kind, String detail, String registrable) {
    }

    /** What a verdict is remembered by. Its hash is written out: a record's generated one costs a method-handle chain per link. */
    private record BrandAndHost(String brand, String host) {

        @Override
        public boolean equals(Object other) {
            return other instanceof BrandAndHost key && brand.equals(key.brand) && host.equals(key.host);
        }

        @Override
        public int hashCode() {
            return 31 * brand.hashCode() + host.hashCode();
        }
    }

    /**
     * The verdict on a host, remembered per brand and host: the same few hosts (the sender's own link domain above all)
     * come back in message after message. At most {@value #REMEMBERED_HOSTS} in all, whatever the number of brands;
     * when full, the memory starts over.
     */
    private HostVerdict verdict(String host, String ownBrand) {
        BrandAndHost key = new BrandAndHost(ownBrand == null ? "" : ownBrand, host);
        HostVerdict verdict = verdicts.get(key);
        if (verdict == null) {
            if (verdicts.size() >= REMEMBERED_HOSTS) {
                verdicts.clear();
            }
            verdict = judge(host, ownBrand);
            verdicts.put(key, verdict);
        }
        return verdict;
    }

    /** How many verdicts are remembered (for the tests). */
    int remembered() {
        return verdicts.size();
    }

    private HostVerdict judge(String host, String ownBrand) {
        Link probe = new Link(host, host, null);
        if (probe.hostIsIpLiteral()) {
            return new HostVerdict("ip_link", host, host);
        }
        String registrable = domains.registrable(host);
        if (shorteners.contains(registrable) || shorteners.contains(host)) {
            return new HostVerdict("shortener", registrable, registrable);
        }
        if (host.contains("xn--") || !isAscii(host)) {
            return new HostVerdict("punycode", host, registrable);
        }
        Brands.Brand imitated = imitated(host, ownBrand);
        if (imitated != null) {
            return new HostVerdict("lookalike", host + " imitates " + imitated.name(), registrable);
        }
        return new HostVerdict(null, null, registrable);
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 128) {
                return false;
            }
        }
        return true;
    }

    private Brands.Brand imitated(String host, String ownBrand) {
        for (Brands.Brand brand : brands.all()) {
            if (brand.owns(host)) {
                return null;
            }
        }
        String[] labels = host.split("\\.");
        for (int i = 0; i < labels.length - 1; i++) {
            Brands.Brand brand = brands.named(labels[i], ownBrand);
            if (brand != null) {
                return brand;
            }
        }
        return null;
    }

    /** The domain that link text shows (www.chase.com, https://paypal.com/x), or null. */
    private static String shownDomain(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (Link shown : Links.find(text)) {
            return shown.host();
        }
        return null;
    }
}
