package org.consentry.store.scrub;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the CSV (RFC 4180) records of a range of bytes one at a time, keeping each record's bytes exactly as
 * written so that a scrub gives every input column back untouched. A quoted field may hold commas, doubled quotes
 * and line breaks. Records end at LF or CRLF outside quotes; the terminator is not part of the record. The range
 * starts at a record's start; it ends at a record's end or at the end of the input ({@link CsvChunks} cuts them).
 */
final class CsvRecords {

    /** The longest record taken: a larger one is a malformed file (an unclosed quote), not a contact. */
    static final int MAX_RECORD = 1 << 20;

    /** Where the reader is within a record. */
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote inside a quoted field: the field's end, or the first of a doubled quote. */
    private static final int QUOTE_IN_QUOTED = 3;

    private final byte[] bytes;
    private final int limit;
    private int position;
    private long recordNumber;
    private int start;
    private int end;
    private boolean crlf;
    private int fields;

    /** @param recordsBefore how many records the input holds before {@code from} (for the numbers in errors) */
    CsvRecords(byte[] bytes, int from, int to, long recordsBefore) {
        this.bytes = bytes;
        this.position = from;
        this.limit = to;
        this.recordNumber = recordsBefore;
    }

    /**
     * Reads the next record; false at the end of the range. A quote may open a field or be doubled inside a quoted
     * one; anywhere else ({@code 12" screen}, {@code "a"b}) the file is refused rather than guessed at, since a
     * misread quote would join or split rows and put one row's verdict on another. So is a carriage return outside
     * quotes that is not the CR of a CRLF: a spreadsheet ends the line there.
     * @throws ScrubException for a misplaced quote, an unclosed one, a carriage return alone, or an overlong record
     */
    boolean next() {
        if (position >= limit) {
            return false;
        }
        int state = FIELD_START;
        int separators = 0;
        start = position;
        while (position < limit) {
            byte c = bytes[position];
            if (c == '\r' && state != QUOTED && (position + 1 == limit || bytes[position + 1] != '\n')) {
                throw bareCarriageReturn();
            }
            switch (state) {
                case QUOTED:
                    if (c == '"') {
                        state = QUOTE_IN_QUOTED;
                    }
                    break;
                case QUOTE_IN_QUOTED:
                    if (c == '"') {
                        state = QUOTED;
                    } else if (c == ',') {
                        state = FIELD_START;
                        separators++;
                    } else if (c != '\r' && c != '\n') {
                        throw misplacedQuote();
                    }
                    break;
                default:
                    if (c == '"') {
                        if (state != FIELD_START) {
                            throw misplacedQuote();
                        }
                        state = QUOTED;
                    } else if (c == ',') {
                        state = FIELD_START;
                        separators++;
                    } else if (c != '\n') {
                        state = UNQUOTED;
                    }
                    break;
            }
            if (c == '\n' && state != QUOTED) {
                crlf = position > start && bytes[position - 1] == '\r';
                end = crlf ? position - 1 : position;
                position++;
                return finish(separators);
            }
            position++;
            if (position - start > MAX_RECORD) {
                throw tooLong(recordNumber + 1);
            }
        }
        if (state == QUOTED) {
            throw new ScrubException("record " + (recordNumber + 1) + " opens a quote that never closes");
        }
        crlf = false;
        end = limit;
        return finish(separators);
    }

    private boolean finish(int separators) {
        recordNumber++;
        fields = separators + 1;
        return true;
    }

    static ScrubException tooLong(long record) {
        return new ScrubException("record " + record + " is longer than " + MAX_RECORD + " bytes (an unclosed quote?)");
    }

    private ScrubException bareCarriageReturn() {
        return new ScrubException("record " + (recordNumber + 1) + " has a carriage return that ends no line; records end in LF or CRLF, "
                + "a carriage return alone only inside a quoted field (a list saved with CR line ends must be saved again as CSV UTF-8)");
    }

    private ScrubException misplacedQuote() {
        return new ScrubException("record " + (recordNumber + 1) + " has a quote inside a field; a field holding quotes must be "
                + "quoted whole, its quotes doubled (\"12\"\" screen\")");
    }

    /** Where the last record starts in the bytes. */
    int start() {
        return start;
    }

    /** Where the last record ends (before its terminator). */
    int end() {
        return end;
    }

    /** Where the next record starts. */
    int position() {
        return position;
    }

    /** Whether the last record ended in CRLF. */
    boolean crlf() {
        return crlf;
    }

    /** How many fields the last record has. */
    int fields() {
        return fields;
    }

    long recordNumber() {
        return recordNumber;
    }

    /** The last record's text (the bytes are UTF-8). */
    String text() {
        return new String(bytes, start, end - start, StandardCharsets.UTF_8);
    }

    /** The field at {@code index} (0-based) of the last record, unquoted; "" when the record is shorter. */
    String field(int index) {
        int from = start;
        for (int column = 0; column < index; column++) {
            from = endOfField(from) + 1;
            if (from > end) {
                return "";
            }
        }
        int to = endOfField(from);
        if (from < to && bytes[from] == '"') {
            return fields(new String(bytes, from, to - from, StandardCharsets.UTF_8)).get(0);
        }
        return new String(bytes, from, to - from, StandardCharsets.UTF_8);
    }

    private int endOfField(int from) {
        int i = from;
        if (i < end && bytes[i] == '"') {
            i++;
            while (i < end) {
                if (bytes[i] == '"') {
                    if (i + 1 < end && bytes[i + 1] == '"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
        }
        while (i < end && bytes[i] != ',') {
            i++;
        }
        return i;
    }

    /** The fields of a record, unquoted. */
    static List<String> fields(String record) {
        List<String> fields = new ArrayList<>();
        int i = 0;
        int length = record.length();
        while (true) {
            StringBuilder field = new StringBuilder();
            if (i < length && record.charAt(i) == '"') {
                i++;
                while (i < length) {
                    char c = record.charAt(i);
                    if (c == '"') {
                        if (i + 1 < length && record.charAt(i + 1) == '"') {
                            field.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    field.append(c);
                    i++;
                }
                while (i < length && record.charAt(i) != ',') {
                    field.append(record.charAt(i++));
                }
            } else {
                int comma = record.indexOf(',', i);
                int end = comma < 0 ? length : comma;
                field.append(record, i, end);
                i = end;
            }
            fields.add(field.toString());
            if (i >= length) {
                return fields;
            }
            i++;
        }
    }
}
