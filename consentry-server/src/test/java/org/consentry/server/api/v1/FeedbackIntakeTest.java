package org.consentry.server.api.v1;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.consentry.server.testing.HttpAnswer;
import org.consentry.server.testing.TestServer;
import org.consentry.store.testing.MutableClock;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ARF complaints and DSN bounces over HTTP, with the .eml fixtures of consentry-core's tests. */
class FeedbackIntakeTest {

    @TempDir
    Path directory;

    private final MutableClock clock = new MutableClock(StoreFixture.START);
    private TestServer server;
    private TestServer.Tenant acme;

    @BeforeEach
    void start() {
        server = new TestServer(directory, clock);
        acme = server.tenant("Acme");
        assertThat(server.post("/v1/tenants/" + acme.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"acme.example\", \"kind\": \"email_domain\", \"verified\": true}").status()).isEqualTo(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static String fixture(String name) {
        try (InputStream in = FeedbackIntakeTest.class.getResourceAsStream("/org/consentry/feedback/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpAnswer post(String kind, String key, String message) {
        return server.post("/v1/feedback/" + kind, key, message, "Content-Type", "message/rfc822");
    }

    private String emailDecision(String to, String purpose) {
        HttpAnswer verdict = server.post("/v1/checks", acme.key(), """
                {"channel": "email", "from": "Acme <news@acme.example>", "to": "%s", "purpose": "%s",
                 "subject": "Your receipt", "body": "<p>Acme: your receipt #123.</p><p>1 Main St, Miami FL 33101</p>"}"""
                .formatted(to, purpose));
        return verdict.text("/decision") + " " + verdict.json().at("/reasons").findValuesAsText("code");
    }

    @Test
    void anAbuseReportSuppressesTheRecipientForAllOfTheTenantsEmail() {
        assertThat(emailDecision("ana@example.com", "transactional")).isEqualTo("allow []");
        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY, fixture("arf-rfc5965-abuse.eml"));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.text("/report")).isEqualTo("complaint");
        assertThat(answer.text("/tenant")).isEqualTo(acme.id());
        assertThat(answer.text("/recorded/0/address")).isEqualTo("ana@example.com");
        assertThat(answer.text("/recorded/0/kind")).isEqualTo("complaint");
        assertThat(answer.json().at("/recorded/0/suppressed").asBoolean()).isTrue();
        assertThat(emailDecision("ana@example.com", "transactional")).startsWith("block").contains("SUPPRESSED");

        HttpAnswer evidence = server.get("/v1/evidence?address=ana%40example.com", acme.key());
        assertThat(evidence.json().at("/events").findValuesAsText("type")).containsExactly("email_feedback.recorded");
        assertThat(evidence.json().at("/events/0/event/reporter").asText()).isEqualTo("SomeGenerator/1.0");
        assertThat(evidence.json().at("/events/0/event/message_id").asText()).isEqualTo("<8787KJKJ3K4J3K4J3K4J3.mail@acme.example>");
    }

    @Test
    void aReportNamingSeveralRecipientsSuppressesEachInOneAppend() {
        long before = server.ledgerSize();
        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY, fixture("arf-rfc5965-abuse.eml").replace("Original-Rcpt-To: <ana@example.com>\n",
                "Original-Rcpt-To: <ana@example.com>\nOriginal-Rcpt-To: rfc822; Bo@Example.com\nOriginal-Rcpt-To: <ana@example.com>\n"));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().at("/recorded").findValuesAsText("address")).containsExactly("ana@example.com", "bo@example.com");
        assertThat(answer.json().at("/recorded").findValuesAsText("suppressed")).containsOnly("true");
        assertThat(emailDecision("ana@example.com", "transactional")).contains("SUPPRESSED");
        assertThat(emailDecision("bo@example.com", "transactional")).as("RFC 5965 lets Original-Rcpt-To repeat").contains("SUPPRESSED");
        assertThat(server.ledgerSize()).isEqualTo(before + 2);
    }

