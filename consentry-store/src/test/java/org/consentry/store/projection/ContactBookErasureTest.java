package org.consentry.store.projection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.consentry.consent.ConsentMethod;
import org.consentry.consent.ConsentStatus;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.ledger.ConsentGranted;
import org.consentry.ledger.LedgerEntry;
import org.consentry.ledger.LedgerEvent;
import org.consentry.ledger.SubjectErased;
import org.consentry.policy.Channel;
import org.consentry.policy.Purpose;
import org.consentry.store.ledger.SubjectRefs;
import org.junit.jupiter.api.Test;

/** What the contact book keeps of an erased person: that they were, whatever the ledger still holds about them. */
class ContactBookErasureTest {

    private static final Instant AT = Instant.parse("2026-03-14T16:00:00Z");
    private final SubjectRefs refs = new SubjectRefs(new byte[32]);
    private final ContactBook book = new ContactBook(refs);
    private long seq;

    private void apply(LedgerEvent event) {
        seq++;
        book.apply(new LedgerEntry(seq, "ten_a", seq, AT.plusSeconds(seq), event, "0".repeat(64), "1".repeat(64)));
    }

    private static ConsentGranted consent(String address) {
        return new ConsentGranted("con_" + address, address, Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM, ConsentStatus.ACTIVE,
                AT, true, ConsentEvidence.NONE);
    }

    @Test
    void anErasedPersonWhoseOlderEventsWereKeptInClearIsStillErasedAfterAReplay() {
        apply(consent("+13055550100")); // written in clear by a ledger older than sealing: replay rebuilds it
        apply(consent("+13055550101"));
        apply(new SubjectErased(refs.of("ten_a", "+13055550100"), null)); // a replay knows only the salted hash
        assertThat(book.stateOf("ten_a", "+13055550100").erasedAt()).isEqualTo(AT.plusSeconds(3));
        assertThat(book.stateOf("ten_a", "+13055550101").erasedAt()).isNull();
        assertThat(book.stateOf("ten_b", "+13055550100").erasedAt()).as("another tenant's record is its own").isNull();
        assertGroupAnswersAsOneByOne("ten_a", "+13055550100", "+13055550101", null, "+13055550199", "ana@example.com");
        assertGroupAnswersAsOneByOne("ten_b", "+13055550100", null);
    }

    /** {@link ContactBook#statesOf}, for a scrub's group of rows, gives each address the state {@link ContactBook#stateOf} does. */
    private void assertGroupAnswersAsOneByOne(String tenant, String... addresses) {
        org.consentry.consent.ContactState[] states = new org.consentry.consent.ContactState[addresses.length];
        book.statesOf(tenant, addresses, addresses.length, states);
        for (int i = 0; i < addresses.length; i++) {
            assertThat(states[i]).as(String.valueOf(addresses[i]))
                    .isEqualTo(addresses[i] == null ? org.consentry.consent.ContactState.EMPTY : book.stateOf(tenant, addresses[i]));
        }
    }

    @Test
    void anErasedPersonWithNoRecordLeftIsKnownByTheirHashAndStaysErasedWhenTheyComeBack() {
        apply(new SubjectErased(refs.of("ten_a", "+13055550100"), null));
        assertThat(book.stateOf("ten_a", "+13055550100").erasedAt()).isNotNull();
        apply(consent("+13055550100"));
        assertThat(book.stateOf("ten_a", "+13055550100").consents()).hasSize(1);
        assertThat(book.stateOf("ten_a", "+13055550100").erasedAt()).as("never messaged again").isNotNull();
        assertGroupAnswersAsOneByOne("ten_a", "+13055550100", "+13055550101");
    }
}
