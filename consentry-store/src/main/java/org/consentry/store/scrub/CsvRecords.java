package org.consentry.store.scrub;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV (RFC 4180) one record at a time, keeping each record's text exactly as written so that a scrub
 * gives every input column back untouched. A quoted field may hold commas, doubled quotes and line breaks.
 * Records end at LF or CRLF outside quotes; the terminator is not part of the record.
 */
final class CsvRecords {

    /** The longest record taken: a larger one is a malformed file (an unclosed quote), not a contact. */
    static final int MAX_RECORD = 1 << 20;

    private final Reader in;
    private final char[] buffer = new char[1 << 16];
    private int position;
    private int limit;
    private long recordNumber;
    private boolean crlf;
    /** Separators seen outside quotes in the record being read. */
    private int separators;
    private int fields;

    CsvRecords(Reader in) {
        this.in = in;
    }

    /** Where the reader is within a record. */
    private static final int FIELD_START = 0;
    private static final int UNQUOTED = 1;
    private static final int QUOTED = 2;
    /** A quote inside a quoted field: the field's end, or the first of a doubled quote. */
    private static final int QUOTE_IN_QUOTED = 3;

    /**
     * The next record's text, or null at the end. A quote may open a field or be doubled inside a quoted one;
     * anywhere else ({@code 12" screen}, {@code "a"b}) the file is refused rather than guessed at, since a
     * misread quote would join or split rows and put one row's verdict on another.
     * @throws ScrubException for a misplaced quote, an unclosed one, or an overlong record
     */
    String next() throws IOException {
        StringBuilder record = null;
        int state = FIELD_START;
        separators = 0;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer, 0, buffer.length);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (state == QUOTED) {
                        throw new ScrubException("record " + (recordNumber + 1) + " opens a quote that never closes");
                    }
                    return record == null ? null : finish(record, false);
                }
            }
            int start = position;
            while (position < limit) {
                char c = buffer[position];
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
                    if (record == null) {
                        record = new StringBuilder(position - start + 64);
                    }
                    record.append(buffer, start, position - start);
                    position++;
                    return finish(record, true);
                }
                position++;
            }
            if (record == null) {
                record = new StringBuilder(limit - start + 64);
            }
            record.append(buffer, start, limit - start);
            if (record.length() > MAX_RECORD) {
                throw new ScrubException("record " + (recordNumber + 1) + " is longer than " + MAX_RECORD + " characters (an unclosed quote?)");
            }
        }
    }

    private ScrubException misplacedQuote() {
        return new ScrubException("record " + (recordNumber + 1) + " has a quote inside a field; a field holding quotes must be "
                + "quoted whole, its quotes doubled (\"12\"\" screen\")");
    }

    private String finish(StringBuilder record, boolean terminated) {
        recordNumber++;
        fields = separators + 1;
        int length = record.length();
        crlf = terminated && length > 0 && record.charAt(length - 1) == '\r';
        return crlf ? record.substring(0, length - 1) : record.toString();
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

    /** The field at {@code index} (0-based) of a record, unquoted; "" when the record is shorter. */
    static String field(String record, int index) {
        int start = 0;
        for (int column = 0; column < index; column++) {
            start = endOfField(record, start) + 1;
            if (start > record.length()) {
                return "";
            }
        }
        int end = endOfField(record, start);
        if (start < record.length() && record.charAt(start) == '"') {
            return fields(record.substring(start, end)).get(0);
        }
        return record.substring(start, end);
    }

    private static int endOfField(String record, int start) {
        int length = record.length();
        if (start < length && record.charAt(start) == '"') {
            int i = start + 1;
            while (i < length) {
                if (record.charAt(i) == '"') {
                    if (i + 1 < length && record.charAt(i + 1) == '"') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                i++;
            }
            int comma = record.indexOf(',', i);
            return comma < 0 ? length : comma;
        }
        int comma = record.indexOf(',', start);
        return comma < 0 ? length : comma;
    }
}
