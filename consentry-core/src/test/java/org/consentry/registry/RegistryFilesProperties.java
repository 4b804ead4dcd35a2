package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The registry file reader takes any bytes: every line is a number or a counted bad line, never an exception. */
class RegistryFilesProperties {

    @Property
    void anyBytesAreNumbersOrBadLines(@ForAll byte[] bytes) throws IOException {
        RegistryFilesTest.Recorder recorder = new RegistryFilesTest.Recorder();
        RegistryFiles reader = new RegistryFiles(RegistryFiles.Kind.CHANGES, recorder);
        reader.read(new ByteArrayInputStream(bytes), "f");
        assertThat(recorder.added.size() + recorder.removed.size()).isEqualTo(reader.numbers());
        assertThat(recorder.bad).hasSize((int) reader.badLines());
    }

    @Property
    void validLinesAreReadBackExactly(@ForAll("numbers") List<Long> numbers) throws IOException {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < numbers.size(); i++) {
            long number = numbers.get(i);
            text.append(i % 2 == 0 ? (number / 10_000_000L) + "," + String.format("%07d", number % 10_000_000L) : Long.toString(number))
                    .append(i % 3 == 0 ? "\r\n" : "\n");
        }
        RegistryFilesTest.Recorder recorder = new RegistryFilesTest.Recorder();
        new RegistryFiles(RegistryFiles.Kind.FULL, recorder).read(new ByteArrayInputStream(text.toString().getBytes(StandardCharsets.US_ASCII)), "f");
        assertThat(recorder.bad).isEmpty();
        assertThat(recorder.added).containsExactlyElementsOf(numbers.stream().map(n -> (n / 10_000_000L) + "-" + (n % 10_000_000L)).toList());
    }

    @Provide
    Arbitrary<List<Long>> numbers() {
        Arbitrary<Long> number = Arbitraries.integers().between(200, 999)
                .flatMap(areaCode -> Arbitraries.integers().between(2_000_000, 9_999_999).map(local -> areaCode * 10_000_000L + local));
        return number.list().ofMaxSize(50);
    }
}
