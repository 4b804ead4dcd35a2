package org.consentry.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.policy.Channel;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import java.util.List;
import org.consentry.consent.RelationshipKind;
import org.consentry.recipient.LineType;
import org.consentry.tenant.DailyHours;
import org.consentry.tenant.FrequencyCap;
import org.consentry.tenant.SenderKind;
import org.consentry.tenant.TenantPlan;
import org.consentry.tenant.SenderStatus;
import org.consentry.tenant.TenantSettings;
import org.consentry.tenant.TenantStatus;

/** Every event reads back from its fields as it was, and the stored fields of a tampered event fail to read or to verify. */
class LedgerEventsProperties {

    @Property(tries = 2000)
    void everyEventReadsBackFromItsFields(@ForAll("events") LedgerEvent event) {
        Map<String, Object> stored = new HashMap<>(event.fields());
        stored.values().removeIf(java.util.Objects::isNull);
        assertThat(event.type().read(stored)).isEqualTo(event);
    }

    @Property(tries = 500)
    void everyEventHasAStoredNameThatFindsItsType(@ForAll("events") LedgerEvent event) {
        assertThat(EventType.fromStoredName(event.type().storedName())).isEqualTo(event.type());
    }

    @Provide
    Arbitrary<LedgerEvent> events() {
        Arbitrary<String> text = Arbitraries.strings().ofMinLength(1).ofMaxLength(30);
        Arbitrary<String> optional = text.injectNull(0.3);
        Arbitrary<Instant> instants = Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        Arbitrary<String> address = Arbitraries.of("+13055550100", "ana@example.com", "+447911123456");
        return Arbitraries.oneOf(
                Combinators.combine(text, text, text, text, optional, optional).as(TenantCreated::new),
                Combinators.combine(Arbitraries.of(TenantStatus.class), optional).as(TenantStatusChanged::new),
                Combinators.combine(text, text).as(ApiKeyIssued::new),
                text.map(ApiKeyRevoked::new),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.of(true, false))
                        .as((sms, email) -> new SettingsChanged(new TenantSettings(sms, email))),
                Combinators.combine(text, text, Arbitraries.of(SenderKind.class), Arbitraries.of(SenderStatus.class))
                        .as(SenderRegistered::new),
                Combinators.combine(text, address, Arbitraries.of(Channel.class), Arbitraries.of(Purpose.class),
                        Arbitraries.of(ConsentMethod.class), Arbitraries.of(ConsentStatus.class), instants,
                        Combinators.combine(optional, optional, optional, optional, optional, optional,
                                        Combinators.combine(text, Arbitraries.integers().between(1, 99)).as(ConsentEvidence.FormVersion::new).injectNull(0.5),
                                        optional).as(ConsentEvidence::new))
                        .as((id, a, c, p, m, s, at, ev) -> new ConsentGranted(id, a, c, p, m, s, at, s == ConsentStatus.ACTIVE, ev)),
                Combinators.combine(text, Arbitraries.integers().between(1, 99), text, text,
                                Arbitraries.subsetOf(org.consentry.consent.OptInForm.CHANNELS).ofMinSize(1), Arbitraries.of(Purpose.MARKETING, Purpose.INFORMATIONAL),
                                text, Combinators.combine(optional, optional, optional).as(java.util.Arrays::asList))
                        .as((id, version, name, title, channels, purpose, frequency, rest) -> new FormPublished(new org.consentry.consent.OptInForm(id,
                                version, name, title, List.copyOf(channels), purpose, "every " + frequency, rest.get(0), rest.get(1), rest.get(2)))),
                Combinators.combine(text, address, instants, text).as(ConsentConfirmed::new),
                Combinators.combine(text, address, instants, text, Arbitraries.of(true, false)).as(ConsentRevoked::new),
                Combinators.combine(text, address, instants, text).as(ConsentReinstated::new),
                Combinators.combine(address, Arbitraries.subsetOf(OptOutScope.values()).ofMinSize(1), instants, text)
                        .as((a, scopes, at, via) -> new OptedOut(a, EnumSet.copyOf(scopes), at, via)),
                Combinators.combine(address, Arbitraries.subsetOf(OptOutScope.values()).ofMinSize(1), instants, text)
                        .as((a, scopes, at, via) -> new OptedIn(a, EnumSet.copyOf(scopes), at, via)),
                Combinators.combine(address, instants).as(InternalDncAdded::new),
                Combinators.combine(text, address, Arbitraries.of(Channel.class), Arbitraries.of(Purpose.class), text,
                        instants, optional, optional).as((id, a, c, p, from, at, topic, campaign) ->
                        new SendCommitted(id, a, c, p, from, at, topic, campaign, null, "abc", List.of(-5L, 7L, 123456789L))),
                Combinators.combine(address, optional, optional, Arbitraries.of(LineType.class).injectNull(0.3))
                        .as((a, country, state, line) -> new ContactDeclared(a, country, state, line == LineType.UNKNOWN ? null : line)),
                Combinators.combine(address, Arbitraries.of(RelationshipKind.class), instants).as(RelationshipRecorded::new),
                Combinators.combine(Arbitraries.subsetOf(Purpose.MARKETING, Purpose.TRANSACTIONAL), Arbitraries.integers().between(0, 500))
                        .as((purposes, rate) -> new PlanChanged(new TenantPlan(Map.of(Channel.SMS, purposes), rate))),
                Combinators.combine(Arbitraries.of("national", "state:FL", "block"), Arbitraries.of("+13055550100", "+14155550100")
                        .list().ofMaxSize(3), instants.injectNull(0.5)).as(RegistryEntriesAdded::new),
                Combinators.combine(Arbitraries.of("national", "block"), Arbitraries.of("+13055550100").list().ofMaxSize(2))
                        .as(RegistryEntriesRemoved::new),
                Combinators.combine(Arbitraries.of(NumbersReported.DISCONNECTED, NumbersReported.LINE_TYPE), text)
                        .as((kind, value) -> new NumbersReported(kind, List.of(new NumbersReported.Entry("+13055550100", value)))),
                Combinators.combine(Arbitraries.of(true, false), Arbitraries.integers().between(1, 500), Arbitraries.integers().between(0, 100_000))
                        .as((append, minutes, volume) -> new SettingsChanged(new TenantSettings(true, false, append,
                                List.of(new FrequencyCap(3, 24, FrequencyCap.Per.TOPIC)),
                                new DailyHours(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(19, 30)), minutes, volume))));
    }
}
