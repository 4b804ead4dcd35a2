package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.MIAMI;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.consentry.policy.Effect;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.TenantSettings;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class TenantQuietHoursRuleTest {

    private static final TenantSettings TEN_TO_SEVEN = new TenantSettings(false, false, false, List.of(),
            new DailyHours(LocalTime.of(10, 0), LocalTime.of(19, 0)), 60, 0);
    private final TenantQuietHoursRule rule = new TenantQuietHoursRule();

    private Outcome check(SendRequest request, TenantSettings settings) {
        return rule.check(request, facts().settings(settings).of(request));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "09:59 defers, 2026-03-14T09:59, false",
            "10:00 allows, 2026-03-14T10:00, true",
            "18:59 allows, 2026-03-14T18:59, true",
            "19:00 defers, 2026-03-14T19:00, false",
    })
    void keepsToTheTenantsNarrowerHours(String description, String local, boolean allowed) {
        assertThat(check(marketingSms().at(local, MIAMI).build(), TEN_TO_SEVEN).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void defersToTheTenantsNextOpening() {
        Outcome outcome = check(marketingSms().at("2026-03-14T19:30", MIAMI).build(), TEN_TO_SEVEN);
        assertThat(outcome.notBefore()).isEqualTo(LocalDateTime.parse("2026-03-15T10:00").atZone(MIAMI).toInstant());
        assertThat(outcome.reason().message()).isEqualTo("19:30 in America/New_York is outside the account's own hours 10:00-19:00");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "a US personal number at 03:00 UTC,       +15005550100,  2026-03-14T03:00:00Z",
            "a US personal number at 16:00 UTC,       +15005550100,  2026-03-14T16:00:00Z",
    })
    void anUnknownZoneDefersWithoutATime(String description, String number, String at) {
        Outcome outcome = check(marketingSms().to(number).at(Instant.parse(at)).build(), TEN_TO_SEVEN);
        assertThat(outcome.reason().code()).as(description).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(outcome.notBefore()).as("no zone, no time to wait for").isNull();
        assertThat(outcome.reason().message())
                .isEqualTo("The time zone of " + number + " is unknown, so the account's own hours 10:00-19:00 cannot be established.");
    }

    @Test
    void anUnknownZoneWithoutOwnHoursOrForTransactionalIsNotItsConcern() {
        String unplaced = "+15005550100";
        assertThat(check(marketingSms().to(unplaced).at(Instant.parse("2026-03-14T03:00:00Z")).build(), TenantSettings.DEFAULTS).passed())
                .isTrue();
        assertThat(check(transactionalSms().to(unplaced).at(Instant.parse("2026-03-14T03:00:00Z")).build(), TEN_TO_SEVEN).passed())
                .isTrue();
    }

    @Test
    void withoutOwnHoursOrForTransactionalItStandsAside() {
        assertThat(check(marketingSms().at("2026-03-14T20:30", MIAMI).build(), TenantSettings.DEFAULTS).passed()).isTrue();
        assertThat(check(transactionalSms().at("2026-03-14T20:30", MIAMI).build(), TEN_TO_SEVEN).passed()).isTrue();
    }
}
