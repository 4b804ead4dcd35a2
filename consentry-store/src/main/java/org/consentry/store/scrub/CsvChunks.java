package org.consentry.store.scrub;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts a CSV input into chunks of whole records, for {@link CsvRecords} to read on other threads. The reading
 * thread only counts quotes: outside a quoted field their count since the last record's end is even, inside one
 * odd (a doubled quote adds two), so a line feed after an even count ends a record. That pass over the bytes is
 * all the reading thread does; the records' checks, the decoding and the judging happen beside it. Where a quote
 * is misplaced the count goes wrong from there on, but the chunk holding it is read by {@link CsvRecords}, which
 * refuses the record before any later chunk's answer is written.
 */
final class CsvChunks {

    /** A chunk: {@code bytes[0, length)}, whole records, with {@code recordsBefore} records of the input before it. */
    record Chunk(byte[] bytes, int length, long recordsBefore) {
    }

    private final InputStream in;
    private final int size;
    private byte[] buffer;
    /** Bytes held in {@link #buffer}; those from {@link #scanned} on are not yet counted. */
    private int held;
    private int scanned;
    /** Whether the count of quotes since the last record's end is odd, at {@link #scanned}. */
    private boolean inQuotes;
    /** The end of the last whole record found in the buffer (after its line feed), and how many records end there. */
    private int boundary;
    private int recordsToBoundary;
    private long records;
    private boolean ended;

    /** @param size about how many bytes a chunk holds (more when one record is longer) */
    CsvChunks(InputStream in, int size) {
        this.in = in;
        this.size = size;
        this.buffer = new byte[size + (size >> 2)];
    }

    /** The next chunk, or null at the end of the input. @throws ScrubException for a record over {@link CsvRecords#MAX_RECORD} */
    Chunk next() throws IOException {
        while (!ended && (held < size || boundary == 0)) {
            if (held == buffer.length) {
                if (held - boundary > CsvRecords.MAX_RECORD + 2) {
                    throw overlong();
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            int read = in.read(buffer, held, buffer.length - held);
            if (read < 0) {
                ended = true;
            } else {
                held += read;
                scan();
            }
        }
        int cut = ended ? held : boundary;
        if (cut == 0) {
            return null;
        }
        long before = records;
        records += recordsToBoundary;
        byte[] chunk = Arrays.copyOf(buffer, cut);
        System.arraycopy(buffer, cut, buffer, 0, held - cut);
        held -= cut;
        scanned -= cut;
        boundary = 0;
        recordsToBoundary = 0;
        return new Chunk(chunk, cut, before);
    }

    /**
     * Where the first {@code records} records of {@code bytes[from, to)} end (after the line feed of the last), counted
     * as {@link #next} counts them; {@code to} when the range holds no more. {@code from} is a record's start.
     */
    static int afterRecords(byte[] bytes, int from, int to, int records) {
        if (to - from <= records) {
            return to; // a record takes a byte at least
        }
        boolean quoted = false;
        int counted = 0;
        for (int i = from; i < to; i++) {
            byte c = bytes[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted && ++counted == records) {
                return i + 1;
            }
        }
        return to;
    }

    private void scan() {
        byte[] bytes = buffer;
        boolean quoted = inQuotes;
        for (int i = scanned; i < held; i++) {
            byte c = bytes[i];
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                boundary = i + 1;
                recordsToBoundary++;
            }
        }
        scanned = held;
        inQuotes = quoted;
    }

    /** No record ends within the limit: the precise fault (a misplaced quote, or the record's length) from the record reader. */
    private ScrubException overlong() {
        CsvRecords reader = new CsvRecords(buffer, boundary, held, records + recordsToBoundary);
        while (true) {
            try {
                if (!reader.next()) {
                    return CsvRecords.tooLong(records + recordsToBoundary + 1);
                }
            } catch (ScrubException e) {
                return e;
            }
        }
    }
}
