package org.consentry.policy;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A message or call someone wants to send, as the API received it. {@code to} and {@code from} are the
 * raw addresses: parsing them is part of resolving the facts, and an address that does not parse is a
 * verdict (INVALID_ADDRESS), not an error. Every time-based rule judges at {@code sendAt}.
 *
 * @param country   the region hint for phone numbers written without a country code (the API gives the tenant's country
 *                  when the request names none; US when null here)
 * @param state     the recipient's US state or Canadian province when the sender knows it better than the area code
 * @param topic     the subject matter that state frequency caps count
 * @param commit    record the send when allowed, so that caps and duplicate detection count it
 */
public record SendRequest(
        Channel channel,
        String from,
        String to,
        Purpose purpose,
        String body,
        String subject,
        Map<String, String> headers,
        Instant sendAt,
        String country,
        String state,
        boolean aiVoice,
        boolean prerecorded,
        boolean recorded,
        String campaign,
        String topic,
        boolean commit) {

    public SendRequest {
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(sendAt, "sendAt");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
        country = country == null ? "US" : country;
    }

    /** The same request, to be sent at another time. */
    public SendRequest at(Instant newSendAt) {
        return new SendRequest(channel, from, to, purpose, body, subject, headers, newSendAt, country, state, aiVoice,
                prerecorded, recorded, campaign, topic, commit);
    }

    /** The same request with another body. */
    public SendRequest withBody(String newBody) {
        return new SendRequest(channel, from, to, purpose, newBody, subject, headers, sendAt, country, state, aiVoice,
                prerecorded, recorded, campaign, topic, commit);
    }
}
