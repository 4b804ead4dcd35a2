package org.consentry.delivery.smpp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Concatenation headers written and read, and a handset's long text joined again. */
class UserDataTest {

    @Test
    void aPartStartsWithItsConcatenationHeader() {
        assertThat(new Concatenation(0xA7, 3, 2).prefix(new byte[] {0x41})).containsExactly(0x05, 0x00, 0x03, 0xA7, 0x03, 0x02, 0x41);
        assertThatThrownBy(() -> new Concatenation(1, 2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Concatenation(1, 256, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void an8BitOr16BitReferenceIsReadAndOtherElementsAreSkipped() {
        assertThat(UserData.read(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, 0x01, 0x41}, true))
                .isEqualTo(new UserData(new Concatenation(0x2A, 2, 1), 6));
        byte[] withPortsAnd16Bit = {0x0C, 0x05, 0x04, 0x0B, (byte) 0x84, 0x23, (byte) 0xF0, 0x08, 0x04, 0x01, 0x02, 0x03, 0x03, 0x41};
        assertThat(UserData.read(withPortsAnd16Bit, true)).isEqualTo(new UserData(new Concatenation(0x0102, 3, 3), 13));
    }

    @Test
    void aMessageWithoutUdhiOrWithABrokenHeaderIsAllText() {
        assertThat(UserData.read(new byte[] {0x05, 0x00}, false)).isEqualTo(new UserData(null, 0));
        assertThat(UserData.read(new byte[] {0x09, 0x00, 0x03}, true)).isEqualTo(new UserData(null, 0));
        assertThat(UserData.read(new byte[0], true)).isEqualTo(new UserData(null, 0));
        assertThat(UserData.read(new byte[] {0x05, 0x00, 0x03, 0x2A, 0x02, 0x03, 0x41}, true).concatenation()).isNull(); // part 3 of 2
    }

    @Test
    void aHandsetsPartsAreJoinedInOrderOnceAllCame() {
        Reassembly reassembly = new Reassembly(10);
        assertThat(reassembly.add("+13055550100", "55555", new Concatenation(7, 3, 3), "c")).isEmpty();
        assertThat(reassembly.add("+13055550100", "55555", new Concatenation(7, 3, 1), "a")).isEmpty();
        assertThat(reassembly.add("+13055550111", "55555", new Concatenation(7, 3, 2), "other handset")).isEmpty();
        assertThat(reassembly.add("+13055550100", "55555", new Concatenation(7, 3, 2), "b")).contains("abc");
        assertThat(reassembly.add("+13055550100", "55555", new Concatenation(7, 3, 3), "c")).isEmpty(); // a new text, the same reference
    }
}
