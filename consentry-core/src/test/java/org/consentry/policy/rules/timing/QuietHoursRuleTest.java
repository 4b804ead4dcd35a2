package org.consentry.policy.rules.timing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.consentry.testing.SendRequests.ANCHORAGE;
import static org.consentry.testing.SendRequests.CHICAGO;
import static org.consentry.testing.SendRequests.LOS_ANGELES;
import static org.consentry.testing.SendRequests.MIAMI;
import static org.consentry.testing.SendRequests.marketingEmail;
import static org.consentry.testing.SendRequests.marketingSms;
import static org.consentry.testing.SendRequests.transactionalSms;
import static org.consentry.testing.TestFacts.facts;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.consentry.policy.Channel;
import org.consentry.policy.Effect;
import org.consentry.policy.Facts;
import org.consentry.policy.Outcome;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.recipient.Recipient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Calling hours: 47 CFR 64.1200(c)(1) (US, 08:00-21:00), the states' stricter hours and their Sunday and
 * holiday bans, Canada (CRTC Unsolicited Telecommunications Rules) and France (Code de la consommation
 * D. 223-9). 2026-03-14 is a Saturday.
 */
class QuietHoursRuleTest {

    private static final Map<String, QuietHoursRule> PACKS = QuietHoursPack.load().stream()
            .collect(Collectors.toMap(QuietHoursPack::id, QuietHoursRule::new));
    private static final String MIAMI_NUMBER = "+13055550100";
    private static final String HOUSTON = "+17135550100";
    private static final String BIRMINGHAM = "+12055550100";
    private static final String PROVIDENCE = "+14015550100";
    private static final String TORONTO = "+14165550100";
    private static final String OMAHA = "+14025550100";
    private static final String JACKSON_MS = "+16015550100";
    private static final String ALASKA = "+19075550100";
    private static final String PANHANDLE = "+18502000100";
    private static final String PARIS_LANDLINE = "+33123456789";
    private static final String PARIS_MOBILE = "+33612345678";
    private static final String PERSONAL_NUMBER_WITHOUT_ZONE = "+15005550100";
    private static final ZoneId HOUSTON_ZONE = CHICAGO;
    private static final ZoneId TORONTO_ZONE = ZoneId.of("America/Toronto");
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static Outcome check(String pack, SendRequest request) {
        return PACKS.get(pack).check(request, facts().of(request));
    }

    private static SendRequest text(String to, String local, ZoneId zone) {
        return marketingSms().to(to).at(local, zone).build();
    }

