package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.ANCHORAGE;
import static org.consentry.testing.SendRequests.CHICAGO;
import static org.consentry.testing.SendRequests.MIAMI;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import org.consentry.policy.Channel;
import org.consentry.policy.Effect;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** 47 CFR 64.1200(c)(1): no telephone solicitation before 08:00 or after 21:00, called party's local time. */
class QuietHoursRuleTest {

    private static final String ALASKA = "+19075550100";
    private static final String PANHANDLE_CENTRAL = "+18502000100";
    private static final String PANHANDLE_EASTERN = "+18505550100";
    private static final String PERSONAL_NUMBER_WITHOUT_ZONE = "+15005550100";

    private final QuietHoursRule rule = new QuietHoursRule(QuietHoursPack.load("us-federal"));

    private Outcome check(SendRequest request) {
        return rule.check(request, facts().of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59 defers,  2026-03-14T07:59, false",
            "08:00 allows,  2026-03-14T08:00, true",
            "20:59 allows,  2026-03-14T20:59, true",
            "21:00 defers,  2026-03-14T21:00, false",
    })
    void marketingTextsInMiamiOnlyBetweenEightAndNine(String description, String local, boolean allowed) {
        assertThat(check(marketingSms().at(local, MIAMI).build()).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void defersMarketingTextAtNineThirtyPmInMiamiToEightTheNextMorning() {
        Outcome outcome = check(marketingSms().at("2026-03-14T21:30", MIAMI).build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(outcome.reason().message()).isEqualTo("21:30 in America/New_York is outside 08:00-21:00 (US federal)");
        assertThat(outcome.reason().citation()).isEqualTo("47 CFR 64.1200(c)(1)");
        assertThat(outcome.reason().evidence())
                .containsEntry("zones", List.of("America/New_York"))
                .containsEntry("local_time", "21:30")
                .containsEntry("window", "08:00-21:00");
        assertThat(outcome.notBefore()).isEqualTo(LocalDateTime.parse("2026-03-15T08:00").atZone(MIAMI).toInstant());
    }

    @Test
    void notBeforeFollowsTheSpringForwardChange() {
        Outcome outcome = check(marketingSms().at("2026-03-07T22:00", MIAMI).build());
        assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void notBeforeFollowsTheFallBackChange() {
        Outcome outcome = check(marketingSms().at("2026-10-31T21:30", MIAMI).build());
        assertThat(outcome.notBefore()).isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59 in Adak (08:59 Anchorage) defers,  2026-03-14T08:59, false",
            "08:00 in Adak (09:00 Anchorage) allows,  2026-03-14T09:00, true",
            "20:59 in Anchorage allows,               2026-03-14T20:59, true",
            "21:00 in Anchorage defers,               2026-03-14T21:00, false",
    })
    void anAlaskanNumberMustBeInsideTheWindowInBothItsZones(String description, String anchorageTime, boolean allowed) {
        assertThat(check(marketingSms().to(ALASKA).at(anchorageTime, ANCHORAGE).build()).passed())
                .as(description).isEqualTo(allowed);
    }

    @Test
    void anAlaskanNumberEarlyInAnchorageWaitsForEightInAdak() {
        Outcome outcome = check(marketingSms().to(ALASKA).at("2026-03-14T08:30", ANCHORAGE).build());
        assertThat(outcome.notBefore()).isEqualTo(LocalDateTime.parse("2026-03-14T09:00").atZone(ANCHORAGE).toInstant());
        assertThat(outcome.reason().message()).startsWith("07:30 in America/Adak is outside 08:00-21:00");
    }

    @Test
    void thePanhandleIsJudgedByTheExchangesZone() {
        SendRequest lateInChicago = marketingSms().to(PANHANDLE_CENTRAL).at("2026-03-14T20:30", CHICAGO).build();
        assertThat(check(lateInChicago).passed()).isTrue();
        SendRequest sameInstantInMiami = marketingSms().to(PANHANDLE_EASTERN).at("2026-03-14T20:30", CHICAGO).build();
        assertThat(check(sameInstantInMiami).passed()).isFalse();
    }

    @Test
    void anUnknownZoneDefersWithoutATime() {
        Outcome outcome = check(marketingSms().to(PERSONAL_NUMBER_WITHOUT_ZONE).at("2026-03-14T16:00:00Z").build());
        assertThat(outcome.passed()).isFalse();
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(outcome.notBefore()).isNull();
        assertThat(outcome.reason().message()).contains("time zone of +15005550100 is unknown");
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SMS", "MMS", "VOICE", "IVR", "RVM"})
    void bindsMarketingOnEveryPhoneChannel(Channel channel) {
        assertThat(check(marketingSms().channel(channel).at("2026-03-14T22:00", MIAMI).build()).passed()).isFalse();
    }

    @Test
    void doesNotBindTransactionalTexts() {
        assertThat(check(transactionalSms().at("2026-03-14T23:00", MIAMI).build()).passed()).isTrue();
    }

    @Test
    void doesNotBindEmail() {
        assertThat(check(marketingEmail().at("2026-03-14T23:00", MIAMI).build()).passed()).isTrue();
    }

    @Test
    void leavesNumbersOutsideTheUsToTheirOwnPacks() {
        SendRequest london = marketingSms().to("+447911123456").at("2026-03-14T23:00:00Z").build();
        assertThat(check(london).passed()).isTrue();
    }

    @Test
    void bindsUsTerritories() {
        SendRequest puertoRico = marketingSms().to("+17875550100").at("2026-03-15T02:00:00Z").build();
        assertThat(check(puertoRico).passed()).isFalse();
    }
}
