package org.consentry.registry;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the last bytes of a zip archive read as a stream, to check that it ends as a whole archive does.
 * {@link java.util.zip.ZipInputStream} reads entry after entry from their local headers and takes the end of the
 * stream after any entry for the end of the archive: a download cut between two entries (through a pipe, where the
 * central directory at the file's end cannot be read first) would lose every later entry's numbers without a word.
 * Here, once the entries are read, the rest of the stream is read through and its end must be the archive's central
 * directory and end record (ZIP64 too), naming as many entries as were read, with nothing after it.
 */
final class ZipEnding extends FilterInputStream {

    private static final int END = 0x06054b50;
    private static final int END_SIZE = 22;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_LOCATOR_SIZE = 20;
    private static final int ZIP64_END = 0x06064b50;
    /** The end record, its comment of at most 65,535 bytes, and the ZIP64 record and locator before it. */
    private static final int KEPT = END_SIZE + 65_535 + ZIP64_LOCATOR_SIZE + 56 + 1_024;

    private final byte[] tail = new byte[KEPT];
    private long count;

    ZipEnding(InputStream in) {
        super(in);
    }

    @Override public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            tail[(int) (count++ % KEPT)] = (byte) b;
        }
        return b;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        int read = in.read(b, off, len);
        int from = off + Math.max(0, read - KEPT); // only the last KEPT bytes of a long read can be kept
        count += from - off;
        for (int left = off + read - from; left > 0; ) {
            int at = (int) (count % KEPT);
            int chunk = Math.min(left, KEPT - at);
            System.arraycopy(b, from, tail, at, chunk);
            from += chunk;
            count += chunk;
            left -= chunk;
        }
        return read;
    }

    @Override public boolean markSupported() {
        return false;
    }

    @Override public long skip(long n) throws IOException {
        // read, not skipped: the bytes may be the archive's end
        byte[] skipped = new byte[(int) Math.min(n, 8_192)];
        int read = read(skipped, 0, skipped.length);
        return Math.max(read, 0);
    }

    /**
     * Reads the stream to its end and checks that it ends as a whole archive of {@code entries} entries does.
     *
     * @throws IOException naming what is missing, when it does not
     */
    void check(long entries, String name) throws IOException {
        byte[] rest = new byte[8_192];
        while (read(rest, 0, rest.length) >= 0) {
            // read through: the central directory and the end record
        }
        int kept = (int) Math.min(count, KEPT);
        byte[] end = new byte[kept];
        for (int i = 0; i < kept; i++) {
            end[i] = tail[(int) ((count - kept + i) % KEPT)];
        }
        String cut = name + " is not a whole zip archive (it ends without its central directory after " + entries
                + " entries); was the download cut short?";
        int at = -1;
        for (int i = kept - END_SIZE; i >= 0 && i >= kept - END_SIZE - 65_535; i--) {
            if (int32(end, i) == END && int16(end, i + 20) == kept - END_SIZE - i) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            throw new IOException(cut);
        }
        long endOffset = count - kept + at;
        long total = int16(end, at + 10);
        long directorySize = int32(end, at + 12) & 0xffffffffL;
        long directoryOffset = int32(end, at + 16) & 0xffffffffL;
        long directoryEnd = endOffset;
        if (total == 0xffff || directorySize == 0xffffffffL || directoryOffset == 0xffffffffL) {
            int locator = at - ZIP64_LOCATOR_SIZE;
            if (locator < 0 || int32(end, locator) != ZIP64_LOCATOR) {
                throw new IOException(cut);
            }
            long recordOffset = int64(end, locator + 8);
            int record = (int) (recordOffset - (count - kept));
            if (record < 0 || record + 56 > locator || int32(end, record) != ZIP64_END) {
                throw new IOException(cut);
            }
            total = int64(end, record + 32);
            directorySize = int64(end, record + 40);
            directoryOffset = int64(end, record + 48);
            directoryEnd = recordOffset;
        }
        if (directoryOffset + directorySize != directoryEnd) {
            throw new IOException(cut);
        }
        if (total != entries) {
            throw new IOException(name + " is not a whole zip archive: its central directory names " + total + " entries, "
                    + entries + " were read; was the download cut short?");
        }
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }

    private static long int64(byte[] b, int at) {
        return (int32(b, at) & 0xffffffffL) | (long) int32(b, at + 4) << 32;
    }
}
