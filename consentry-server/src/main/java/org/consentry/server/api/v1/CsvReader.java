package org.consentry.server.api.v1;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads CSV as RFC 4180 writes it: fields separated by commas, records by CRLF or LF, a field in double quotes
 * may hold commas, line breaks and doubled quotes. Each record keeps the line it starts on, for error messages.
 */
final class CsvReader {

    /** One record: its fields, and the line of the text it starts on (from 1). */
    record Row(int line, List<String> fields) {
    }

    /** The text is not CSV: where, and why. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int line;

        Malformed(int line, String message) {
            super(message);
            this.line = line;
        }

        int line() {
            return line;
        }
    }

    private CsvReader() {
    }

    /** Every record, blank lines skipped; at most {@code maxRows} (the header included), else Malformed. */
    static List<Row> read(String text, int maxRows) {
        List<Row> rows = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i += 2;
                        continue;
                    }
                    quoted = false;
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"') {
                if (field.length() > 0 || wasQuoted) {
                    throw new Malformed(line, "a quote inside a field that does not start with one (write it as \"\" inside a quoted field)");
                }
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                fields.add(field.toString());
                field.setLength(0);
                wasQuoted = false;
                if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
                    rows.add(new Row(rowLine, List.copyOf(fields)));
                    if (rows.size() > maxRows) {
                        throw new Malformed(line, "the file has more than " + (maxRows - 1) + " rows; split it");
                    }
                }
                fields.clear();
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                line++;
                rowLine = line;
            } else {
                if (wasQuoted) {
                    throw new Malformed(line, "text after the closing quote of a field");
                }
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new Malformed(rowLine, "a quoted field is not closed");
        }
        fields.add(field.toString());
        if (!(fields.size() == 1 && fields.get(0).isEmpty())) {
            rows.add(new Row(rowLine, List.copyOf(fields)));
            if (rows.size() > maxRows) {
                throw new Malformed(line, "the file has more than " + (maxRows - 1) + " rows; split it");
            }
        }
        return rows;
    }
}
