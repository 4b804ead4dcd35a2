package org.consentry.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whole gzip data reads back exactly; data cut anywhere, or followed by anything but another member, is refused. */
class StrictGzipInputStreamProperties {

    @Property(tries = 300)
    void readsEveryMemberBackAsTheJdkDoes(@ForAll("members") List<byte[]> members, @ForAll @IntRange(min = 1, max = 70_000) int chunk)
            throws IOException {
        byte[] gzip = concatenate(members);
        byte[] expected = readAll(new GZIPInputStream(new ByteArrayInputStream(gzip)), 8192);
        assertThat(expected).isEqualTo(join(members));
        // a pipe gives its bytes a little at a time and has none waiting between reads
        assertThat(readAll(new StrictGzipInputStream(new TrickleInputStream(gzip, chunk)), chunk)).isEqualTo(expected);
    }

    @Property(tries = 400)
    void dataCutAnywhereButBetweenMembersIsRefused(@ForAll("members") List<byte[]> members,
                                                   @ForAll @IntRange(min = 1, max = 1_000_000) int cutFromEnd) {
        byte[] gzip = concatenate(members);
        int length = gzip.length - 1 - cutFromEnd % gzip.length;
        // a cut exactly between two members leaves whole gzip data, which no reader can tell from a shorter file
        int boundary = 0;
        for (byte[] member : members) {
            boundary += gzip(member).length;
            Assume.that(length != boundary);
        }
        byte[] cut = Arrays.copyOf(gzip, length);
        assertThatThrownBy(() -> readAll(new StrictGzipInputStream(new ByteArrayInputStream(cut)), 4096)).isInstanceOf(IOException.class);
    }

    @Property(tries = 200)
    void bytesAfterTheLastMemberAreRefused(@ForAll("members") List<byte[]> members, @ForAll @Size(min = 1, max = 40) List<Byte> tail) {
        byte[] gzip = concatenate(members);
        byte[] withTail = Arrays.copyOf(gzip, gzip.length + tail.size());
        for (int i = 0; i < tail.size(); i++) {
            withTail[gzip.length + i] = tail.get(i);
        }
        assertThatThrownBy(() -> readAll(new StrictGzipInputStream(new ByteArrayInputStream(withTail)), 4096))
                .isInstanceOf(IOException.class);
    }

    @Example
    void aFileCutInsideItsSecondMembersHeaderIsRefused() throws IOException {
        byte[] first = "305,5550100\n".getBytes();
        byte[] cut = Arrays.copyOf(concatenate(List.of(first, "305,5550101\n212,5550102\n".getBytes())), gzip(first).length + 5);
        // (Java 17's GZIPInputStream takes this cut for the end of the data and gives the first member alone)
        assertThatThrownBy(() -> readAll(new StrictGzipInputStream(new ByteArrayInputStream(cut)), 4096))
                .hasMessageContaining("cut short");
    }

    @Example
    void aPipeThatPausesBetweenMembersIsReadToItsEnd() throws IOException {
        byte[] first = "305,5550100\n".getBytes();
        byte[] gzip = concatenate(List.of(first, "305,5550101\n212,5550102\n".getBytes()));
        int pause = gzip(first).length; // the pipe has given the first member whole, and nothing more yet
        // (Java 17's GZIPInputStream ends the data at such a pause when the next member's bytes are not already waiting;
        // later JDKs read on)
        assertThat(new String(readAll(new StrictGzipInputStream(new TrickleInputStream(gzip, pause)), pause)))
                .isEqualTo("305,5550100\n305,5550101\n212,5550102\n");
    }

    @Example
    void aMemberThatDoesNotMatchItsChecksumIsRefused() throws IOException {
        byte[] gzip = gzip("305,5550100\n".getBytes());
        gzip[gzip.length - 8] ^= 1; // the stored CRC-32
        assertThatThrownBy(() -> readAll(new StrictGzipInputStream(new ByteArrayInputStream(gzip)), 4096))
                .hasMessageContaining("checksum");
    }

