package org.consentry.store.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryBuilder;
import org.consentry.registry.RegistryFiles;
import org.consentry.testing.SyntheticRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotFileTest {

    static final Instant AS_OF = Instant.parse("2026-11-20T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path folder;

    @Test
    void aSnapshotMapsBackToTheSameNumbersAndDate() throws IOException {
        SyntheticRegistry registry = new SyntheticRegistry(3, new int[] {212, 305, 907}, 2_100_000);
        RegistryBuilder builder = new RegistryBuilder();
        Path source = folder.resolve("national.txt");
        long written = registry.write(source, SyntheticRegistry.Compression.PLAIN);
        try (var in = Files.newInputStream(source)) {
            new RegistryFiles(RegistryFiles.Kind.FULL, sink(builder)).readStored(in, "national.txt");
        }
        Path file = folder.resolve("national.dnc");
        SnapshotFile.write(builder.build("national", AS_OF, NOW), file);

        NanpRegistry copy = SnapshotFile.open(file);
        assertThat(copy.list()).isEqualTo("national");
        assertThat(copy.asOf()).isEqualTo(AS_OF);
        assertThat(copy.createdAt()).isEqualTo(NOW);
        assertThat(copy.size()).isEqualTo(written);
        assertThat(copy.dense(212)).as("700,000 numbers: held flat").isNotNull();
        assertThat(copy.sparse(212)).isNull();
        java.util.SplittableRandom random = new java.util.SplittableRandom(1);
        for (int i = 0; i < 200_000; i++) {
            int areaCode = new int[] {212, 305, 907, 415}[random.nextInt(4)];
            int local = random.nextInt(10_000_000);
            String e164 = String.format("+1%03d%07d", areaCode, local);
            assertThat(copy.contains(e164)).as(e164).isEqualTo(registry.listed(areaCode, local));
        }
        assertThat(copy.contains("+442071234567")).isFalse();
        assertThat(copy.contains("not a number")).isFalse();
        assertThat(copy.contains(NanpRegistry.FIRST - 1)).isFalse();
        // the area codes held, asked by the number's text and by its digits alike (a check asks by its digits)
        for (String e164 : new String[] {"+12125550100", "+13055550100", "+16175550100", "+11235550100", "+442071234567", "+1212555010",
                "+1212x550100"}) {
            boolean held = copy.holdsAreaCodeOf(e164);
            assertThat(held).as(e164).isEqualTo(e164.length() == 12
                    && (e164.startsWith("+1212") || e164.startsWith("+1305") || e164.startsWith("+1907")));
            if (e164.substring(1).chars().allMatch(Character::isDigit)) {
                assertThat(copy.holdsAreaCodeOf(Long.parseLong(e164.substring(1)))).as("%s by its digits", e164).isEqualTo(held);
            }
        }
    }

    @Test
    void aDamagedOrForeignFileIsRefusedWithTheReason() throws IOException {
        RegistryBuilder builder = new RegistryBuilder();
        builder.add(305, 5_550_100);
        Path file = folder.resolve("national.dnc");
        SnapshotFile.write(builder.build("national", AS_OF, NOW), file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {0, 0, 0, 0, 0, 0, 0, 9}), 28);
        }
        assertThatThrownBy(() -> SnapshotFile.open(file)).isInstanceOf(IOException.class).hasMessageContaining("damaged");

        Path foreign = Files.writeString(folder.resolve("other.dnc"), "305,5550100\n");
        assertThatThrownBy(() -> SnapshotFile.open(foreign)).isInstanceOf(IOException.class)
                .hasMessageContaining("not a Consentry registry snapshot");

        Path cut = folder.resolve("cut.dnc");
        SnapshotFile.write(builder.build("national", AS_OF, NOW), cut);
        try (FileChannel channel = FileChannel.open(cut, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 3);
        }
        assertThatThrownBy(() -> SnapshotFile.open(cut)).isInstanceOf(IOException.class).hasMessageContaining("damaged");
    }

    @Test
    void aBitFlippedInTheNumbersIsFoundByTheirChecksumAndOneInTheHeaderAtOnce() throws IOException {
        RegistryBuilder builder = new RegistryBuilder();
        for (int i = 0; i < 700_000; i++) {
            builder.add(212, 2_000_000 + 11 * i); // held flat
        }
        builder.add(305, 5_550_100); // held compressed
        Path file = folder.resolve("national.dnc");
        SnapshotFile.write(builder.build("national", AS_OF, NOW), file);
        SnapshotFile.Opened intact = SnapshotFile.openChecked(file);
        assertThat(intact.checked()).isTrue();
        intact.verify();

        for (int areaCode : new int[] {212, 305}) {
            Path damaged = folder.resolve("damaged-" + areaCode + ".dnc");
            Files.copy(file, damaged);
            // the bitmap's last byte: in a flat bitset, numbers near the code's end; in a compressed one, the low bits of its
            // last number (the count stays the same, so only the checksum tells)
            SnapshotFile.Bitmap bitmap = intact.bitmaps().stream().filter(b -> b.areaCode() == areaCode).findFirst().orElseThrow();
            long last = bitmap.offset() + bitmap.bytes().capacity() - 1;
            try (FileChannel channel = FileChannel.open(damaged, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
                ByteBuffer one = ByteBuffer.allocate(1);
                channel.read(one, last);
                one.put(0, (byte) (one.get(0) ^ 0x04)).rewind();
                channel.write(one, last);
            }
            SnapshotFile.Opened opened = SnapshotFile.openChecked(damaged);
            assertThatThrownBy(opened::verify).isInstanceOf(IOException.class).hasMessageContaining("damaged")
                    .hasMessageContaining("area code " + areaCode);
        }

        Path header = folder.resolve("header.dnc");
        Files.copy(file, header);
        try (FileChannel channel = FileChannel.open(header, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(new byte[] {1}), 16); // in the as_of date: an old copy would pass as fresh
        }
        assertThatThrownBy(() -> SnapshotFile.openChecked(header)).isInstanceOf(IOException.class)
                .hasMessageContaining("its header does not match its checksum");
    }

    @Test
    void aCopyWrittenBeforeTheChecksumsIsStillReadUnchecked() throws IOException {
        RegistryBuilder builder = new RegistryBuilder();
        builder.add(305, 5_550_100);
        builder.add(212, 5_550_101);
        Path file = Files.createFile(folder.resolve("national.dnc"));
        SnapshotFile.writeTo(builder.build("national", AS_OF, NOW), file, 1);
        SnapshotFile.Opened opened = SnapshotFile.openChecked(file);
        assertThat(opened.checked()).isFalse();
        opened.verify();
        assertThat(opened.registry().asOf()).isEqualTo(AS_OF);
        assertThat(opened.registry().size()).isEqualTo(2);
        assertThat(opened.registry().contains("+13055550100")).isTrue();
        assertThat(opened.registry().contains("+12125550101")).isTrue();
        assertThat(opened.registry().contains("+12125550102")).isFalse();
    }


    @Test
    void aChangeListStartsFromTheCopyInForce() throws IOException {
        RegistryBuilder first = new RegistryBuilder();
        first.add(305, 5_550_100);
        first.add(305, 5_550_101);
        Path file = folder.resolve("national.dnc");
        SnapshotFile.write(first.build("national", AS_OF, NOW), file);
        NanpRegistry old = SnapshotFile.open(file);

        RegistryBuilder next = new RegistryBuilder().startFrom(old);
        assertThat(next.add(305, 5_550_100)).as("already listed").isFalse();
        assertThat(next.remove(305, 5_550_101)).isTrue();
        assertThat(next.add(212, 5_550_102)).isTrue();
        SnapshotFile.write(next.build("national", AS_OF.plusSeconds(86_400), NOW), file);

        NanpRegistry now = SnapshotFile.open(file);
        assertThat(now.contains("+13055550100")).isTrue();
        assertThat(now.contains("+13055550101")).isFalse();
        assertThat(now.contains("+12125550102")).isTrue();
        assertThat(now.size()).isEqualTo(2);
        assertThat(now.sparse(305)).as("two numbers: held compressed").isNotNull();
        assertThat(now.dense(305)).isNull();
        assertThat(old.contains("+13055550101")).as("the old copy, still mapped, is unchanged").isTrue();
    }

    static RegistryFiles.Sink sink(RegistryBuilder builder) {
        return new RegistryFiles.Sink() {
            @Override public void add(int areaCode, int local) {
                builder.add(areaCode, local);
            }

            @Override public void remove(int areaCode, int local) {
                builder.remove(areaCode, local);
            }

            @Override public void bad(String source, long line, String why) {
                throw new AssertionError(source + ":" + line + " " + why);
            }
        };
    }
}
