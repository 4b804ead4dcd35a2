package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * A zip archive read as a stream (a pipe: no central directory to read first) is taken whole or refused: cut anywhere,
 * between two entries too, or followed by anything, it fails the read rather than losing its later entries' numbers.
 */
class ZipEndingProperties {

    /** An archive: entries of registry lines (a null is a folder), and the archive's comment. */
    record Archive(List<List<String>> entries, String comment) {

        byte[] bytes() throws IOException {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.setComment(comment);
                for (int i = 0; i < entries.size(); i++) {
                    List<String> lines = entries.get(i);
                    if (lines == null) {
                        zip.putNextEntry(new ZipEntry("folder-" + i + "/"));
                    } else {
                        zip.putNextEntry(new ZipEntry("part-" + i + ".txt"));
                        zip.write(String.join("\n", lines).getBytes(StandardCharsets.US_ASCII));
                    }
                    zip.closeEntry();
                }
            }
            return bytes.toByteArray();
        }

        List<String> numbers() {
            List<String> all = new ArrayList<>();
            entries.stream().filter(lines -> lines != null).forEach(all::addAll);
            return all;
        }
    }

    @Property(tries = 300)
    void aWholeArchiveReadsEveryEntry(@ForAll("archives") Archive archive) throws IOException {
        assertThat(read(archive.bytes())).isEqualTo(archive.numbers().stream().map(ZipEndingProperties::asRecorded).toList());
    }

    @Property(tries = 600)
    void anArchiveCutAnywhereIsRefused(@ForAll("archives") Archive archive, @ForAll @IntRange(min = 0, max = 1_000_000) int at)
            throws IOException {
        byte[] whole = archive.bytes();
        int cut = 4 + at % (whole.length - 4); // it still starts as a zip archive does
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, cut))).as("cut at %d of %d", cut, whole.length)
                .isInstanceOf(IOException.class);
    }

    @Property(tries = 300)
    void anArchiveCutBetweenTwoEntriesIsRefused(@ForAll("archives") Archive archive) throws IOException {
        byte[] whole = archive.bytes();
        // each later entry's local header: a cut there leaves whole entries only, which a stream reader takes for the end
        for (int at = 1; at + 4 <= whole.length; at++) {
            if (whole[at] == 'P' && whole[at + 1] == 'K' && (whole[at + 2] == 3 && whole[at + 3] == 4 || whole[at + 2] == 1 && whole[at + 3] == 2)) {
                byte[] cut = Arrays.copyOf(whole, at);
                assertThatThrownBy(() -> read(cut)).as("cut at %d of %d", at, whole.length).isInstanceOf(IOException.class)
                        .hasMessageContaining("is not a whole zip archive");
            }
        }
    }

    @Property(tries = 300)
    void bytesAfterTheArchiveAreRefused(@ForAll("archives") Archive archive, @ForAll("junk") byte[] junk) throws IOException {
        byte[] whole = archive.bytes();
        byte[] longer = Arrays.copyOf(whole, whole.length + junk.length);
        System.arraycopy(junk, 0, longer, whole.length, junk.length);
        assertThatThrownBy(() -> read(longer)).isInstanceOf(IOException.class);
    }

    /** More than 65,535 entries: the archive's counts are in its ZIP64 end record. */
    @Test
    void aZip64ArchiveReadsWholeAndCutIsRefused() throws IOException {
        List<List<String>> entries = new ArrayList<>();
        for (int i = 0; i < 66_000; i++) {
            entries.add(i % 1_000 == 0 ? List.of(String.format("305,%07d", 2_000_000 + i)) : List.of());
        }
        Archive archive = new Archive(entries, "");
        byte[] whole = archive.bytes();
        assertThat(read(whole)).hasSize(66);
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 1))).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, whole.length - 30))).isInstanceOf(IOException.class);
    }

    private static String asRecorded(String line) {
        return line.replace(',', '-');
    }

    /** Reads the bytes as a pipe gives them: a few at a time, with no way to seek. */
    private static List<String> read(byte[] bytes) throws IOException {
        List<String> added = new ArrayList<>();
        RegistryFiles reader = new RegistryFiles(RegistryFiles.Kind.FULL, new RegistryFiles.Sink() {
            @Override public void add(int areaCode, int local) {
                added.add(areaCode + "-" + String.format("%07d", local));
            }

            @Override public void remove(int areaCode, int local) {
                throw new AssertionError("a full list removes nothing");
            }

            @Override public void bad(String source, long line, String why) {
                throw new AssertionError(source + ":" + line + " " + why);
            }
        });
        InputStream pipe = new ByteArrayInputStream(bytes) {
            @Override public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1_000));
            }
        };
        reader.readStored(pipe, "national.zip");
        return added;
    }

    @Provide
    Arbitrary<Archive> archives() {
        Arbitrary<String> number = Combinators.combine(Arbitraries.integers().between(200, 999), Arbitraries.integers().between(2_000_000, 9_999_999))
                .as((area, local) -> area + "," + local);
        Arbitrary<List<String>> entry = Arbitraries.oneOf(number.list().ofMaxSize(200), Arbitraries.just(null));
        Arbitrary<String> comment = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.strings().withCharRange('a', 'z').ofMaxLength(300));
        return Combinators.combine(entry.list().ofMinSize(1).ofMaxSize(6), comment).as(Archive::new);
    }

    @Provide
    Arbitrary<byte[]> junk() {
        return Arbitraries.oneOf(Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(100),
                Arbitraries.just(new byte[] {'P', 'K', 5, 6}), Arbitraries.just(new byte[] {0}));
    }
}
