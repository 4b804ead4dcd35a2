package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.consentry.delivery.Reports.Outcome;
import org.junit.jupiter.api.Test;

/** A long text's receipts, told as one under its first part's id. */
class PartLedgerTest {

    private final PartLedger ledger = new PartLedger(100);

    @Test
    void aSingleMessagesReceiptIsToldAsItIs() {
        assertThat(ledger.reportAs("m1", Outcome.DELIVERED)).contains("m1");
        assertThat(ledger.reportAs("m2", Outcome.PENDING)).contains("m2");
    }

    @Test
    void theTextIsDeliveredWhenItsFirstPartIsAndLaterPartsAddNothing() {
        ledger.remember("p1", List.of("p2", "p3"));
        assertThat(ledger.reportAs("p2", Outcome.DELIVERED)).isEmpty();
        assertThat(ledger.reportAs("p3", Outcome.PENDING)).isEmpty();
        assertThat(ledger.reportAs("p1", Outcome.DELIVERED)).contains("p1");
    }

    @Test
    void anyFailedPartFailsTheTextOnceAndForGood() {
        ledger.remember("p1", List.of("p2", "p3"));
        assertThat(ledger.reportAs("p3", Outcome.FAILED)).contains("p1");
        assertThat(ledger.reportAs("p2", Outcome.FAILED)).isEmpty();
        assertThat(ledger.reportAs("p1", Outcome.DELIVERED)).isEmpty();
    }

    @Test
    void aFirstPartThatFailedIsNotToldAgainForALaterPart() {
        ledger.remember("p1", List.of("p2"));
        assertThat(ledger.reportAs("p1", Outcome.FAILED)).contains("p1");
        assertThat(ledger.reportAs("p2", Outcome.FAILED)).isEmpty();
    }

    @Test
    void theOldestPartsAreForgottenFirst() {
        PartLedger small = new PartLedger(2);
        small.remember("a1", List.of("a2"));
        small.remember("b1", List.of("b2", "b3"));
        assertThat(small.reportAs("a2", Outcome.FAILED)).contains("a2"); // forgotten: told under its own id
        assertThat(small.reportAs("b3", Outcome.FAILED)).contains("b1");
    }
}
