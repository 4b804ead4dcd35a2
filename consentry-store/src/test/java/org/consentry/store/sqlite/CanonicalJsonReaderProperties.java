package org.consentry.store.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.consentry.ledger.CanonicalJson;

/**
 * What {@link CanonicalJsonReader} reads, it reads as Jackson does (the same maps, lists, Integers and Longs); what it
 * does not read (it answers null) is left to Jackson. Over the ledger's canonical JSON, and over text that is not.
 */
class CanonicalJsonReaderProperties {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Property(tries = 600)
    void readsTheLedgersCanonicalJsonAsJacksonDoes(@ForAll("objects") Map<String, Object> fields) throws Exception {
        String text = CanonicalJson.write(fields);
        Map<String, Object> read = CanonicalJsonReader.read(text);
        assertThat(read).as(text).isNotNull().isEqualTo(jackson(text));
        assertThat(types(read)).isEqualTo(types(jackson(text)));
    }

    @Property(tries = 1500)
    void readsNothingJacksonWouldReadOtherwise(@ForAll("jsonLike") String text) {
        Map<String, Object> read = CanonicalJsonReader.read(text);
        if (read == null) {
            return; // left to Jackson
        }
        Map<String, Object> expected;
        try {
            expected = jackson(text);
        } catch (Exception e) {
            throw new AssertionError("read " + text + " that Jackson refuses: " + e.getMessage());
        }
        assertThat(read).as(text).isEqualTo(expected);
        assertThat(types(read)).as(text).isEqualTo(types(expected));
    }

    @Example
    void leavesToJacksonWhatIsNotCanonical() {
        for (String text : new String[] {"{\"a\": 1}", "{\"a\":1.5}", "{\"a\":01}", "{\"a\":-0}", "{\"a\":1e3}", "{\"a\":99999999999999999999}",
                "{\"a\":\"\\x\"}", "{\"a\":\"\u0001\"}", "{\"a\":1} ", "{\"a\":1", "{\"a\":tru}", "[1]", "", "{\"a\":\"\\u00e\"}",
                "{\"a\":\"\\u\uff10\uff10\uff14\uff11\"}", "{\"a\":-9223372036854775809}"}) {
            assertThat(CanonicalJsonReader.read(text)).as(text).isNull();
        }
        assertThat(CanonicalJsonReader.read("{\"a\":\"\\u0041\\/\\n\",\"a\":2147483648,\"b\":-2147483648,\"c\":[{},[]]}"))
                .containsEntry("a", 2_147_483_648L).containsEntry("b", Integer.MIN_VALUE).containsEntry("c", List.of(Map.of(), List.of()));
        assertThat(CanonicalJsonReader.read("{\"min\":-9223372036854775808,\"max\":9223372036854775807}"))
                .containsEntry("min", Long.MIN_VALUE).containsEntry("max", Long.MAX_VALUE);
    }

    @Example
    void leavesToJacksonANameWithAnEscapedSurrogateJacksonRefuses() {
        for (String text : new String[] {"{\"\\uD83D\":1}", "{\"\\uDE00\":1}", "{\"a\\uDE00\":1}", "{\"\\uD83Dx\":1}",
                "{\"\\uD83D\\u0041\":1}", "{\"a\":{\"\\uD83D\\uDE00\\uDE00\":1}}"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jackson(text)).as(text).isNotNull();
            assertThat(CanonicalJsonReader.read(text)).as(text).isNull();
        }
    }

    @Example
    void leavesToJacksonANameOrStringPastJacksonsLimits() {
        for (String text : new String[] {"{\"" + "k".repeat(50_001) + "\":1}", "{\"" + "k".repeat(50_000) + "\\n\":1}",
                "{\"a\":\"" + "x".repeat(20_000_001) + "\"}", "{\"a\":[\"" + "x".repeat(20_000_000) + "\\n\"]}"}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> jackson(text)).isNotNull();
            assertThat(CanonicalJsonReader.read(text)).isNull();
        }
    }

    @Example
    void readsManyEscapedStringsInTimeLinearInTheText() {
        StringBuilder text = new StringBuilder("{\"lines\":[");
        for (int i = 0; i < 150_000; i++) {
            text.append(i == 0 ? "" : ",").append("\"a\\nb").append(i).append('"');
        }
        String json = text.append("]}").toString();
        long started = System.nanoTime();
        assertThat(CanonicalJsonReader.read(json)).isNotNull();
        assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to read %d chars", json.length()).isLessThan(3_000);
    }

    private static Map<String, Object> jackson(String text) throws Exception {
        return JSON.readValue(text, new TypeReference<Map<String, Object>>() {
        });
    }

    /** The value's shape with the Java type of every leaf, so that an Integer read as a Long shows. */
    private static Object types(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> shape = new LinkedHashMap<>();
            map.forEach((k, v) -> shape.put(k, types(v)));
            return shape;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(CanonicalJsonReaderProperties::types).toList();
        }
        return value == null ? "null" : value.getClass().getSimpleName() + ":" + value;
    }

    @Provide
    Arbitrary<Map<String, Object>> objects() {
        return Arbitraries.maps(keys(), Arbitraries.lazyOf(this::leaf, () -> composite(leaf()), () -> composite(composite(leaf()))))
                .ofMaxSize(6);
    }

    private Arbitrary<String> keys() {
        return Arbitraries.oneOf(Arbitraries.of("address", "at", "captured_at", "evidence", "id", "channel"),
                Arbitraries.strings().ofMaxLength(8));
    }

    private Arbitrary<Object> leaf() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(20).map(s -> (Object) s),
                Arbitraries.strings().withChars("\"\\/\b\f\n\r\t\u0000\u001f\u00e9\u2028\ud83d\ude00 aZ").ofMaxLength(10).map(s -> (Object) s),
                Arbitraries.longs().map(n -> (Object) n),
                Arbitraries.integers().between(-1000, 1000).map(n -> (Object) (long) n),
                Arbitraries.of(Boolean.TRUE, Boolean.FALSE).map(b -> (Object) b));
    }

    private Arbitrary<Object> composite(Arbitrary<Object> inner) {
        return Arbitraries.oneOf(inner.list().ofMaxSize(4).map(l -> (Object) l),
                Arbitraries.maps(keys(), inner).ofMaxSize(4).map(m -> (Object) m));
    }

    @Provide
    Arbitrary<String> jsonLike() {
        Arbitrary<String> canonical = objects().map(CanonicalJson::write);
        Arbitrary<String> soup = Arbitraries.strings().withChars("{}[]\":,\\/-+.eE0123456789abcfnrtu \u0001\u00e9").ofMaxLength(40)
                .map(s -> "{" + s);
        // canonical text with one character changed, dropped or added somewhere
        Arbitrary<String> damaged = net.jqwik.api.Combinators.combine(canonical, Arbitraries.integers().between(0, 1000),
                Arbitraries.of('{', '}', '[', ']', '"', ':', ',', '\\', '-', '0', '1', '.', 'e', ' ', 'u', 'n', '\u0001', 'x'),
                Arbitraries.integers().between(0, 2)).as((text, position, c, how) -> {
                    int at = text.isEmpty() ? 0 : position % text.length();
                    return switch (how) {
                        case 0 -> text.substring(0, at) + c + text.substring(Math.min(text.length(), at + 1));
                        case 1 -> text.substring(0, at) + text.substring(Math.min(text.length(), at + 1));
                        default -> text.substring(0, at) + c + text.substring(at);
                    };
                });
        return Arbitraries.oneOf(canonical, soup, damaged);
    }
}
