package org.consentry.policy;

import java.util.Locale;
import java.util.Optional;

/** How a message reaches its recipient. */
public enum Channel {
    SMS, MMS, EMAIL, VOICE, IVR, RVM;

    /** The name used on the wire: {@code sms}, {@code mms}, {@code email}... */
    private final String wireName = name().toLowerCase(Locale.ROOT);

    public String wireName() {
        return wireName;
    }

    public static Optional<Channel> fromWire(String name) {
        for (Channel channel : values()) {
            if (channel.wireName().equals(name)) {
                return Optional.of(channel);
            }
        }
        return Optional.empty();
    }

    /** True for every channel addressed by a phone number. */
    public boolean isPhone() {
        return this != EMAIL;
    }

    /** True for texts: SMS and MMS. */
    public boolean isText() {
        return this == SMS || this == MMS;
    }

    /** The opt-out that covers this channel: SMS for texts, VOICE for every kind of call. */
    public OptOutScope optOutScope() {
        switch (this) {
            case SMS: case MMS: return OptOutScope.SMS;
            case EMAIL: return OptOutScope.EMAIL;
            default: return OptOutScope.VOICE;
        }
    }

    /** True when a consent given for this channel covers a send on {@code sent}: the same channel, or SMS for MMS. */
    public boolean consentCovers(Channel sent) {
        return this == sent || (this == SMS && sent == MMS);
    }
}