    private static Instant local(String dateTime, ZoneId zone) {
        return LocalDateTime.parse(dateTime).atZone(zone).toInstant();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59 defers,  2026-03-14T07:59, false",
            "08:00 allows,  2026-03-14T08:00, true",
            "20:59 allows,  2026-03-14T20:59, true",
            "21:00 defers,  2026-03-14T21:00, false",
    })
    void federalHoursAreEightToNine(String description, String localTime, boolean allowed) {
        assertThat(check("us-federal", text(MIAMI_NUMBER, localTime, MIAMI)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void defersAMarketingTextAtNineThirtyPmInMiamiToEightTheNextMorning() {
        Outcome outcome = check("us-federal", text(MIAMI_NUMBER, "2026-03-14T21:30", MIAMI));
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(outcome.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(outcome.reason().message()).isEqualTo("21:30 in America/New_York is outside 08:00-21:00 (US federal)");
        assertThat(outcome.reason().citation()).isEqualTo("47 CFR 64.1200(c)(1); 16 CFR 310.4(c)");
        assertThat(outcome.reason().evidence()).containsEntry("zones", List.of("America/New_York"))
                .containsEntry("local_time", "21:30").containsEntry("window", "08:00-21:00");
        assertThat(outcome.notBefore()).isEqualTo(local("2026-03-15T08:00", MIAMI));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "19:59 allows, 2026-03-14T19:59, true",
            "20:00 defers, 2026-03-14T20:00, false",
    })
    void floridaStopsAtEight(String description, String localTime, boolean allowed) {
        assertThat(check("us-fl", text(MIAMI_NUMBER, localTime, MIAMI)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void floridaDoesNotBindANewYorkNumber() {
        assertThat(check("us-fl", text("+12125550100", "2026-03-14T20:30", ZoneId.of("America/New_York"))).passed()).isTrue();
    }

    @Test
    void theStateTheRequestNamesWinsOverTheAreaCode() {
        SendRequest namedFlorida = marketingSms().to("+12125550100").state("FL").at("2026-03-14T20:30", ZoneId.of("America/New_York")).build();
        assertThat(check("us-fl", namedFlorida).passed()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Saturday 08:59 defers,  2026-03-14T08:59, false",
            "Saturday 09:00 allows,  2026-03-14T09:00, true",
            "Sunday 11:59 defers,    2026-03-15T11:59, false",
            "Sunday 12:00 allows,    2026-03-15T12:00, true",
            "Sunday 20:59 allows,    2026-03-15T20:59, true",
            "Sunday 21:00 defers,    2026-03-15T21:00, false",
    })
    void texasWaitsForNoonOnSundays(String description, String localTime, boolean allowed) {
        assertThat(check("us-tx", text(HOUSTON, localTime, HOUSTON_ZONE)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void aTexasSaturdayNightWaitsForSundayNoon() {
        assertThat(check("us-tx", text(HOUSTON, "2026-03-14T21:30", HOUSTON_ZONE)).notBefore())
                .isEqualTo(local("2026-03-15T12:00", HOUSTON_ZONE));
    }

    @Test
    void alabamaAllowsNoCallsOnSundayAndSaysSo() {
        Outcome outcome = check("us-al", text(BIRMINGHAM, "2026-03-15T12:00", CHICAGO));
        assertThat(outcome.reason().message()).isEqualTo("12:00 in America/Chicago is on a Sunday, when Alabama allows no calls");
        assertThat(outcome.notBefore()).isEqualTo(local("2026-03-16T08:00", CHICAGO));
    }

    @Test
    void alabamaAllowsNoCallsOnItsHolidays() {
        Outcome onConfederateMemorialDay = check("us-al", text(BIRMINGHAM, "2026-04-27T12:00", CHICAGO));
        assertThat(onConfederateMemorialDay.passed()).isFalse();
        assertThat(onConfederateMemorialDay.reason().message()).contains("Confederate Memorial Day");
        assertThat(onConfederateMemorialDay.reason().evidence()).containsEntry("holiday", "Confederate Memorial Day");
        assertThat(onConfederateMemorialDay.notBefore()).isEqualTo(local("2026-04-28T08:00", CHICAGO));
        assertThat(check("us-al", text(BIRMINGHAM, "2026-04-28T12:00", CHICAGO)).passed()).as("the day after").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Friday 17:59 allows,    2026-03-13T17:59, true",
            "Friday 18:00 defers,    2026-03-13T18:00, false",
            "Saturday 09:59 defers,  2026-03-14T09:59, false",
            "Saturday 10:00 allows,  2026-03-14T10:00, true",
            "Saturday 16:59 allows,  2026-03-14T16:59, true",
            "Saturday 17:00 defers,  2026-03-14T17:00, false",
            "Sunday 12:00 defers,    2026-03-15T12:00, false",
    })
    void rhodeIslandKeepsShortHoursAndNoSundays(String description, String localTime, boolean allowed) {
        assertThat(check("us-ri", text(PROVIDENCE, localTime, MIAMI)).passed()).as(description).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Monday 08:59 defers,    2026-03-16T08:59, false",
            "Monday 09:00 allows,    2026-03-16T09:00, true",
            "Monday 21:29 allows,    2026-03-16T21:29, true",
            "Monday 21:30 defers,    2026-03-16T21:30, false",
            "Saturday 09:59 defers,  2026-03-14T09:59, false",
            "Saturday 10:00 allows,  2026-03-14T10:00, true",
            "Saturday 17:59 allows,  2026-03-14T17:59, true",
            "Saturday 18:00 defers,  2026-03-14T18:00, false",
    })
    void canadaAllowsWeekdaysToNineThirtyAndWeekendsTenToSix(String description, String localTime, boolean allowed) {
        assertThat(check("ca-crtc", text(TORONTO, localTime, TORONTO_ZONE)).passed()).as(description).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Monday 09:59 defers,     2026-03-16T09:59, false",
            "Monday 10:00 allows,     2026-03-16T10:00, true",
            "Monday 12:59 allows,     2026-03-16T12:59, true",
            "Monday 13:00 defers,     2026-03-16T13:00, false",
            "Monday 14:00 allows,     2026-03-16T14:00, true",
            "Monday 19:59 allows,     2026-03-16T19:59, true",
            "Monday 20:00 defers,     2026-03-16T20:00, false",
            "Saturday 11:00 defers,   2026-03-14T11:00, false",
            "Easter Monday defers,    2026-04-06T11:00, false",
            "Bastille Day defers,     2026-07-14T11:00, false",
    })
    void franceCallsOnlyOnWeekdaysOutsideLunchAndHolidays(String description, String localTime, boolean allowed) {
        SendRequest call = marketingSms().channel(Channel.VOICE).to(PARIS_LANDLINE).country("FR").at(localTime, PARIS).build();
        assertThat(check("fr-calls", call).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void aCallInTheFrenchLunchBreakWaitsForTwo() {
        SendRequest call = marketingSms().channel(Channel.VOICE).to(PARIS_LANDLINE).at("2026-03-16T13:30", PARIS).build();
        assertThat(check("fr-calls", call).notBefore()).isEqualTo(local("2026-03-16T14:00", PARIS));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Saturday 19:59 allows,  2026-03-14T19:59, true",
            "Saturday 20:00 defers,  2026-03-14T20:00, false",
            "Sunday noon defers,     2026-03-15T12:00, false",
    })
    void frenchMarketingTextsMondayToSaturdayEightToEight(String description, String localTime, boolean allowed) {
        SendRequest text = marketingSms().to(PARIS_MOBILE).at(localTime, PARIS).build();
        assertThat(check("fr-sms", text).passed()).as(description).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "IVR Sunday 12:59 defers,  IVR,  2026-03-15T12:59, false",
            "IVR Sunday 13:00 allows,  IVR,  2026-03-15T13:00, true",
            "SMS Sunday 09:00 allows,  SMS,  2026-03-15T09:00, true",
    })
    void nebraskaHoldsPrerecordedCallsOnSundaysUntilOne(String description, Channel channel, String localTime, boolean allowed) {
        SendRequest request = marketingSms().channel(channel).to(OMAHA).at(localTime, CHICAGO).build();
        assertThat(check("us-ne", request).passed()).as(description).isEqualTo(allowed);
    }

    /** SDCL 37-30-28: an automated telephone dialing system solicits only on weekdays, 09:00-21:00 in South Dakota. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "RVM Saturday noon defers,                       RVM,   false, 2026-03-14T12:00, false",
            "prerecorded voice Sunday noon defers,           VOICE, true,  2026-03-15T12:00, false",
            "IVR Friday noon allows,                         IVR,   false, 2026-03-13T12:00, true",
            "IVR Friday 09:59 Central (08:59 Mountain) defers, IVR, false, 2026-03-13T09:59, false",
            "IVR Friday 20:59 Central allows,                IVR,   false, 2026-03-13T20:59, true",
            "IVR Friday 21:00 Central defers,                IVR,   false, 2026-03-13T21:00, false",
            "SMS Saturday noon allows,                       SMS,   false, 2026-03-14T12:00, true",
    })
    void southDakotaAllowsAutomatedCallsOnlyOnWeekdaysNineToNine(String description, Channel channel, boolean prerecorded,
                                                                 String localTime, boolean allowed) {
        SendRequest call = marketingSms().channel(channel).prerecorded(prerecorded).to("+16055550100").at(localTime, CHICAGO).build();
        Facts facts = facts().of(call);
        boolean deferred = PACKS.values().stream().filter(rule -> rule.pack().subdivisions().contains("SD"))
                .anyMatch(rule -> rule.scope().covers(call.channel(), call.purpose(), facts.recipient()) && !rule.check(call, facts).passed());
        assertThat(deferred).as(description).isEqualTo(!allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "prerecorded voice Sunday 12:59 defers,  true,  false, 2026-03-15T12:59, false",
            "AI voice Sunday 12:59 defers,           false, true,  2026-03-15T12:59, false",
            "prerecorded voice Sunday 13:00 allows,  true,  false, 2026-03-15T13:00, true",
            "live voice Sunday 09:00 allows,         false, false, 2026-03-15T09:00, true",
    })
    void nebraskaHoldsAPrerecordedOrArtificialVoiceCallAsItHoldsIvr(String description, boolean prerecorded, boolean aiVoice,
                                                                    String localTime, boolean allowed) {
        SendRequest call = marketingSms().channel(Channel.VOICE).prerecorded(prerecorded).aiVoice(aiVoice).to(OMAHA)
                .at(localTime, CHICAGO).build();
        QuietHoursRule nebraska = PACKS.get("us-ne");
        Facts facts = facts().of(call);
        assertThat(nebraska.scope().covers(call.channel(), call.purpose(), facts.recipient()) && !nebraska.check(call, facts).passed())
                .as(description).isEqualTo(!allowed);
    }

    @Test
    void aNumberTheRequestPlacesInAnotherStateKeepsThatStatesLocalTimeToo() {
        SendRequest early = marketingSms().to("+12125550100").state("CA").at("2026-03-14T07:30", LOS_ANGELES).build();
        Outcome outcome = check("us-federal", early);
        assertThat(outcome.passed()).as("07:30 in California, 10:30 in New York").isFalse();
        assertThat(outcome.notBefore()).isEqualTo(local("2026-03-14T08:00", LOS_ANGELES));
        SendRequest late = marketingSms().to("+12125550100").state("CA").at("2026-03-14T20:30", LOS_ANGELES).build();
        assertThat(check("us-federal", late).passed()).as("20:30 in California, 23:30 in New York").isFalse();
        assertThat(check("us-federal", marketingSms().to("+12125550100").state("CA").at("2026-03-14T12:00", LOS_ANGELES).build())
                .passed()).as("noon in California").isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "summer 08:59 CDT (07:59 CST) defers,  2026-07-15T08:59, false",
            "summer 09:00 CDT (08:00 CST) allows,  2026-07-15T09:00, true",
            "summer 19:59 CDT allows,              2026-07-15T19:59, true",
            "summer 20:00 CDT defers,              2026-07-15T20:00, false",
            "winter 08:00 CST allows,              2026-01-14T08:00, true",
            "winter 07:59 CST defers,              2026-01-14T07:59, false",
    })
    void mississippiHoursAreInCentralStandardTimeAndLocalTime(String description, String localTime, boolean allowed) {
        assertThat(check("us-ms", text(JACKSON_MS, localTime, CHICAGO)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void aMississippiSummerMorningWaitsForEightCentralStandardTime() {
        assertThat(check("us-ms", text(JACKSON_MS, "2026-07-15T07:30", CHICAGO)).notBefore())
                .isEqualTo(local("2026-07-15T09:00", CHICAGO));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Pennsylvania Election Day 2033 (November 1 is a Tuesday) defers,  us-pa, +14125550100, 2033-11-08T12:00, false",
            "Pennsylvania: the Tuesday before it allows,                       us-pa, +14125550100, 2033-11-01T12:00, true",
            "Pennsylvania Election Day 2026 defers,                              us-pa, +14125550100, 2026-11-03T12:00, false",
            "Rhode Island Election Day 2039 defers,                              us-ri, +14015550100, 2039-11-08T12:00, false",
            "Louisiana: the day after Thanksgiving 2030 defers,                 us-la, +15045550100, 2030-11-29T12:00, false",
            "Louisiana: the last Friday of November 2029 allows,                us-la, +15045550100, 2029-11-30T12:00, true",
            "Louisiana Juneteenth Day 2028 (the third Saturday in June) defers, us-la, +15045550100, 2028-06-17T12:00, false",
            "Louisiana: the Friday before it (state offices close) defers,      us-la, +15045550100, 2028-06-16T12:00, false",
            "Louisiana: the Saturday after it allows,                           us-la, +15045550100, 2028-06-24T12:00, true",
    })
    void holidaysADayFromAnotherFallOnTheirDay(String description, String pack, String number, String localTime, boolean allowed) {
        ZoneId zone = number.startsWith("+1504") ? CHICAGO : MIAMI;
        assertThat(check(pack, text(number, localTime, zone)).passed()).as(description).isEqualTo(allowed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Monday after a Sunday July 4th 2027 defers,      2027-07-05T12:00, false",
            "Monday after a Sunday Christmas 2033 defers,     2033-12-26T12:00, false",
            "Monday after a Sunday New Year's Day 2023 defers, 2023-01-02T12:00, false",
            "Tuesday after it allows,                          2027-07-06T12:00, true",
    })
    void pennsylvaniaKeepsTheMondayAfterASundayHoliday(String description, String localTime, boolean allowed) {
        assertThat(check("us-pa", text("+14125550100", localTime, MIAMI)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void notBeforeFollowsTheSpringForwardChange() {
        assertThat(check("us-federal", text(MIAMI_NUMBER, "2026-03-07T22:00", MIAMI)).notBefore())
                .isEqualTo(Instant.parse("2026-03-08T12:00:00Z"));
    }

    @Test
    void notBeforeFollowsTheFallBackChange() {
        assertThat(check("us-federal", text(MIAMI_NUMBER, "2026-10-31T21:30", MIAMI)).notBefore())
                .isEqualTo(Instant.parse("2026-11-01T13:00:00Z"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "07:59 in Adak (08:59 Anchorage) defers,  2026-03-14T08:59, false",
            "08:00 in Adak (09:00 Anchorage) allows,  2026-03-14T09:00, true",
            "20:59 in Anchorage allows,               2026-03-14T20:59, true",
            "21:00 in Anchorage defers,               2026-03-14T21:00, false",
    })
    void anAlaskanNumberMustBeInsideTheWindowInEveryZone(String description, String anchorageTime, boolean allowed) {
        assertThat(check("us-federal", text(ALASKA, anchorageTime, ANCHORAGE)).passed()).as(description).isEqualTo(allowed);
    }

    @Test
    void anAlaskanNumberEarlyInAnchorageWaitsForEightInAdak() {
        Outcome outcome = check("us-federal", text(ALASKA, "2026-03-14T08:30", ANCHORAGE));
        assertThat(outcome.notBefore()).isEqualTo(local("2026-03-14T09:00", ANCHORAGE));
        assertThat(outcome.reason().message()).startsWith("07:30 in America/Adak is outside 08:00-21:00");
    }

    @Test
    void thePanhandleMustBeInsideTheWindowInBothItsZones() {
        Outcome outcome = check("us-federal", text(PANHANDLE, "2026-03-14T20:30", CHICAGO));
        assertThat(outcome.passed()).as("21:30 in the Eastern part").isFalse();
        assertThat(outcome.reason().evidence().get("zones")).isEqualTo(List.of("America/Chicago", "America/New_York"));
        assertThat(outcome.reason().evidence().get("local_time"))
                .isEqualTo(Map.of("America/Chicago", "20:30", "America/New_York", "21:30"));
    }

    @Test
    void anUnknownZoneDefersWithoutATime() {
        Outcome outcome = check("us-federal", marketingSms().to(PERSONAL_NUMBER_WITHOUT_ZONE).at("2026-03-14T16:00:00Z").build());
        assertThat(outcome.reason().code()).isEqualTo(ReasonCode.QUIET_HOURS);
        assertThat(outcome.notBefore()).isNull();
        assertThat(outcome.reason().message()).contains("time zone of +15005550100 is unknown");
    }

    @Test
    void aNumberWhoseStateIsUnknownIsBoundByEveryStatesPack() {
        SendRequest request = marketingSms().to(HOUSTON).at("2026-03-14T17:30", HOUSTON_ZONE).build();
        Facts known = facts().of(request);
        Recipient stateless = new Recipient(known.recipient().raw(), known.recipient().address(), known.recipient().zones(),
                "US", Set.of(), known.recipient().lineType());
        Facts facts = new Facts(stateless, known.tenant(), known.sender(), known.emailDomains(), known.contact(), known.registry(), known.content(),
                known.activity(), known.unavailable());
        assertThat(PACKS.get("us-ri").check(request, facts).passed()).as("Rhode Island: Saturdays end at 17:00").isFalse();
        assertThat(PACKS.get("us-tx").check(request, facts).passed()).isTrue();
        assertThat(PACKS.get("us-tx").check(marketingSms().to(HOUSTON).at("2026-03-15T11:00", HOUSTON_ZONE).build(), facts).passed())
                .as("Texas: Sundays start at noon").isFalse();
    }

    @Test
    void aNumberWithoutZoneOrStateIsDeferredOnceByItsCountrysPack() {
        SendRequest request = marketingSms().to(PERSONAL_NUMBER_WITHOUT_ZONE).build();
        Outcome federal = check("us-federal", request);
        assertThat(federal.reason().effect()).isEqualTo(Effect.DEFER);
        assertThat(federal.notBefore()).as("no zone, no time to wait for").isNull();
        assertThat(check("us-tx", request).passed()).as("the federal pack speaks for the states").isTrue();
    }

    @ParameterizedTest
    @EnumSource(value = Channel.class, names = {"SMS", "MMS", "VOICE", "IVR", "RVM"})
    void bindsMarketingOnEveryPhoneChannel(Channel channel) {
        assertThat(check("us-federal", marketingSms().channel(channel).at("2026-03-14T22:00", MIAMI).build()).passed()).isFalse();
    }

    @Test
    void doesNotBindTransactionalTexts() {
        assertThat(check("us-federal", transactionalSms().at("2026-03-14T23:00", MIAMI).build()).passed()).isTrue();
    }

    @Test
    void doesNotBindEmail() {
        assertThat(check("us-federal", marketingEmail().at("2026-03-14T23:00", MIAMI).build()).passed()).isTrue();
    }

    @Test
    void leavesNumbersOutsideItsRegionsToTheirOwnPacks() {
        assertThat(check("us-federal", marketingSms().to("+442079460958").at("2026-03-14T23:00:00Z").build()).passed()).isTrue();
    }

    @Test
    void bindsUsTerritories() {
        assertThat(check("us-federal", marketingSms().to("+17875550100").at("2026-03-15T02:00:00Z").build()).passed()).isFalse();
    }

    /** The API takes a state for a number of a US territory (it is a US number): its local time there binds too. */
    @Test
    void aPuertoRicanNumberTheRequestPlacesInCaliforniaKeepsCaliforniasLocalTime() {
        SendRequest early = marketingSms().to("+17875550100").state("CA").at("2026-03-14T08:30", ZoneId.of("America/Puerto_Rico")).build();
        Outcome outcome = check("us-federal", early);
        assertThat(outcome.passed()).as("08:30 in San Juan, 05:30 in Los Angeles").isFalse();
        assertThat(outcome.notBefore()).isEqualTo(local("2026-03-14T08:00", LOS_ANGELES));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "Guadeloupe landline,         +590590812345, GP, America/Guadeloupe",
            "Saint-Barthelemy landline,   +590590271234, BL, America/St_Barthelemy",
            "Saint-Martin landline,       +590590501234, MF, America/Marigot",
            "a +590 mobile of all three,  +590690123456, GP, America/Guadeloupe",
    })
    void franceBindsEveryIslandOfItsShared590Numbers(String description, String number, String region, String zone) {
        SendRequest call = marketingSms().channel(Channel.VOICE).to(number).at("2026-03-15T12:00", ZoneId.of(zone)).build();
        assertThat(facts().of(call).recipient().country()).as(description).isEqualTo(region);
        assertThat(check("fr-calls", call).passed()).as(description + ": a Sunday call").isFalse();
        SendRequest text = marketingSms().to(number).at("2026-03-15T12:00", ZoneId.of(zone)).build();
        assertThat(check("fr-sms", text).passed()).as(description + ": a Sunday text").isFalse();
    }

    @Test
    void everyPackLoadsWithAWindowOnSomeDay() {
        assertThat(PACKS).containsKeys("us-federal", "us-fl", "us-ok", "us-md", "us-wa", "us-tx", "ca-crtc", "fr-calls", "fr-sms");
        PACKS.values().forEach(rule -> assertThat(rule.pack().hours().windowsOn(java.time.LocalDate.parse("2026-03-16")))
                .as(rule.pack().id()).isNotEmpty());
    }
}