    @Example
    void aMemberWhoseHeaderDoesNotMatchItsHeaderCrcIsRefusedAsByTheJdk() throws IOException {
        byte[] member = gzip("305,5550100\n".getBytes());
        byte[] withCrc = new byte[member.length + 2];
        System.arraycopy(member, 0, withCrc, 0, 10);
        System.arraycopy(member, 10, withCrc, 12, member.length - 10);
        withCrc[3] |= 2; // FHCRC
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(withCrc, 0, 10);
        withCrc[10] = (byte) crc.getValue();
        withCrc[11] = (byte) (crc.getValue() >> 8);
        assertThat(new String(readAll(new StrictGzipInputStream(new ByteArrayInputStream(withCrc)), 4096))).isEqualTo("305,5550100\n");
        withCrc[11] ^= 1;
        assertThatThrownBy(() -> readAll(new GZIPInputStream(new ByteArrayInputStream(withCrc)), 4096)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> readAll(new StrictGzipInputStream(new ByteArrayInputStream(withCrc)), 4096))
                .isInstanceOf(IOException.class).hasMessageContaining("header");
    }

    @Example
    void aReadAfterARefusalIsRefusedTooRatherThanGoingOnPastTheDamage() {
        byte[] member = gzip("305,5550100\n".getBytes());
        byte[] damaged = join(List.of(member, new byte[] {0, 0}, member));
        StrictGzipInputStream in = new StrictGzipInputStream(new ByteArrayInputStream(damaged));
        assertThatThrownBy(() -> readAll(in, 4096)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> readAll(in, 4096)).isInstanceOf(IOException.class);
        assertThatThrownBy(in::read).isInstanceOf(IOException.class);
    }

    @Example
    void aReadAfterCloseIsAnIOExceptionAsWithTheJdk() throws IOException {
        StrictGzipInputStream in = new StrictGzipInputStream(new ByteArrayInputStream(gzip(new byte[100_000])));
        assertThat(in.read(new byte[10])).isPositive();
        in.close();
        assertThatThrownBy(() -> in.read(new byte[10])).isInstanceOf(IOException.class);
        in.close();
    }

    @Provide
    Arbitrary<List<byte[]>> members() {
        Arbitrary<byte[]> text = Arbitraries.strings().withChars("0123456789,\n").ofMinLength(0).ofMaxLength(3_000).map(String::getBytes);
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMinSize(0).ofMaxSize(100_000);
        Arbitrary<byte[]> numbers = Arbitraries.integers().between(1, 20_000).map(StrictGzipInputStreamProperties::registryLines);
        return Arbitraries.oneOf(text, noise, numbers).list().ofMinSize(1).ofMaxSize(4);
    }

    private static byte[] registryLines(int count) {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < count; i++) {
            lines.append(200 + i % 800).append(',').append(2_000_000 + i * 37 % 8_000_000).append('\n');
        }
        return lines.toString().getBytes();
    }

    private static byte[] gzip(byte[] data) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
                gzip.write(data);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The gzip data of each part as a member of its own, one after the other. */
    private static byte[] concatenate(List<byte[]> parts) {
        return join(parts.stream().map(StrictGzipInputStreamProperties::gzip).toList());
    }

    private static byte[] join(List<byte[]> parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Everything the stream gives, read {@code chunk} bytes at a time. */
    private static byte[] readAll(InputStream in, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[Math.max(1, chunk)];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
        return out.toByteArray();
    }

    /** Gives its bytes at most {@code chunk} at a time, as a pipe does. */
    private static final class TrickleInputStream extends ByteArrayInputStream {
        private final int chunk;

        TrickleInputStream(byte[] bytes, int chunk) {
            super(bytes);
            this.chunk = chunk;
        }

        @Override public synchronized int read(byte[] b, int off, int len) {
            return super.read(b, off, Math.min(len, chunk));
        }

        @Override public synchronized int available() {
            return 0;
        }
    }
}
