package org.consentry.store.registry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import org.consentry.registry.NanpRegistry;
import org.consentry.registry.RegistryBuilder;
import org.roaringbitmap.RoaringBitmap;
import org.roaringbitmap.buffer.ImmutableRoaringBitmap;

/**
 * A registry copy on disk, made to be mapped rather than parsed: a header, a directory of area codes, then
 * each area code's numbers, either a flat bitset (10 million bits as little-endian longs) or RoaringBitmap's
 * portable serialisation, both read in place from the mapped file. Opening a 250-million-number registry is a
 * few hundred map calls, not a load; the numbers stay off the heap, in the operating system's page cache.
 *
 * <pre>
 * magic "CNSRYDNC"  version int (2)  as_of long (epoch s)  created long (epoch s)  size long
 * list name: length short, UTF-8 bytes   area codes: count int, then per area code
 *   area code short, kind byte (0 roaring, 1 flat), offset long, length int, numbers int, crc32c int (of its bitmap)
 * crc32c int (of everything before it)
 * the bitmaps, each at its offset (8-byte aligned)
 * </pre>
 * All numbers are big-endian. A file is written beside its destination and moved over it atomically
 * ({@link #write}): a reader sees the old copy or the new one, never part of one, and an import that
 * dies leaves only a temporary file, which the next one removes.
 *
 * <p>The checksums catch a file changed on disk by other means (a flipped bit would list or unlist a number): the
 * header's is checked when the file is opened, the bitmaps' by {@link Opened#verify} (reading all of a 426 MB copy
 * takes longer than a restart may, so the caller runs it once the copy is in force). Version 1 files, written before
 * the checksums, are still read, unchecked.
 */
public final class SnapshotFile {

    static final byte[] MAGIC = "CNSRYDNC".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    private static final int ENTRY_V1 = 2 + 1 + 8 + 4 + 4;
    private static final int ENTRY = ENTRY_V1 + 4;
    private static final byte ROARING = 0;
    private static final byte FLAT = 1;
    /** Temporary files are named {@code <destination>.<this><random>}. */
    public static final String PARTIAL = ".partial-";

    private SnapshotFile() {
    }

    /** Writes the snapshot and moves it over {@code destination} atomically, durably (file and folder synced). */
    public static void write(RegistryBuilder.Snapshot snapshot, Path destination) throws IOException {
        Path folder = destination.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        Path partial = Files.createTempFile(folder, destination.getFileName() + PARTIAL, "");
        try {
            if (Files.getFileStore(partial).supportsFileAttributeView("posix")) {
                // readable by a server running as another user than the import (a temporary file is owner-only)
                Files.setPosixFilePermissions(partial, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
            }
            writeTo(snapshot, partial);
            try {
                Files.move(partial, destination, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + folder + " cannot replace a file atomically", e);
            }
            syncFolder(folder);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    static void writeTo(RegistryBuilder.Snapshot snapshot, Path file) throws IOException {
        writeTo(snapshot, file, VERSION);
    }

    /** Writes the snapshot in a format version (1 only for the tests of reading files older than the checksums). */
    static void writeTo(RegistryBuilder.Snapshot snapshot, Path file, int version) throws IOException {
        long[][] dense = snapshot.dense();
        RoaringBitmap[] sparse = snapshot.sparse();
        int count = 0;
        for (int areaCode = 0; areaCode < 1000; areaCode++) {
            if (dense[areaCode] != null || sparse[areaCode] != null) {
                count++;
            }
        }
        byte[] name = snapshot.list().getBytes(StandardCharsets.UTF_8);
        boolean checked = version >= 2;
        int headerLength = MAGIC.length + 4 + 8 + 8 + 8 + 2 + name.length + 4 + count * (checked ? ENTRY : ENTRY_V1) + (checked ? 4 : 0);
        ByteBuffer header = ByteBuffer.allocate(headerLength).order(ByteOrder.BIG_ENDIAN);
        header.put(MAGIC).putInt(version).putLong(snapshot.asOf().getEpochSecond()).putLong(snapshot.createdAt().getEpochSecond())
                .putLong(snapshot.size()).putShort((short) name.length).put(name).putInt(count);
        long offset = align(headerLength);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
            for (int areaCode = 0; areaCode < 1000; areaCode++) {
                ByteBuffer body;
                byte kind;
                int numbers;
                if (dense[areaCode] != null) {
                    long[] bits = dense[areaCode];
                    body = ByteBuffer.allocate(bits.length * 8).order(ByteOrder.LITTLE_ENDIAN);
                    body.asLongBuffer().put(bits);
                    kind = FLAT;
                    numbers = cardinality(bits);
                } else if (sparse[areaCode] != null) {
                    body = ByteBuffer.allocate(sparse[areaCode].serializedSizeInBytes());
                    sparse[areaCode].serialize(body);
                    body.flip();
                    kind = ROARING;
                    numbers = sparse[areaCode].getCardinality();
                } else {
                    continue;
                }
                int length = body.remaining();
                CRC32C crc = new CRC32C();
                crc.update(body.duplicate());
                long position = offset;
                while (body.hasRemaining()) {
                    position += channel.write(body, position);
                }
                header.putShort((short) areaCode).put(kind).putLong(offset).putInt(length).putInt(numbers);
                if (checked) {
                    header.putInt((int) crc.getValue());
                }
                offset = align(offset + length);
            }
            if (checked) {
                CRC32C crc = new CRC32C();
                crc.update(header.array(), 0, header.position());
                header.putInt((int) crc.getValue());
            }
            header.flip();
            long position = 0;
            while (header.hasRemaining()) {
                position += channel.write(header, position);
            }
            channel.force(true);
        }
    }

    private static int cardinality(long[] bits) {
        int count = 0;
        for (long word : bits) {
            count += Long.bitCount(word);
        }
        return count;
    }

    private static long align(long offset) {
        return (offset + 7) & ~7L;
    }

    private static void syncFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some platforms cannot open a folder; the rename is durable there by other means
        }
    }

