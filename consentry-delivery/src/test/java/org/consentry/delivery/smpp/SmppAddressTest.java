package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.jsmpp.bean.NumberingPlanIndicator;
import org.jsmpp.bean.TypeOfNumber;
import org.junit.jupiter.api.Test;

/** Addresses on the wire: who a text goes to, who it comes from, and a handset's number read back. */
class SmppAddressTest {

    @Test
    void aRecipientIsAnInternationalIsdnNumberWithoutItsPlus() {
        assertThat(SmppAddress.recipient("+13055550100"))
                .isEqualTo(new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "13055550100"));
        assertThat(SmppAddress.recipient("447700900123").address()).isEqualTo("447700900123");
    }

    @Test
    void aRecipientThatIsNotAnE164NumberIsRefused() {
        assertThatThrownBy(() -> SmppAddress.recipient("12345abc")).hasMessageContaining("not an E.164 number");
        assertThatThrownBy(() -> SmppAddress.recipient("+0305555010")).hasMessageContaining("not an E.164 number");
        assertThatThrownBy(() -> SmppAddress.recipient("+1234567890123456")).hasMessageContaining("not an E.164 number"); // 16 digits
        assertThatThrownBy(() -> SmppAddress.recipient("55555")).hasMessageContaining("not an E.164 number");
        assertThatThrownBy(() -> SmppAddress.recipient(null)).hasMessageContaining("not an E.164 number");
    }

    @Test
    void aSenderIsANumberAShortCodeOrAName() {
        assertThat(SmppAddress.sender("+13055550199"))
                .isEqualTo(new SmppAddress(TypeOfNumber.INTERNATIONAL, NumberingPlanIndicator.ISDN, "13055550199"));
        assertThat(SmppAddress.sender("55555")).isEqualTo(new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.ISDN, "55555"));
        assertThat(SmppAddress.sender("Acme Corp")).isEqualTo(new SmppAddress(TypeOfNumber.ALPHANUMERIC, NumberingPlanIndicator.UNKNOWN, "Acme Corp"));
        assertThat(SmppAddress.sender(null)).isEqualTo(new SmppAddress(TypeOfNumber.UNKNOWN, NumberingPlanIndicator.UNKNOWN, ""));
    }

    @Test
    void aSenderSmppCannotCarryIsRefused() {
        assertThatThrownBy(() -> SmppAddress.sender("Acme Corporation")).hasMessageContaining("not a sender"); // 16 characters
        assertThatThrownBy(() -> SmppAddress.sender("12")).hasMessageContaining("not a sender");
        assertThatThrownBy(() -> SmppAddress.sender("news@acme")).hasMessageContaining("not a sender");
    }

    @Test
    void aNumberFromAHandsetIsReadAsE164AndAShortCodeAsItIs() {
        assertThat(SmppAddress.phoneNumber(TypeOfNumber.INTERNATIONAL.value(), "13055550100")).isEqualTo("+13055550100");
        assertThat(SmppAddress.phoneNumber(TypeOfNumber.UNKNOWN.value(), "+13055550100")).isEqualTo("+13055550100");
        assertThat(SmppAddress.phoneNumber(TypeOfNumber.UNKNOWN.value(), "13055550100")).isEqualTo("+13055550100");
        assertThat(SmppAddress.phoneNumber(TypeOfNumber.UNKNOWN.value(), "55555")).isEqualTo("55555");
        assertThat(SmppAddress.phoneNumber(TypeOfNumber.ALPHANUMERIC.value(), "Acme")).isEqualTo("Acme");
    }
}
