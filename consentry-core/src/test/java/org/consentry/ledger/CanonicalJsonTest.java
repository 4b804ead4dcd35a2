package org.consentry.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The subset of RFC 8785 (JCS) that events use. */
class CanonicalJsonTest {

    @Test
    void sortsKeysDropsNullsAndLeavesNoWhitespace() {
        Map<String, Object> value = new HashMap<>();
        value.put("b", 2);
        value.put("a", List.of("x", true, 10L));
        value.put("c", null);
        value.put("A", Map.of("z", false));
        assertThat(CanonicalJson.write(value)).isEqualTo("{\"A\":{\"z\":false},\"a\":[\"x\",true,10],\"b\":2}");
    }

    @Test
    void escapesOnlyWhatJcsEscapes() {
        assertThat(CanonicalJson.write("a\"b\\c\n\t\u0001é€😀/"))
                .isEqualTo("\"a\\\"b\\\\c\\n\\t\\u0001é€😀/\"");
    }

    @Test
    void sortsKeysByUtf16CodeUnits() {
        assertThat(CanonicalJson.write(Map.of("é", 1, "z", 2, "Z", 3))).isEqualTo("{\"Z\":3,\"z\":2,\"é\":1}");
    }

    @Test
    void refusesFloatingPoint() {
        assertThatThrownBy(() -> CanonicalJson.write(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 500)
    void isDeterministicWhateverTheInsertionOrder(@ForAll Map<String, String> map) {
        Map<String, Object> reversed = new java.util.LinkedHashMap<>();
        List<String> keys = new java.util.ArrayList<>(map.keySet());
        java.util.Collections.reverse(keys);
        for (String key : keys) {
            reversed.put(key, map.get(key));
        }
        assertThat(CanonicalJson.write(reversed)).isEqualTo(CanonicalJson.write(new HashMap<>(map)));
    }
}