    /** Maps a snapshot ({@link #openChecked}, the bitmaps' checksums left unchecked). */
    public static NanpRegistry open(Path file) throws IOException {
        return openChecked(file).registry();
    }

    /**
     * A mapped copy and what checks its bitmaps against the checksums written with them.
     *
     * @param checked whether the file has checksums (version 2 on); a version 1 file's bitmaps cannot be checked
     */
    public record Opened(Path file, NanpRegistry registry, boolean checked, List<Bitmap> bitmaps) {

        /** Reads every bitmap of the copy as mapped and compares its checksum; throws naming the first area code that differs. */
        public void verify() throws IOException {
            for (Bitmap bitmap : bitmaps) {
                CRC32C crc = new CRC32C();
                crc.update(bitmap.bytes().duplicate());
                if ((int) crc.getValue() != bitmap.crc32c()) {
                    throw new IOException(file + " is damaged: the numbers of area code " + bitmap.areaCode()
                            + " do not match their checksum (the file was changed after it was written)");
                }
            }
        }
    }

    /** An area code's bitmap as mapped (from {@code offset} in the file), with the checksum written for it. */
    public record Bitmap(int areaCode, long offset, ByteBuffer bytes, int crc32c) {
    }

    /**
     * Maps a snapshot. Checks the header (and its checksum), that every bitmap lies inside the file, that each
     * compressed one holds the count its entry records, and that the counts add up to the size recorded: a damaged or
     * foreign file is refused with the reason, never half-used. (Files are only ever replaced whole, by an atomic move
     * after a sync, so these checks guard against a file altered or cut by other means.) The bitmaps' own checksums
     * are checked by {@link Opened#verify}.
     */
    public static Opened openChecked(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long fileSize = channel.size();
            ByteBuffer fixed = ByteBuffer.allocate(MAGIC.length + 4 + 8 + 8 + 8 + 2);
            ByteBuffer start = ByteBuffer.allocate((int) Math.min(MAGIC.length, fileSize));
            readFully(channel, start, 0, file);
            if (!java.util.Arrays.equals(start.array(), MAGIC)) {
                throw new IOException(file + " is not a Consentry registry snapshot");
            }
            readFully(channel, fixed, 0, file);
            fixed.flip();
            byte[] magic = new byte[MAGIC.length];
            fixed.get(magic);
            if (!java.util.Arrays.equals(magic, MAGIC)) {
                throw new IOException(file + " is not a Consentry registry snapshot");
            }
            int version = fixed.getInt();
            if (version != VERSION && version != 1) {
                throw new IOException(file + " is a registry snapshot of version " + version + "; this version reads 1 and " + VERSION);
            }
            boolean checked = version >= 2;
            Instant asOf = Instant.ofEpochSecond(fixed.getLong());
            Instant created = Instant.ofEpochSecond(fixed.getLong());
            long size = fixed.getLong();
            int nameLength = Short.toUnsignedInt(fixed.getShort());
            ByteBuffer rest = ByteBuffer.allocate(nameLength + 4);
            readFully(channel, rest, fixed.capacity(), file);
            rest.flip();
            byte[] name = new byte[nameLength];
            rest.get(name);
            int count = rest.getInt();
            if (count < 0 || count > 1000) {
                throw new IOException(file + " is damaged: " + count + " area codes");
            }
            int entry = checked ? ENTRY : ENTRY_V1;
            ByteBuffer directory = ByteBuffer.allocate(count * entry + (checked ? 4 : 0));
            readFully(channel, directory, fixed.capacity() + rest.capacity(), file);
            directory.flip();
            if (checked) {
                CRC32C crc = new CRC32C();
                crc.update(fixed.array());
                crc.update(rest.array());
                crc.update(directory.array(), 0, count * entry);
                if ((int) crc.getValue() != directory.getInt(count * entry)) {
                    throw new IOException(file + " is damaged: its header does not match its checksum");
                }
            }
            java.nio.LongBuffer[] dense = new java.nio.LongBuffer[1000];
            ImmutableRoaringBitmap[] sparse = new ImmutableRoaringBitmap[1000];
            List<Bitmap> bitmaps = new ArrayList<>(count);
            long total = 0;
            for (int i = 0; i < count; i++) {
                int areaCode = directory.getShort();
                byte kind = directory.get();
                long offset = directory.getLong();
                int length = directory.getInt();
                int numbers = directory.getInt();
                int crc32c = checked ? directory.getInt() : 0;
                if (areaCode < 200 || areaCode > 999 || offset < 0 || length < 0 || offset + length > fileSize
                        || (kind == FLAT && length != RegistryBuilder.WORDS * 8) || (kind != FLAT && kind != ROARING)) {
                    throw new IOException(file + " is damaged: area code entry " + i + " points outside the file or is of no known kind");
                }
                MappedByteBuffer mapped = channel.map(FileChannel.MapMode.READ_ONLY, offset, length);
                if (checked) {
                    bitmaps.add(new Bitmap(areaCode, offset, mapped.duplicate(), crc32c));
                }
                if (kind == FLAT) {
                    // counting a flat area code's numbers would read all of it from disk: a restart must not wait for that
                    dense[areaCode] = mapped.order(ByteOrder.LITTLE_ENDIAN).asLongBuffer();
                } else {
                    sparse[areaCode] = new ImmutableRoaringBitmap(mapped);
                    if (sparse[areaCode].getCardinality() != numbers) {
                        throw new IOException(file + " is damaged: area code " + areaCode + " holds " + sparse[areaCode].getCardinality()
                                + " numbers, its entry says " + numbers);
                    }
                }
                total += numbers;
            }
            if (total != size) {
                throw new IOException(file + " is damaged: its area codes hold " + total + " numbers, its header says " + size);
            }
            NanpRegistry registry = new NanpRegistry(new String(name, StandardCharsets.UTF_8), asOf, created, size, dense, sparse);
            return new Opened(file, registry, checked, List.copyOf(bitmaps));
        } catch (RuntimeException e) {
            throw new IOException(file + " is damaged: " + e.getMessage(), e);
        }
    }

    private static void readFully(FileChannel channel, ByteBuffer buffer, long position, Path file) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new IOException(file + " is damaged: it ends inside its header");
            }
            at += read;
        }
    }
}
