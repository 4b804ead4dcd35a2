package org.consentry.testing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.policy.SendRequest;

/** Readable send requests for tests: {@code SendRequests.marketingSms().to("+13055550100").at("2026-03-14T21:30", MIAMI)}. */
public final class SendRequests {

    public static final ZoneId MIAMI = ZoneId.of("America/New_York");
    public static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    public static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");
    public static final ZoneId ANCHORAGE = ZoneId.of("America/Anchorage");
    public static final ZoneId ADAK = ZoneId.of("America/Adak");

    public static final String SENDER = "+18005550199";
    public static final String MIAMI_NUMBER = "+13055550100";

    private Channel channel = Channel.SMS;
    private String from = SENDER;
    private String to = MIAMI_NUMBER;
    private Purpose purpose = Purpose.MARKETING;
    private String body = "Acme: spring sale, 20% off today. Reply STOP to opt out.";
    private Instant sendAt = Instant.parse("2026-03-14T16:00:00Z");
    private String country = "US";
    private String subject;
    private java.util.Map<String, String> headers = Map.of();
    private String state;
    private boolean aiVoice;
    private boolean prerecorded;
    private boolean recorded;
    private String topic;
    private String campaign;

    private SendRequests() {
    }

    public static SendRequests marketingSms() {
        return new SendRequests();
    }

    public static SendRequests transactionalSms() {
        return new SendRequests().purpose(Purpose.TRANSACTIONAL).body("Acme: your order 1234 has shipped.");
    }

    public static SendRequests marketingEmail() {
        return new SendRequests().channel(Channel.EMAIL).from("Acme News <news@acme.example>").to("ana@example.com")
                .subject("Spring sale").body("<p>Acme: spring sale, 20% off.</p><p>1 Main St, Miami FL 33101</p>"
                        + "<p><a href=\"https://acme.example/unsubscribe?u=1\">Unsubscribe</a></p>");
    }

    public SendRequests subject(String value) {
        this.subject = value;
        return this;
    }

    public SendRequests headers(java.util.Map<String, String> value) {
        this.headers = value;
        return this;
    }

    public SendRequests state(String value) {
        this.state = value;
        return this;
    }

    public SendRequests aiVoice(boolean value) {
        this.aiVoice = value;
        return this;
    }

    public SendRequests prerecorded(boolean value) {
        this.prerecorded = value;
        return this;
    }

    public SendRequests recorded(boolean value) {
        this.recorded = value;
        return this;
    }

    public SendRequests topic(String value) {
        this.topic = value;
        return this;
    }

    public SendRequests campaign(String value) {
        this.campaign = value;
        return this;
    }

    public SendRequests channel(Channel value) {
        this.channel = value;
        return this;
    }

    public SendRequests from(String value) {
        this.from = value;
        return this;
    }

    public SendRequests to(String value) {
        this.to = value;
        return this;
    }

    public SendRequests purpose(Purpose value) {
        this.purpose = value;
        return this;
    }

    public SendRequests body(String value) {
        this.body = value;
        return this;
    }

    public SendRequests country(String value) {
        this.country = value;
        return this;
    }

    public SendRequests at(Instant value) {
        this.sendAt = value;
        return this;
    }

    public SendRequests at(String isoInstant) {
        return at(Instant.parse(isoInstant));
    }

    /** A local date-time in a zone, e.g. {@code at("2026-03-14T21:30", MIAMI)}. */
    public SendRequests at(String localDateTime, ZoneId zone) {
        return at(LocalDateTime.parse(localDateTime).atZone(zone).toInstant());
    }

    public SendRequest build() {
        return new SendRequest(channel, from, to, purpose, body, subject, headers, sendAt, country, state,
                aiVoice, prerecorded, recorded, campaign, topic, false);
    }
}
