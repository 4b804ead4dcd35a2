package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.consentry.delivery.Delivery;
import org.consentry.delivery.Outbound;
import org.consentry.delivery.Reports.Outcome;
import org.consentry.policy.Channel;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The SMPP connector's contract, against a real SMPP server ({@link TestSmsc}) that checks the bind's password. */
class SmppConnectorTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-14T16:00:00Z"), ZoneOffset.UTC);
    private static final LinkTimings QUICK = new LinkTimings(Duration.ofSeconds(5), Duration.ofSeconds(2), Duration.ofMillis(50),
            Duration.ofMillis(400));
    private static final String TENANT = "+13055550199";
    private static final String HANDSET = "+13055550100";

    private TestSmsc smsc;
    private final HeardReports reports = new HeardReports();
    private final List<SmppConnector> connectors = new ArrayList<>();

    @BeforeEach
    void startSmsc() throws Exception {
        smsc = new TestSmsc("consentry", "s3cr:t@");
    }

    @AfterEach
    void stop() throws Exception {
        connectors.forEach(SmppConnector::close);
        smsc.close();
    }

    private SmppConnector bound(String query) {
        SmppConnector connector = started(smsc.url("consentry", "s3cr%3At%40") + query);
        eventually("the connector binds", connector::bound);
        return connector;
    }

    private SmppConnector started(String url) {
        SmppConnector connector = new SmppConnector(SmppUrl.parse(url), CLOCK, QUICK);
        connectors.add(connector);
        connector.start(reports);
        return connector;
    }

    private static Outbound sms(String from, String to, String body) {
        return new Outbound("msg_1", "ten_1", Channel.SMS, from, to, null, body, Map.of(), CLOCK.instant());
    }

    private static Delivery.Accepted accepted(Delivery delivery) {
        assertThat(delivery).isInstanceOf(Delivery.Accepted.class);
        return (Delivery.Accepted) delivery;
    }

    private static void eventually(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waiting until " + what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void aGsmTextArrivesAsWrittenAskingForAReceipt() {
        SmppConnector smpp = bound("");
        String text = "Acme: your code is 1234 (valid 5 min) @£$¥ è_é. Reply STOP to opt out.";
        Delivery.Accepted delivery = accepted(smpp.send(sms(TENANT, HANDSET, text)).join());

        Submitted submit = smsc.submitted().get(0);
        assertThat(delivery.providerId()).isEqualTo(submit.messageId());
        assertThat(submit.text()).isEqualTo(text);
        assertThat(submit.shortMessage()).hasSize(text.length()); // one septet a byte
        assertThat(submit.dataCoding()).isEqualTo((byte) 0x00);
        assertThat(submit.esmClass()).isEqualTo((byte) 0x00);
        assertThat(submit.registeredDelivery()).isEqualTo((byte) 0x01); // SMSC receipt on success and failure
        assertThat(List.of(submit.destination(), submit.destTon(), submit.destNpi())).containsExactly("13055550100", (byte) 1, (byte) 1);
        assertThat(List.of(submit.source(), submit.sourceTon(), submit.sourceNpi())).containsExactly("13055550199", (byte) 1, (byte) 1);
    }

    @Test
    void aShortCodeOrANameIsSentAsSuch() {
        SmppConnector smpp = bound("");
        accepted(smpp.send(sms("55555", HANDSET, "From a short code")).join());
        accepted(smpp.send(sms("Acme", HANDSET, "From a name")).join());

        List<Submitted> submits = smsc.submitted();
        assertThat(List.of(submits.get(0).source(), submits.get(0).sourceTon(), submits.get(0).sourceNpi()))
                .containsExactly("55555", (byte) 0, (byte) 1);
        assertThat(List.of(submits.get(1).source(), submits.get(1).sourceTon(), submits.get(1).sourceNpi()))
                .containsExactly("Acme", (byte) 5, (byte) 0);
    }

    @Test
    void aTextBeyondGsmArrivesAsWrittenInUcs2() {
        SmppConnector smpp = bound("");
        String text = "Привет, Зоя! Ваш код 1234 👋";
        accepted(smpp.send(sms(TENANT, HANDSET, text)).join());

        Submitted submit = smsc.submitted().get(0);
        assertThat(submit.dataCoding()).isEqualTo((byte) 0x08);
        assertThat(submit.shortMessage()).hasSize(text.length() * 2);
        assertThat(submit.text()).isEqualTo(text);
    }

    @Test
    void aLongGsmTextArrivesInThreeNumberedPartsUnderTheFirstPartsId() {
        SmppConnector smpp = bound("");
        String text = "Acme weekly news: ".repeat(23).substring(0, 400);
        Delivery.Accepted delivery = accepted(smpp.send(sms(TENANT, HANDSET, text)).join());

        List<Submitted> parts = smsc.submitted();
        assertThat(parts).hasSize(3);
        assertThat(delivery.providerId()).isEqualTo(parts.get(0).messageId());
        for (int i = 0; i < 3; i++) {
            byte[] message = parts.get(i).shortMessage();
            assertThat(parts.get(i).esmClass()).isEqualTo((byte) 0x40);
            assertThat(new byte[] {message[0], message[1], message[2], message[4], message[5]}).containsExactly(5, 0, 3, 3, i + 1);
            assertThat(message[3]).isEqualTo(parts.get(0).shortMessage()[3]); // one reference
        }
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 153);
        assertThat(smsc.texts()).containsExactly(text);
    }

    @Test
    void aLongUcs2TextArrivesInPartsToo() {
        SmppConnector smpp = bound("");
        String text = "Ваша посылка уже в пути 🚚 ".repeat(6);
        accepted(smpp.send(sms(TENANT, HANDSET, text)).join());

        assertThat(smsc.submitted()).hasSize(3).allSatisfy(part -> {
            assertThat(part.dataCoding()).isEqualTo((byte) 0x08);
            assertThat(part.shortMessage().length).isLessThanOrEqualTo(6 + 2 * 67);
        });
        assertThat(smsc.texts()).containsExactly(text);
    }

    @Test
    void anExtensionCharacterAtAPartBoundaryGoesWholeIntoTheNextPart() {
        SmppConnector smpp = bound("");
        String text = "a".repeat(152) + "€{" + "b".repeat(20);
        accepted(smpp.send(sms(TENANT, HANDSET, text)).join());

        List<Submitted> parts = smsc.submitted();
        assertThat(parts).hasSize(2);
        assertThat(parts.get(0).shortMessage()).hasSize(6 + 152);
        assertThat(parts.get(1).shortMessage()[6]).isEqualTo((byte) 0x1B);
        assertThat(parts.get(1).shortMessage()[7]).isEqualTo((byte) 0x65);
        assertThat(smsc.texts()).containsExactly(text);
    }

    @Test
    void aDeliveredReceiptIsReportedAsDelivered() throws Exception {
        SmppConnector smpp = bound("");
        String id = accepted(smpp.send(sms(TENANT, HANDSET, "Your order shipped")).join()).providerId();

        smsc.receipt(id, DeliveryReceiptState.DELIVRD);

        eventually("the receipt is heard", () -> !reports.receipts.isEmpty());
        assertThat(reports.receipts).containsExactly(new HeardReports.Heard("smpp", id, Outcome.DELIVERED, "stat:DELIVRD err:000"));
    }

    @Test
    void anUndeliverableReceiptIsReportedAsFailed() throws Exception {
        SmppConnector smpp = bound("");
        String id = accepted(smpp.send(sms(TENANT, HANDSET, "Your order shipped")).join()).providerId();

        smsc.receipt(id, DeliveryReceiptState.UNDELIV);

        eventually("the receipt is heard", () -> !reports.receipts.isEmpty());
        assertThat(reports.receipts).containsExactly(new HeardReports.Heard("smpp", id, Outcome.FAILED, "stat:UNDELIV err:001"));
    }

    @Test
    void theReceiptsOfALongTextsPartsAreToldAsTheTexts() throws Exception {
        SmppConnector smpp = bound("");
        String first = accepted(smpp.send(sms(TENANT, HANDSET, "x".repeat(400))).join()).providerId();
        List<Submitted> parts = smsc.submitted();
        String other = accepted(smpp.send(sms(TENANT, HANDSET, "A short one")).join()).providerId();

        smsc.receipt(parts.get(1).messageId(), DeliveryReceiptState.DELIVRD); // a later part delivered: nothing to say yet
        smsc.receipt(parts.get(2).messageId(), DeliveryReceiptState.UNDELIV); // a part failed: the text failed
        smsc.receipt(first, DeliveryReceiptState.DELIVRD); // too late, the text failed
        smsc.receipt(other, DeliveryReceiptState.DELIVRD);

        eventually("the short one's receipt is heard", () -> reports.receipts.size() >= 2);
        assertThat(reports.receipts).containsExactly(new HeardReports.Heard("smpp", first, Outcome.FAILED, "stat:UNDELIV err:001"),
                new HeardReports.Heard("smpp", other, Outcome.DELIVERED, "stat:DELIVRD err:000"));
    }

    @Test
    void aStopFromAHandsetIsReportedAsAReply() throws Exception {
        bound("");

        smsc.handsetSends(HANDSET, TENANT, "STOP");
        smsc.handsetSends(HANDSET, "55555", "Стоп");
        smsc.handsetSendsInParts(HANDSET, TENANT, "Please stop texting me about the sale, I am not interested at all. " .repeat(3), 70, 42);

        eventually("three replies are heard", () -> reports.replies.size() >= 3);
        assertThat(reports.replies).containsExactly(new HeardReports.Reply(HANDSET, TENANT, "STOP"),
                new HeardReports.Reply(HANDSET, "55555", "Стоп"),
                new HeardReports.Reply(HANDSET, TENANT, "Please stop texting me about the sale, I am not interested at all. ".repeat(3)));
    }

    @Test
    void aThrottledSubmitIsTriedAgainLater() {
        SmppConnector smpp = bound("");
        smsc.refuseNext(1, 0x58);

        Delivery throttled = smpp.send(sms(TENANT, HANDSET, "Hello")).join();

        assertThat(throttled).isInstanceOf(Delivery.Unavailable.class);
        assertThat(((Delivery.Unavailable) throttled).reason()).contains("ESME_RTHROTTLED (0x58)");
        accepted(smpp.send(sms(TENANT, HANDSET, "Hello")).join());
    }

    @Test
    void anInvalidDestinationIsRejectedForGood() {
        SmppConnector smpp = bound("");
        smsc.refuseNext(1, 0x0B);

        Delivery refused = smpp.send(sms(TENANT, HANDSET, "Hello")).join();

        assertThat(refused).isInstanceOf(Delivery.Rejected.class);
        assertThat(((Delivery.Rejected) refused).reason()).contains("0x0B");
    }

    @Test
    void aRecipientThatIsNotANumberIsRejectedWithoutASubmit() {
        SmppConnector smpp = bound("");

        assertThat(smpp.send(sms(TENANT, "12345abc", "Hello")).join()).isInstanceOf(Delivery.Rejected.class);
        assertThat(smpp.send(sms("no sender id, too long", HANDSET, "Hello")).join()).isInstanceOf(Delivery.Rejected.class);
        assertThat(smsc.submitted()).isEmpty();
    }

    @Test
    void aWrongPasswordLeavesMessagesUnavailableAndTheBindIsTriedAgain() {
        SmppConnector smpp = started(smsc.url("consentry", "wrong"));

        eventually("the bind is tried again", () -> smsc.bindRequests() >= 3);
        Delivery delivery = smpp.send(sms(TENANT, HANDSET, "Hello")).join();

        assertThat(delivery).isInstanceOf(Delivery.Unavailable.class);
        assertThat(((Delivery.Unavailable) delivery).reason()).contains("not bound");
        assertThat(smpp.bound()).isFalse();
    }

    @Test
    void anSmscThatIsNotThereLeavesMessagesUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SmppConnector smpp = new SmppConnector(SmppUrl.parse("smpp://consentry:pw@127.0.0.1:" + closedPort), CLOCK, QUICK);
        connectors.add(smpp);

        assertThatCode(() -> smpp.start(reports)).doesNotThrowAnyException();
        Delivery delivery = smpp.send(sms(TENANT, HANDSET, "Hello")).join();

        assertThat(delivery).isInstanceOf(Delivery.Unavailable.class);
    }

    @Test
    void droppedMidStreamTheConnectorBindsAgainAndNoMessageIsLost() {
        SmppConnector smpp = bound("");
        smsc.delayResponses(Duration.ofMillis(2));
        smsc.dropSessionsAt(100);

        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            sent.add(smpp.send(sms(TENANT, HANDSET, "Message " + i)));
        }
        List<Delivery> first = sent.stream().map(delivery -> delivery.orTimeout(10, TimeUnit.SECONDS).join()).toList();

        assertThat(first).allSatisfy(delivery -> assertThat(delivery).isInstanceOfAny(Delivery.Accepted.class, Delivery.Unavailable.class));
        assertThat(first).anySatisfy(delivery -> assertThat(delivery).isInstanceOf(Delivery.Unavailable.class));
        eventually("the connector binds again", smpp::bound);
        List<Delivery> all = new ArrayList<>(first);
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i) instanceof Delivery.Unavailable) {
                all.set(i, smpp.send(sms(TENANT, HANDSET, "Message " + i)).join());
            }
        }
        assertThat(all).allSatisfy(delivery -> assertThat(delivery).isInstanceOf(Delivery.Accepted.class));
        List<String> ids = smsc.accepted().stream().map(Submitted::messageId).toList();
        assertThat(all).allSatisfy(delivery -> assertThat(ids).contains(((Delivery.Accepted) delivery).providerId()));
        List<String> texts = smsc.texts();
        for (int i = 0; i < 300; i++) {
            assertThat(texts).contains("Message " + i);
        }
        assertThat(smsc.bindRequests()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void atMostTheWindowsSubmitsWaitForTheirAnswerAtOnce() {
        SmppConnector smpp = bound("?window=4");
        smsc.delayResponses(Duration.ofMillis(100));

        List<CompletableFuture<Delivery>> sent = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            sent.add(smpp.send(sms(TENANT, HANDSET, "Message " + i)));
        }

        assertThat(sent).allSatisfy(delivery -> accepted(delivery.join()));
        assertThat(smsc.mostOutstanding()).isEqualTo(4);
    }

    @Test
    void closingTwiceIsHarmlessAndLaterMessagesAreUnavailable() {
        SmppConnector smpp = bound("");
        smpp.close();
        smpp.close();

        assertThat(smpp.send(sms(TENANT, HANDSET, "Hello")).join()).isInstanceOf(Delivery.Unavailable.class);
        assertThat(smpp.bound()).isFalse();
    }

    @Test
    void itNamesItselfAndTakesTexts() {
        SmppConnector smpp = started(smsc.url("consentry", "s3cr%3At%40"));
        assertThat(smpp.name()).isEqualTo("smpp");
        assertThat(smpp.channels()).containsExactly(Channel.SMS);
    }
}
