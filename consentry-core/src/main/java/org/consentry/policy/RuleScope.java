package org.consentry.policy;

import java.util.EnumSet;
import java.util.Set;
import org.consentry.recipient.Recipient;

/**
 * The sends a rule can have something to say about: its channels and purposes and, for a jurisdiction's
 * rule, its countries and states. The engine runs a rule only on sends inside its scope, so that a text is
 * not put through the email rules nor a Texas number through forty other states' calling hours. A scope
 * must never be narrower than the rule: outside it, the rule passes without a notice (a property test holds
 * every rule of the rulebook to this).
 *
 * @param regions      ISO 3166 countries; empty for every country
 * @param subdivisions states or provinces within them, with {@link Recipient#isIn}'s meaning; empty for all
 */
public record RuleScope(Set<Channel> channels, Set<Purpose> purposes, Set<String> regions, Set<String> subdivisions) {

    public static final Set<Channel> PHONE = EnumSet.complementOf(EnumSet.of(Channel.EMAIL));
    public static final Set<Channel> CALLS = EnumSet.of(Channel.VOICE, Channel.IVR, Channel.RVM);
    public static final Set<Channel> ALL_CHANNELS = EnumSet.allOf(Channel.class);
    public static final Set<Purpose> MARKETING = EnumSet.of(Purpose.MARKETING);
    public static final RuleScope ANY = new RuleScope(EnumSet.allOf(Channel.class), EnumSet.allOf(Purpose.class), Set.of(), Set.of());

    public RuleScope {
        channels = Set.copyOf(channels);
        purposes = Set.copyOf(purposes);
        regions = Set.copyOf(regions);
        subdivisions = Set.copyOf(subdivisions);
    }

    public static RuleScope of(Set<Channel> channels, Set<Purpose> purposes) {
        return new RuleScope(channels, purposes, Set.of(), Set.of());
    }

    public static RuleScope channels(Channel first, Channel... rest) {
        return channels(EnumSet.of(first, rest));
    }

    public static RuleScope marketing(Channel first, Channel... rest) {
        return marketing(EnumSet.of(first, rest));
    }

    public static RuleScope channels(Set<Channel> channels) {
        return of(channels, EnumSet.allOf(Purpose.class));
    }

    public static RuleScope marketing(Set<Channel> channels) {
        return of(channels, MARKETING);
    }

    /** The same scope, for recipients in these countries (and states). */
    public RuleScope in(Set<String> countries, Set<String> states) {
        return new RuleScope(channels, purposes, countries, states);
    }

    public boolean covers(Channel channel, Purpose purpose, Recipient recipient) {
        return channels.contains(channel) && purposes.contains(purpose)
                && (regions.isEmpty() || recipient.isIn(regions, subdivisions));
    }
}
