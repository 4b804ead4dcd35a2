package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.consentry.delivery.Delivery;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** An SMSC's refusal: for now (tried again) or for good, named with its hex code. */
class CommandStatusTest {

    @ParameterizedTest(name = "{0} is {2}")
    @CsvSource({
            "throttled,               0x58, Unavailable, ESME_RTHROTTLED (0x58)",
            "message queue full,      0x14, Unavailable, ESME_RMSGQFUL (0x14)",
            "system error,            0x08, Unavailable, ESME_RSYSERR (0x08)",
            "not bound,               0x04, Unavailable, ESME_RINVBNDSTS (0x04)",
            "temporary app error,     0x64, Unavailable, ESME_RX_T_APPN (0x64)",
            "invalid destination,     0x0B, Rejected,    ESME_RINVDSTADR (0x0B)",
            "invalid source,          0x0A, Rejected,    ESME_RINVSRCADR (0x0A)",
            "invalid message length,  0x01, Rejected,    ESME_RINVMSGLEN (0x01)",
            "a status without a name, 0x400, Rejected,   command_status (0x400)"})
    void aRefusalIsForNowOrForGood(String description, String status, String kind, String named) {
        Delivery delivery = CommandStatus.refusal(Integer.decode(status), "the message");
        assertThat(delivery.getClass().getSimpleName()).isEqualTo(kind);
        assertThat(delivery.toString()).contains("the SMSC refused the message: " + named);
    }
}
