package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.delivery.Reports.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Delivery receipts in SMPP 3.4 Appendix B's format, and what each final state means. */
class ReceiptTest {

    private static final String DELIVERED = "id:0A1B2C3D sub:001 dlvrd:001 submit date:2603141600 done date:2603141601 stat:DELIVRD"
            + " err:000 text:Your order shipped";

    @Test
    void aReceiptNamesItsMessageItsStateAndItsError() {
        Receipt receipt = Receipt.read(DELIVERED, null).orElseThrow();
        assertThat(receipt).isEqualTo(new Receipt("0A1B2C3D", "DELIVRD", "000"));
        assertThat(receipt.detail()).isEqualTo("stat:DELIVRD err:000");
    }

    @Test
    void theReceiptedMessageIdTlvIsPreferredToTheText() {
        assertThat(Receipt.read(DELIVERED, "170072957\0").orElseThrow().messageId()).isEqualTo("170072957");
        assertThat(Receipt.read(DELIVERED, " ").orElseThrow().messageId()).isEqualTo("0A1B2C3D");
    }

    @Test
    void aTextWithoutAnIdOrAStateIsNoReceipt() {
        assertThat(Receipt.read("Hello there", null)).isEmpty();
        assertThat(Receipt.read("id:42 sub:001", null)).isEmpty();
        assertThat(Receipt.read("", null)).isEmpty();
    }

    @Test
    void lowerCaseFieldsAndAMissingErrorAreRead() {
        assertThat(Receipt.read("id:42 stat:undeliv", null).orElseThrow()).isEqualTo(new Receipt("42", "UNDELIV", ""));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({"DELIVRD, DELIVERED", "UNDELIV, FAILED", "EXPIRED, FAILED", "REJECTD, FAILED", "DELETED, FAILED",
            "ENROUTE, PENDING", "ACCEPTD, PENDING", "UNKNOWN, PENDING", "SOMETHING, PENDING"})
    void eachFinalStateHasItsOutcome(String stat, Outcome outcome) {
        assertThat(new Receipt("42", stat, "000").outcome()).isEqualTo(outcome);
    }
}
