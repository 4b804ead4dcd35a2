package org.consentry.store.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.consentry.consent.Consent;
import org.consentry.consent.ConsentStatus;
import org.consentry.consent.OptInForm;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.LedgerEntry;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.store.RequestRefused;
import org.consentry.store.testing.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Forms and their versions live in the ledger; a submission is one append of pending consents with the words shown. */
class OptInFormsTest {

    @TempDir
    Path directory;

    private StoreFixture fixture;
    private String acme;

    @BeforeEach
    void open() {
        fixture = new StoreFixture(directory);
        acme = fixture.tenantWithSender("Acme");
    }

    @AfterEach
    void close() {
        fixture.close();
    }

    private static OptInForm draft(String frequency) {
        return new OptInForm("draft", 1, "Club", "Join", List.of(Channel.SMS, Channel.EMAIL), Purpose.MARKETING, frequency, null,
                "https://acme.example/terms", "https://acme.example/privacy");
    }

    @Test
    void everyVersionSurvivesARestart() {
        OptInForms.Published first = fixture.store().forms().publish(acme, draft("4/month"));
        fixture.store().forms().revise(acme, first.form().id(), draft("8/month"));
        OptInForms forms = fixture.reopen().forms();
        assertThat(forms.latest(first.form().id()).orElseThrow().form().version()).isEqualTo(2);
        assertThat(forms.version(first.form().id(), 1).orElseThrow().form().frequency()).isEqualTo("4/month");
        assertThat(forms.version(first.form().id(), 3)).isEmpty();
        assertThat(forms.of(acme)).extracting(p -> p.form().frequency()).containsExactly("8/month");
    }

    @Test
    void anotherTenantCannotReviseAForm() {
        OptInForms.Published form = fixture.store().forms().publish(acme, draft("4/month"));
        String other = fixture.tenant("Globex").profile().id();
        assertThatThrownBy(() -> fixture.store().forms().revise(other, form.form().id(), draft("1/day")))
                .isInstanceOf(RequestRefused.class);
        assertThat(fixture.store().forms().of(other)).isEmpty();
    }

    @Test
    void aSubmissionIsOneAppendOfPendingConsentsWithTheirWords() {
        OptInForms.Published form = fixture.store().forms().publish(acme, draft("4/month"));
        long[] before = {0};
        fixture.store().ledger().replay(entry -> before[0] = entry.seq());
        List<Consent> consents = fixture.store().forms().submit(form, "Acme", new OptInForms.Submission("+13055550100", "ana@example.com",
                List.of(Channel.SMS, Channel.EMAIL), StoreFixture.START, "203.0.113.7", "Mozilla/5.0", "https://c.example/optin/x"));
        assertThat(consents).extracting(Consent::status).containsExactly(ConsentStatus.PENDING, ConsentStatus.PENDING);
        List<LedgerEntry> written = new java.util.ArrayList<>();
        fixture.store().ledger().replay(entry -> {
            if (entry.seq() > before[0]) {
                written.add(entry);
            }
        });
        assertThat(written).hasSize(2);
        ConsentGranted sms = (ConsentGranted) written.get(0).event();
        assertThat(sms.evidence().disclosureText()).isEqualTo(form.form().disclosure(Channel.SMS, "Acme"));
        assertThat(sms.evidence().disclosureSha256()).isEqualTo(OptInForms.sha256(sms.evidence().disclosureText())).hasSize(64);
        assertThat(sms.evidence().form().id()).isEqualTo(form.form().id());
        assertThat(((ConsentGranted) written.get(1).event()).address()).isEqualTo("ana@example.com");
    }

    /** Two revisions at once (a double click, a retry) are two versions, each found by its own number. */
    @Test
    void revisionsMadeAtOnceGetVersionsOfTheirOwn() throws Exception {
        OptInForms.Published first = fixture.store().forms().publish(acme, draft("1/month"));
        String id = first.form().id();
        List<OptInForms.Published> revised = org.consentry.store.testing.AllAtOnce.run(12,
                caller -> () -> fixture.store().forms().revise(acme, id, draft((caller + 2) + "/month")));
        assertThat(revised).extracting(p -> p.form().version()).doesNotHaveDuplicates();
        assertThat(fixture.store().forms().latest(id).orElseThrow().form().version()).isEqualTo(13);
        for (OptInForms.Published one : revised) {
            assertThat(fixture.store().forms().version(id, one.form().version())).as("version %s", one.form().version()).contains(one);
        }
        for (int version = 1; version <= 13; version++) {
            assertThat(fixture.store().forms().version(id, version).orElseThrow().form().version()).isEqualTo(version);
        }
    }

    /** A ledger holding two versions of one number (written by the race above) serves the later, the one its page shows. */
    @Test
    void ofTwoVersionsWithOneNumberTheLaterIsTheOneShown() {
        String id = fixture.store().forms().publish(acme, draft("1/month")).form().id();
        for (String frequency : List.of("2/month", "3/month")) {
            OptInForm two = new OptInForm(id, 2, "Club", "Join", List.of(Channel.SMS), Purpose.MARKETING, frequency, null,
                    "https://acme.example/terms", "https://acme.example/privacy");
            fixture.store().ledger().append(acme, List.of(new org.consentry.ledger.FormPublished(two)));
        }
        OptInForms.Published latest = fixture.store().forms().latest(id).orElseThrow();
        assertThat(fixture.store().forms().version(id, 2)).contains(latest);
        assertThat(latest.form().frequency()).isEqualTo("3/month");
        assertThat(fixture.store().forms().revise(acme, id, draft("4/month")).form().version()).isEqualTo(3);
        assertThat(fixture.store().forms().version(id, 3).orElseThrow().form().frequency()).isEqualTo("4/month");
    }

    /** The email box's words say nothing of how often texts come, so the email consent claims no agreed frequency. */
    @Test
    void anEmailConsentKeepsNoFrequencyItsWordsDidNotState() {
        OptInForms.Published form = fixture.store().forms().publish(acme, draft("4/month"));
        List<Consent> consents = fixture.store().forms().submit(form, "Acme", new OptInForms.Submission("+13055550100", "ana@example.com",
                List.of(Channel.SMS, Channel.EMAIL), StoreFixture.START, "203.0.113.7", "Mozilla/5.0", "https://c.example/optin/x"));
        assertThat(form.form().disclosure(Channel.EMAIL, "Acme")).doesNotContain("4/month");
        assertThat(consents.get(0).frequency()).isNotNull();
        assertThat(consents.get(1).frequency()).as("email").isNull();
        ConsentGranted email = (ConsentGranted) fixture.store().consents().history(acme, "ana@example.com").get(0).event();
        assertThat(email.evidence().frequency()).isNull();
    }
}
