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

    private static final int REMEMBERED_HOSTS = 10_000;

    private final Map<String, Map<String, HostVerdict>> verdicts = new ConcurrentHashMap<>();
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

    /**
     * The verdict on a host, remembered per brand: the same few hosts (the sender's own link domain above all)
     * come back in message after message.
     */
    private HostVerdict verdict(String host, String ownBrand) {
        if (verdicts.size() >= REMEMBERED_HOSTS) {
            verdicts.clear();
        }
        Map<String, HostVerdict> known = verdicts.computeIfAbsent(ownBrand == null ? "" : ownBrand, brand -> new ConcurrentHashMap<>());
        HostVerdict verdict = known.get(host);
        if (verdict == null) {
            if (known.size() >= REMEMBERED_HOSTS) {
                known.clear();
            }
            verdict = judge(host, ownBrand);
            known.put(host, verdict);
        }
        return verdict;
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