    @Test
    void aRedactedReportFindsTheRecipientThroughTheUnsubscribeLinkTheMessageCarried() {
        String url = server.post("/v1/unsubscribe-links", acme.key(), "{\"address\": \"cy@example.com\", \"list\": \"weekend\"}").text("/url");
        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY, fixture("arf-redacted-with-unsubscribe-link.eml").replace("{{UNSUBSCRIBE_URL}}", url));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.text("/recorded/0/address")).isEqualTo("cy@example.com");
        assertThat(emailDecision("cy@example.com", "transactional")).contains("SUPPRESSED");
    }

    @Test
    void aComplaintIsChargedToTheTenantWhoseVerifiedDomainSentItThoughItCarriedAnotherTenantsLink() {
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(server.post("/v1/tenants/" + globex.id() + "/senders", TestServer.ADMIN_KEY,
                "{\"address\": \"globex.example\", \"kind\": \"email_domain\", \"verified\": true}").status()).isEqualTo(201);
        String acmesLink = server.post("/v1/unsubscribe-links", acme.key(), "{\"address\": \"cy@example.com\"}").text("/url");
        String report = fixture("arf-rfc5965-abuse.eml").replace("acme.example", "globex.example")
                .replace("https://globex.example/unsubscribe?u=1", acmesLink);

        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY, report);
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.text("/tenant")).isEqualTo(globex.id());
        assertThat(answer.text("/recorded/0/address")).isEqualTo("ana@example.com");
        assertThat(answer.text("/why")).contains("charged to " + globex.id()).contains(acme.id());
        HttpAnswer globexCheck = server.post("/v1/checks", globex.key(), """
                {"channel": "email", "from": "Globex <news@globex.example>", "to": "ana@example.com", "purpose": "transactional",
                 "subject": "Your receipt", "body": "<p>Globex: your receipt #123.</p><p>1 Main St, Miami FL 33101</p>"}""");
        assertThat(globexCheck.text("/decision") + " " + globexCheck.json().at("/reasons").findValuesAsText("code"))
                .startsWith("block").contains("SUPPRESSED");
        assertThat(emailDecision("ana@example.com", "transactional")).as("Acme did not send it").isEqualTo("allow []");

        HttpAnswer unknownDomain = post("arf", TestServer.ADMIN_KEY, report.replace("globex.example", "unknown.example"));
        assertThat(unknownDomain.text("/tenant")).as("no domain owner: the link names the sender").isEqualTo(acme.id());
    }

    @Test
    void aRedactedReportWithoutAnyRecipientStillCountsAgainstTheTenant() {
        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY,
                fixture("arf-redacted-with-unsubscribe-link.eml").replace("{{UNSUBSCRIBE_URL}}", "https://elsewhere.example/u/x"));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.json().at("/recorded/0/address").isNull()).isTrue();
        assertThat(answer.json().at("/recorded/0/suppressed").asBoolean()).isFalse();
        assertThat(answer.text("/why")).contains("counts against the account");
    }

    @Test
    void aJmrpReportNamesTheRecipientInTheProvidersHeader() {
        HttpAnswer answer = post("arf", acme.key(), fixture("arf-jmrp-original-recipient-header.eml"));
        assertThat(answer.status()).as("a tenant may report complaints about its own messages").isEqualTo(202);
        assertThat(answer.text("/recorded/0/address")).isEqualTo("bo@outlook.example");
    }

    @Test
    void notSpamAndAutoRepliesRecordNothing() {
        long before = server.ledgerSize();
        assertThat(post("arf", TestServer.ADMIN_KEY, fixture("arf-headers-only-not-spam.eml")).text("/report")).isEqualTo("not_spam");
        HttpAnswer ooo = post("dsn", TestServer.ADMIN_KEY, fixture("auto-reply-out-of-office.eml"));
        assertThat(ooo.status()).isEqualTo(202);
        assertThat(ooo.text("/report")).isEqualTo("auto_reply");
        assertThat(ooo.text("/why")).contains("Auto-Submitted: auto-replied");
        assertThat(post("dsn", TestServer.ADMIN_KEY, fixture("auto-reply-exchange.eml")).text("/report")).isEqualTo("auto_reply");
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aHardBounceSuppresses() {
        HttpAnswer answer = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-hard-5.1.1-postfix.eml"));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.text("/recorded/0/kind")).isEqualTo("hard_bounce");
        assertThat(answer.json().at("/recorded/0/suppressed").asBoolean()).isTrue();
        assertThat(emailDecision("dee@example.org", "transactional")).contains("SUPPRESSED");
    }

    @Test
    void internationalisedRecipientsAreSuppressedUnderTheAsciiFormChecksUse() {
        HttpAnswer bounce = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-global-utf8-recipients.eml"));
        assertThat(bounce.status()).isEqualTo(202);
        assertThat(bounce.text("/recorded/0/address")).isEqualTo("ana@xn--bcher-kva.example");
        assertThat(emailDecision("ana@xn--bcher-kva.example", "transactional")).contains("SUPPRESSED");
        assertThat(emailDecision("bo@xn--bcher-kva.example", "transactional")).as("written with RFC 6533's escape").contains("SUPPRESSED");
        HttpAnswer complaint = post("arf", TestServer.ADMIN_KEY, fixture("arf-rfc5965-abuse.eml")
                .replace("Original-Rcpt-To: <ana@example.com>", "Original-Rcpt-To: <cy@bücher.example>"));
        assertThat(complaint.status()).isEqualTo(202);
        assertThat(emailDecision("cy@xn--bcher-kva.example", "transactional")).contains("SUPPRESSED");
    }

    @Test
    void aTenantsOwnDsnWithoutTheOriginalMessageIsTheTenants() {
        long before = server.ledgerSize();
        HttpAnswer byAdmin = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-hard-without-original.eml"));
        assertThat(byAdmin.status()).as("nothing names the sender").isEqualTo(422);
        assertThat(byAdmin.body()).contains("names no sender").doesNotContain("From null");
        assertThat(server.ledgerSize()).isEqualTo(before);

        HttpAnswer byTenant = post("dsn", acme.key(), fixture("dsn-hard-without-original.eml"));
        assertThat(byTenant.status()).isEqualTo(202);
        assertThat(byTenant.text("/tenant")).isEqualTo(acme.id());
        assertThat(byTenant.text("/recorded/0/kind")).isEqualTo("hard_bounce");
        assertThat(emailDecision("dee@example.org", "transactional")).contains("SUPPRESSED");
    }

    @Test
    void softBouncesSuppressAtTheLimitOfThreeInSevenDays() {
        for (int i = 1; i <= 3; i++) {
            HttpAnswer answer = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-soft-4.2.2-mailbox-full.eml"));
            assertThat(answer.text("/recorded/0/kind")).as("bounce %d", i).isEqualTo(i < 3 ? "soft_bounce" : "soft_bounce_limit");
            assertThat(answer.json().at("/recorded/0/suppressed").asBoolean()).isEqualTo(i == 3);
            assertThat(emailDecision("eve@example.net", "transactional")).as("after bounce %d", i)
                    .startsWith(i < 3 ? "allow" : "block");
            clock.advance(java.time.Duration.ofDays(1));
        }
    }

    @Test
    void softBouncesFurtherApartThanTheWindowDoNotAddUp() {
        for (int i = 1; i <= 3; i++) {
            assertThat(post("dsn", TestServer.ADMIN_KEY, fixture("dsn-soft-4.2.2-mailbox-full.eml")).text("/recorded/0/kind"))
                    .isEqualTo("soft_bounce");
            clock.advance(java.time.Duration.ofDays(4));
        }
        assertThat(emailDecision("eve@example.net", "transactional")).startsWith("allow");
    }

    @Test
    void eachRecipientOfADsnCountsOnItsOwn() {
        HttpAnswer answer = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-two-recipients-one-delivered.eml"));
        assertThat(answer.json().at("/recorded").size()).isEqualTo(1);
        assertThat(answer.text("/recorded/0/address")).isEqualTo("fay@exchange.example.com");
        assertThat(emailDecision("gus@exchange.example.com", "transactional")).startsWith("allow");
    }

    @Test
    void aMessageThatIsNoReportIsAProblemNamingWhyAndWritesNothing() {
        long before = server.ledgerSize();
        HttpAnswer answer = post("arf", TestServer.ADMIN_KEY, fixture("not-a-report.eml"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.body()).contains("Content-Type").contains("feedback-report");
        HttpAnswer wrongKind = post("arf", TestServer.ADMIN_KEY, fixture("dsn-hard-5.1.1-postfix.eml"));
        assertThat(wrongKind.status()).isEqualTo(400);
        assertThat(wrongKind.body()).contains("report-type=delivery-status");
        assertThat(post("dsn", TestServer.ADMIN_KEY, "").status()).isEqualTo(400);
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aDsnWithoutItsPerMessageFieldsStillSuppressesItsFirstRecipient() {
        HttpAnswer answer = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-hard-5.1.1-postfix.eml").replace("Reporting-MTA: dns; mx.example.org\n"
                + "X-Postfix-Queue-ID: 4QZ1x2\nX-Postfix-Sender: rfc822; bounces@news.acme.example\nArrival-Date: Wed, 25 Nov 2026 10:00:00 +0000 (UTC)\n\n", ""));
        assertThat(answer.status()).isEqualTo(202);
        assertThat(answer.text("/recorded/0/address")).isEqualTo("dee@example.org");
        assertThat(emailDecision("dee@example.org", "transactional")).contains("SUPPRESSED");
    }

    @Test
    void anActionWithACommentIsReadAndAnActionOutsideRfc3464IsRefusedNotDropped() {
        HttpAnswer commented = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-hard-5.1.1-postfix.eml")
                .replace("Action: failed", "Action: failed (permanent)"));
        assertThat(commented.status()).isEqualTo(202);
        assertThat(commented.text("/recorded/0/kind")).isEqualTo("hard_bounce");
        assertThat(emailDecision("dee@example.org", "transactional")).contains("SUPPRESSED");

        long before = server.ledgerSize();
        HttpAnswer bounced = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-two-recipients-one-delivered.eml")
                .replace("Action: failed", "Action: bounced"));
        assertThat(bounced.status()).isEqualTo(400);
        assertThat(bounced.isProblem()).isTrue();
        assertThat(bounced.text("/errors/0/field")).isEqualTo("Action");
        assertThat(bounced.text("/errors/0/message")).contains("recipient group 1 (fay@exchange.example.com)").contains("'bounced'");
        assertThat(server.ledgerSize()).as("nothing half-written").isEqualTo(before);
        assertThat(emailDecision("fay@exchange.example.com", "transactional")).startsWith("allow");
    }

    @Test
    void aBounceInPlainTextIsRefusedSoTheCallerKnowsNothingWasRecorded() {
        long before = server.ledgerSize();
        HttpAnswer answer = post("dsn", TestServer.ADMIN_KEY, fixture("bounce-plain-text-exim.eml"));
        assertThat(answer.status()).as("not an auto-reply, though Auto-Submitted: auto-generated").isEqualTo(400);
        assertThat(answer.isProblem()).isTrue();
        assertThat(answer.text("/errors/0/message")).contains("not a delivery status notification").contains("nothing was recorded");
        assertThat(server.ledgerSize()).isEqualTo(before);
    }

    @Test
    void aReportAboutAnUnknownSenderOrAnotherTenantsMessageIsRefused() {
        long before = server.ledgerSize();
        HttpAnswer unknown = post("dsn", TestServer.ADMIN_KEY, fixture("dsn-hard-5.1.1-postfix.eml").replace("acme.example", "other.example"));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.body()).contains("From");
        TestServer.Tenant globex = server.tenant("Globex");
        assertThat(post("dsn", globex.key(), fixture("dsn-hard-5.1.1-postfix.eml")).status()).isEqualTo(422);
        assertThat(server.ledgerSize()).isEqualTo(before + 2).as("only Globex's creation and key");
    }
}
