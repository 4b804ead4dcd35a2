package org.consentry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class WordFilterTest {

    /** A filter may say yes to a word never added, never no to one that was: the map behind it is asked on yes. */
    @Property(tries = 500)
    void everyWordAddedIsHeld(@ForAll List<String> words) {
        WordFilter filter = new WordFilter(1 << 4);
        words.forEach(filter::add);
        assertThat(words).allMatch(filter::mayHold);
    }

    @Test
    void mostWordsNeverAddedArePassedOver() {
        WordFilter filter = new WordFilter(1 << 8);
        List.of("casino", "cannabis", "viagra", "verify", "send").forEach(filter::add);
        long heldByMistake = List.of("your", "code", "is", "order", "shipped", "reply", "stop", "to", "opt", "out", "today",
                "sale", "off", "bench", "arrives", "tuesday").stream().filter(filter::mayHold).count();
        assertThat(heldByMistake).isLessThanOrEqualTo(1);
        assertThat(filter.mayHold("casino")).isTrue();
    }

    @Test
    void itsSizeIsAPowerOfTwo() {
        assertThatThrownBy(() -> new WordFilter(1000)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1000");
    }
}
