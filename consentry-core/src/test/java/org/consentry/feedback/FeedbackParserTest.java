package org.consentry.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.consentry.feedback.FeedbackReport.AutoReply;
import org.consentry.feedback.FeedbackReport.Bounce;
import org.consentry.feedback.FeedbackReport.Complaint;
import org.junit.jupiter.api.Test;

/** The parser on reports written after RFC 5965 and RFC 3464's examples and the formats of major mail servers. */
class FeedbackParserTest {

    private final FeedbackParser parser = new FeedbackParser();

    static byte[] fixture(String name) {
        try (InputStream in = FeedbackParserTest.class.getResourceAsStream("/org/consentry/feedback/" + name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture with one piece of text replaced, which must be there. */
    static byte[] fixtureWith(String name, String text, String replacement) {
        String original = new String(fixture(name), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(original).contains(text);
        return original.replace(text, replacement).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    void anArfAbuseReportNamesTheRecipientAndTheOriginal() {
        Complaint complaint = (Complaint) parser.parseArf(fixture("arf-rfc5965-abuse.eml"));
        assertThat(complaint.feedbackType()).isEqualTo("abuse");
        assertThat(complaint.isComplaint()).isTrue();
        assertThat(complaint.recipients()).containsExactly("ana@example.com");
        assertThat(complaint.originalMailFrom()).isEqualTo("bounces@news.acme.example");
        assertThat(complaint.reportingMta()).isEqualTo("dns; mail.example.com");
        assertThat(complaint.userAgent()).isEqualTo("SomeGenerator/1.0");
        assertThat(complaint.original().from()).isEqualTo("news@acme.example");
        assertThat(complaint.original().to()).isEqualTo("ana@example.com");
        assertThat(complaint.original().messageId()).isEqualTo("<8787KJKJ3K4J3K4J3K4J3.mail@acme.example>");
        assertThat(complaint.original().listUnsubscribe()).containsExactly("https://acme.example/unsubscribe?u=1");
    }

    @Test
    void aRedactedReportStillCarriesTheOriginalsUnsubscribeLinks() {
        Complaint complaint = (Complaint) parser.parseArf(fixture("arf-redacted-with-unsubscribe-link.eml"));
        assertThat(complaint.recipients()).isEmpty();
        assertThat(complaint.original().to()).as("redacted").isNull();
        assertThat(complaint.original().from()).isEqualTo("news@acme.example");
        assertThat(complaint.original().listUnsubscribe()).containsExactly("{{UNSUBSCRIBE_URL}}",
                "mailto:unsubscribe@acme.example?subject=unsubscribe");
    }

    @Test
    void aJmrpReportNamesTheRecipientInTheOriginalsHeader() {
        Complaint complaint = (Complaint) parser.parseArf(fixture("arf-jmrp-original-recipient-header.eml"));
        assertThat(complaint.recipients()).isEmpty();
        assertThat(complaint.original().providerRecipient()).isEqualTo("bo@outlook.example");
        assertThat(complaint.original().from()).isEqualTo("news@acme.example");
    }

    @Test
    void notSpamIsReadButIsNoComplaint() {
        Complaint report = (Complaint) parser.parseArf(fixture("arf-headers-only-not-spam.eml"));
        assertThat(report.feedbackType()).isEqualTo("not-spam");
        assertThat(report.isComplaint()).isFalse();
        assertThat(report.original().from()).as("from text/rfc822-headers").isEqualTo("news@acme.example");
    }

    @Test
    void aPostfixBounceIsHard() {
        Bounce bounce = (Bounce) parser.parseDsn(fixture("dsn-hard-5.1.1-postfix.eml"));
        assertThat(bounce.reportingMta()).isEqualTo("dns; mx.example.org");
        assertThat(bounce.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("dee@example.org");
            assertThat(recipient.action()).isEqualTo("failed");
            assertThat(recipient.status()).isEqualTo("5.1.1");
            assertThat(recipient.hard()).isTrue();
            assertThat(recipient.soft()).isFalse();
            assertThat(recipient.diagnostic()).contains("User unknown in local recipient table");
        });
        assertThat(bounce.original().from()).isEqualTo("news@acme.example");
        assertThat(bounce.original().messageId()).isEqualTo("<hard-1@acme.example>");
    }

    @Test
    void aFullMailboxIsSoft() {
        Bounce bounce = (Bounce) parser.parseDsn(fixture("dsn-soft-4.2.2-mailbox-full.eml"));
        assertThat(bounce.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.address()).isEqualTo("eve@example.net");
            assertThat(recipient.action()).isEqualTo("delayed");
            assertThat(recipient.soft()).isTrue();
            assertThat(recipient.hard()).isFalse();
        });
        assertThat(bounce.original().from()).as("from a message/rfc822 part").isEqualTo("news@acme.example");
    }

    @Test
    void eachRecipientOfADsnHasItsOwnStatus() {
        Bounce bounce = (Bounce) parser.parseDsn(fixture("dsn-two-recipients-one-delivered.eml"));
        assertThat(bounce.recipients()).extracting(FeedbackReport.RecipientStatus::address)
                .containsExactly("fay@exchange.example.com", "gus@exchange.example.com");
        assertThat(bounce.recipients().get(0).hard()).isTrue();
        assertThat(bounce.recipients().get(1).hard()).isFalse();
        assertThat(bounce.recipients().get(1).soft()).isFalse();
    }

    @Test
    void autoRepliesAreNeitherComplaintsNorBounces() {
        assertThat(parser.parseDsn(fixture("auto-reply-out-of-office.eml"))).isInstanceOf(AutoReply.class);
        assertThat(parser.parseArf(fixture("auto-reply-out-of-office.eml"))).isInstanceOf(AutoReply.class);
        AutoReply exchange = (AutoReply) parser.parseDsn(fixture("auto-reply-exchange.eml"));
        assertThat(exchange.sign()).startsWith("X-Auto-Response-Suppress");
    }

    @Test
    void aBounceInPlainTextIsNoAutoReplyAndIsRefused() {
        assertThatThrownBy(() -> parser.parseDsn(fixture("bounce-plain-text-exim.eml"))).isInstanceOf(FeedbackFormatException.class)
                .hasMessageContaining("not a delivery status notification").hasMessageContaining("MAILER-DAEMON@mx.example.org")
                .hasMessageContaining("nothing was recorded");
        byte[] generated = fixtureWith("not-a-report.eml", "MIME-Version: 1.0\n", "Auto-Submitted: auto-generated\nMIME-Version: 1.0\n");
        assertThatThrownBy(() -> parser.parseDsn(generated)).as("auto-generated is no auto-reply (RFC 3834 section 5)")
                .isInstanceOf(FeedbackFormatException.class).hasMessageContaining("not a delivery status notification");
        byte[] replied = fixtureWith("not-a-report.eml", "MIME-Version: 1.0\n",
                "Auto-Submitted: Auto-Replied (vacation); owner-email=\"jo@example.com\"\nMIME-Version: 1.0\n");
        assertThat(parser.parseDsn(replied)).isInstanceOf(AutoReply.class);
    }

    @Test
    void aReportOfTheOtherKindOrAnOrdinaryMessageIsRefusedNamingWhy() {
        assertThatThrownBy(() -> parser.parseArf(fixture("dsn-hard-5.1.1-postfix.eml")))
                .isInstanceOf(FeedbackFormatException.class).hasMessageContaining("report-type=feedback-report");
        assertThatThrownBy(() -> parser.parseDsn(fixture("arf-rfc5965-abuse.eml")))
                .isInstanceOf(FeedbackFormatException.class).hasMessageContaining("report-type=delivery-status");
        assertThatThrownBy(() -> parser.parseArf(fixture("not-a-report.eml")))
                .isInstanceOf(FeedbackFormatException.class).extracting(e -> ((FeedbackFormatException) e).field()).isEqualTo("Content-Type");
        assertThatThrownBy(() -> parser.parseDsn(new byte[0])).isInstanceOf(FeedbackFormatException.class).hasMessageContaining("empty");
    }

    @Test
    void aReportWithoutItsRequiredFieldsIsRefused() {
        String noType = new String(fixture("arf-rfc5965-abuse.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Feedback-Type: abuse\n", "");
        assertThatThrownBy(() -> parser.parseArf(noType.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(FeedbackFormatException.class).extracting(e -> ((FeedbackFormatException) e).field()).isEqualTo("Feedback-Type");
        String badStatus = new String(fixture("dsn-hard-5.1.1-postfix.eml"), java.nio.charset.StandardCharsets.UTF_8)
                .replace("Status: 5.1.1", "Status: bad");
        assertThatThrownBy(() -> parser.parseDsn(badStatus.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .isInstanceOf(FeedbackFormatException.class).extracting(e -> ((FeedbackFormatException) e).field()).isEqualTo("Status");
    }

    @Test
    void aRecipientGroupIsOneThatNamesARecipientWhereverItSits() {
        byte[] noPerMessageGroup = fixtureWith("dsn-two-recipients-one-delivered.eml",
                "Reporting-MTA: dns;exchange.example.com\nReceived-From-MTA: dns;mailserver.acme.example\nArrival-Date: Wed, 25 Nov 2026 12:00:00 +0000\n\n", "");
        Bounce bounce = (Bounce) parser.parseDsn(noPerMessageGroup);
        assertThat(bounce.recipients()).extracting(FeedbackReport.RecipientStatus::address)
                .containsExactly("fay@exchange.example.com", "gus@exchange.example.com");
        assertThat(bounce.reportingMta()).isNull();
        byte[] groupWithoutRecipient = fixtureWith("dsn-hard-5.1.1-postfix.eml", "Final-Recipient: rfc822; dee@example.org\n"
                + "Original-Recipient: rfc822;dee@example.org\n", "");
        assertThatThrownBy(() -> parser.parseDsn(groupWithoutRecipient)).isInstanceOf(FeedbackFormatException.class)
                .hasMessageContaining("recipient group 1 needs Final-Recipient");
    }

    @Test
    void anActionIsReadWithoutItsCommentOrCase() {
        Bounce bounce = (Bounce) parser.parseDsn(fixtureWith("dsn-hard-5.1.1-postfix.eml", "Action: failed", "Action: FAILED (permanent)"));
        assertThat(bounce.recipients()).singleElement().satisfies(recipient -> {
            assertThat(recipient.action()).isEqualTo("failed");
            assertThat(recipient.hard()).isTrue();
        });
    }

    @Test
    void anActionOutsideRfc3464IsRefusedNamingTheRecipientGroup() {
        byte[] bounced = fixtureWith("dsn-two-recipients-one-delivered.eml", "Action: delivered", "Action: bounced");
        assertThatThrownBy(() -> parser.parseDsn(bounced)).isInstanceOf(FeedbackFormatException.class)
                .hasMessageContaining("'bounced'").hasMessageContaining("recipient group 2 (gus@exchange.example.com)")
                .extracting(e -> ((FeedbackFormatException) e).field()).isEqualTo("Action");
        byte[] onlyComment = fixtureWith("dsn-hard-5.1.1-postfix.eml", "Action: failed", "Action: (permanent)");
        assertThatThrownBy(() -> parser.parseDsn(onlyComment)).isInstanceOf(FeedbackFormatException.class)
                .extracting(e -> ((FeedbackFormatException) e).field()).isEqualTo("Action");
    }

    @Test
    void internationalisedRecipientsAreReadWithRfc6533sEscapesDecoded() {
        Bounce bounce = (Bounce) parser.parseDsn(fixture("dsn-global-utf8-recipients.eml"));
        assertThat(bounce.recipients()).extracting(FeedbackReport.RecipientStatus::address)
                .containsExactly("ana@bücher.example", "bo@bücher.example");
        assertThat(bounce.recipients()).allMatch(FeedbackReport.RecipientStatus::hard);
        assertThat(FeedbackParser.address("utf-8; Ana@B\\x{DC}CHER.example")).isEqualTo("ana@bücher.example");
        assertThat(FeedbackParser.address("rfc822; ana@b\\x{FC}cher.example")).as("escapes only in utf-8 addresses")
                .isEqualTo("ana@b\\x{fc}cher.example");
        assertThat(FeedbackParser.address("utf-8; ana@b\\x{D800}cher.example")).as("a surrogate is no character").isNull();
        assertThat(FeedbackParser.address("utf-8; ana\\x{20}x@example.com")).isNull();
        Complaint complaint = (Complaint) parser.parseArf(fixtureWith("arf-rfc5965-abuse.eml", "Original-Rcpt-To: <ana@example.com>",
                "Original-Rcpt-To: <ana@bücher.example>"));
        assertThat(complaint.recipients()).containsExactly("ana@bücher.example");
    }

    @Test
    void addressesAreReadFromEveryFormTheFieldsUse() {
        assertThat(FeedbackParser.address("rfc822; Ana@Example.com")).isEqualTo("ana@example.com");
        assertThat(FeedbackParser.address("Ana <ana@example.com>")).isEqualTo("ana@example.com");
        assertThat(FeedbackParser.address("<ana@example.com>")).isEqualTo("ana@example.com");
        assertThat(FeedbackParser.address("redacted")).isNull();
        assertThat(FeedbackParser.address("rfc822; ")).isNull();
        assertThat(FeedbackParser.address(null)).isNull();
    }
}
