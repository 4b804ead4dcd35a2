package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.consentry.testing.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryFilesTest {

    @TempDir
    Path folder;

    /** Records what the reader hands over. */
    static final class Recorder implements RegistryFiles.Sink {
        final List<String> added = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<String> bad = new ArrayList<>();

        @Override public void add(int areaCode, int local) {
            added.add(areaCode + "-" + local);
        }

        @Override public void remove(int areaCode, int local) {
            removed.add(areaCode + "-" + local);
        }

        @Override public void bad(String source, long line, String why) {
            bad.add(source + ":" + line);
        }
    }

    private static Recorder read(RegistryFiles.Kind kind, String text) throws IOException {
        Recorder recorder = new Recorder();
        new RegistryFiles(kind, recorder).read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "f");
        return recorder;
    }

    @Test
    void aFullListIsAreaCodeCommaNumberOrTenDigitsWithLfOrCrlf() throws IOException {
        Recorder read = read(RegistryFiles.Kind.FULL, "305,5550100\r\n2125550101\n\n415,2000000");
        assertThat(read.added).containsExactly("305-5550100", "212-5550101", "415-2000000");
        assertThat(read.bad).isEmpty();
    }

    @Test
    void everyBadLineIsCountedWithItsLineNumberAndNothingOfItIsTaken() throws IOException {
        Recorder read = read(RegistryFiles.Kind.FULL, String.join("\n",
                "305,5550100",
                "AreaCode,PhoneNumber",
                "105,5550100",
                "305,1550100",
                "305,555010",
                "305,55501000",
                "305,5550100,A",
                "305-555-0100",
                "x".repeat(100),
                "212,5550199"));
        assertThat(read.added).containsExactly("305-5550100", "212-5550199");
        assertThat(read.bad).containsExactly("f:2", "f:3", "f:4", "f:5", "f:6", "f:7", "f:8", "f:9");
    }

    @Test
    void aChangeListMarksEachLineAddOrDelete() throws IOException {
        Recorder read = read(RegistryFiles.Kind.CHANGES, "305,5550100,A\n305,5550101,d\n305,5550102,DELETE\n305,5550103,add\n305,5550104\n305,5550105,X\n");
        assertThat(read.added).containsExactly("305-5550100", "305-5550103");
        assertThat(read.removed).containsExactly("305-5550101", "305-5550102");
        assertThat(read.bad).containsExactly("f:5", "f:6");
    }

    @Test
    void aChangeListMayDateEachChangeBeforeItsMark() throws IOException {
        Recorder read = read(RegistryFiles.Kind.CHANGES, String.join("\n",
                "305,5550100,2026-11-30 10:00:00,A", "305,5550101,2026-11-30,D", "305,5550102,2026-11-30T10:00,a",
                "305,5550103,yesterday,A", "305,5550104,2026-11-30 10:00:00", "305,5550105,A,2026-11-30", "305,5550106,,A") + "\n");
        assertThat(read.added).containsExactly("305-5550100", "305-5550102");
        assertThat(read.removed).containsExactly("305-5550101");
        assertThat(read.bad).as("no date, no mark, the mark first, an empty date").containsExactly("f:4", "f:5", "f:6", "f:7");
    }

    @Test
    void deletionFilesRemove() throws IOException {
        assertThat(read(RegistryFiles.Kind.DELETIONS, "305,5550100\n").removed).containsExactly("305-5550100");
    }

    @Test
    void plainGzipAndZipFilesAreToldApartByTheirContent() throws IOException {
        SyntheticRegistry registry = new SyntheticRegistry(7, new int[] {305, 212}, 20_000);
        for (SyntheticRegistry.Compression compression : SyntheticRegistry.Compression.values()) {
            Path file = folder.resolve("registry-" + compression + ".dat");
            long written = registry.write(file, compression);
            Recorder recorder = new Recorder();
            RegistryFiles reader = new RegistryFiles(RegistryFiles.Kind.FULL, recorder);
            try (var stored = java.nio.file.Files.newInputStream(file)) {
                reader.readStored(stored, file.getFileName().toString());
            }
            assertThat(recorder.added).as(compression.name()).hasSize((int) written);
            assertThat(recorder.added).allSatisfy(entry -> {
                String[] parts = entry.split("-");
                assertThat(registry.listed(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]))).isTrue();
            });
            assertThat(reader.badLines()).isZero();
        }
    }
}
