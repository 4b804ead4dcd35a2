package org.consentry.content;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.consentry.ruledata.RuleDataFile;

/**
 * Finds links that disguise where they go: through a public URL shortener ({@value #SHORTENERS}), to an IP
 * address, to a punycode or non-ASCII host, to a look-alike of a well-known brand, or, in HTML, under
 * link text that names another domain.
 */
public final class LinkInspector {

    public static final String SHORTENERS = "/org/consentry/rules/url-shorteners.tsv";

    /** A disguised link: what kind of disguise, the link, and what gives it away. */
    public record Finding(String kind, String url, String detail) {
    }

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
        List<Finding> findings = new ArrayList<>(0);
        for (Link link : links) {
            String host = link.host();
            if (link.hostIsIpLiteral()) {
                findings.add(new Finding("ip_link", link.url(), host));
                continue;
            }
            String registrable = domains.registrable(host);
            if (shorteners.contains(registrable) || shorteners.contains(host)) {
                findings.add(new Finding("shortener", link.url(), registrable));
                continue;
            }
            if (host.contains("xn--") || !host.chars().allMatch(c -> c < 128)) {
                findings.add(new Finding("punycode", link.url(), host));
                continue;
            }
            Brands.Brand imitated = lookAlike(host, ownBrand);
            if (imitated != null) {
                findings.add(new Finding("lookalike", link.url(), host + " imitates " + imitated.name()));
                continue;
            }
            String shown = shownDomain(link.displayText());
            if (shown != null && !domains.registrable(shown).equals(registrable)) {
                findings.add(new Finding("display_mismatch", link.url(), "shows " + shown + " but goes to " + host));
            }
        }
        return findings;
    }

    private Brands.Brand lookAlike(String host, String ownBrand) {
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
