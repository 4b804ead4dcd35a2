package org.consentry.server.api.v1;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;
import org.consentry.server.http.JsonBody;

/**
 * Reads a send request. Addresses stay raw: one that does not parse is a verdict (INVALID_ADDRESS), not a
 * 400. Missing or malformed fields are a 400 naming them.
 */
final class SendRequestReader {

    static final int MAX_BODY = 100_000;

    private SendRequestReader() {
    }

    /**
     * The request, or null when the body has errors (which {@link JsonBody#finish} will throw).
     *
     * @param defaultRegion the region of numbers written without a country code when the body names no {@code country}:
     *                      the tenant's country
     */
    static SendRequest read(JsonBody body, Instant now, StateField states, String defaultRegion) {
        Channel channel = body.choice("channel", Channel::fromWire, "sms, mms, email, voice, ivr, rvm");
        String from = body.string("from", 320);
        String to = body.string("to", 320);
        Purpose purpose = body.choice("purpose", Purpose::fromWire, "marketing, transactional, informational, opt_out_confirmation");
        String text = body.optionalString("body", MAX_BODY);
        String subject = body.optionalString("subject", 998);
        Map<String, String> headers = body.stringMap("headers", 100, 8_000);
        Instant sendAt = body.instant("send_at");
        String country = body.optionalString("country", 2);
        if (country != null && !Addresses.isRegion(country)) {
            body.reject("country", "must be an ISO 3166 country code such as US");
        }
        String region = country == null ? defaultRegion : country.toUpperCase(Locale.ROOT);
        // an email address's country is the contact record's, the ccTLD's or the tenant's: not known here
        String state = states.read(body, "state", channel == Channel.EMAIL ? null : to, region);
        boolean aiVoice = body.bool("ai_voice", false);
        boolean prerecorded = body.bool("prerecorded", false);
        boolean recorded = body.bool("recorded", false);
        String campaign = body.optionalString("campaign", 200);
        String topic = body.optionalString("topic", 200);
        boolean commit = body.bool("commit", false);
        if (!body.valid()) {
            return null;
        }
        return new SendRequest(channel, from, to, purpose, text, subject, headers, sendAt == null ? now : sendAt,
                region, state,
                aiVoice, prerecorded, recorded, campaign, topic, commit);
    }
}
