package org.consentry.registry;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads the files the national Do-Not-Call registry gives sellers (and state lists and block lists in the
 * same shape), plain, gzip or zip (every entry of the archive), told apart by their first bytes, not their
 * names. One number per line, lines ending in LF or CRLF, blank lines skipped:
 * <ul>
 *   <li>{@link Kind#FULL}, {@link Kind#ADDITIONS}, {@link Kind#DELETIONS}: {@code AAA,NNNNNNN} (area code, comma,
 *   seven-digit number), or the ten digits alone {@code AAANNNNNNN};</li>
 *   <li>{@link Kind#CHANGES}: {@code AAA,NNNNNNN,A} to add or {@code AAA,NNNNNNN,D} to delete (also {@code ADD},
 *   {@code DELETE}, any case); the registry's change lists carry the date of each change before its mark
 *   ({@code AAA,NNNNNNN,2026-11-30 10:00:00,A}, the date alone, or {@code T} between date and time), which is read
 *   past: the list's date is the import's.</li>
 * </ul>
 * The area code and the exchange (the first digit of the seven) must be 2-9. Any other line is bad: it is
 * counted and reported with its file and line number, never taken and never silently dropped.
 */
public final class RegistryFiles {

    /** What a file holds. */
    public enum Kind {
        /** The whole list (or one area code of it): replaces the copy in force. */
        FULL,
        /** Numbers added since the last download. */
        ADDITIONS,
        /** Numbers deleted since the last download. */
        DELETIONS,
        /** Both, each line marked A or D. */
        CHANGES
    }

    /** Where the numbers read go. */
    public interface Sink {
        void add(int areaCode, int local);

        void remove(int areaCode, int local);

        /** A line that is not a number of this kind: {@code line} counts from 1 within {@code source}. */
        void bad(String source, long line, String why);
    }

    private static final int MAX_LINE = 64;
    private static final int BUFFER = 1 << 16;

    private final Kind kind;
    private final Sink sink;
    private long numbers;
    private long badLines;

    public RegistryFiles(Kind kind, Sink sink) {
        this.kind = kind;
        this.sink = sink;
    }

    /** Numbers read so far (good lines). */
    public long numbers() {
        return numbers;
    }

    public long badLines() {
        return badLines;
    }

    /**
     * Reads one file as stored (plain, gzip, or zip: every entry), told apart by its first bytes; {@code name}
     * names it in reports of bad lines (a zip entry as {@code name!entry}).
     */
    public void readStored(InputStream stored, String name) throws IOException {
        java.io.PushbackInputStream head = new java.io.PushbackInputStream(stored, 4);
        byte[] start = head.readNBytes(4);
        head.unread(start);
        if (start.length >= 2 && (start[0] & 0xff) == 0x1f && (start[1] & 0xff) == 0x8b) {
            read(new StrictGzipInputStream(new BufferedInputStream(head, BUFFER)), name);
        } else if (start.length == 4 && start[0] == 'P' && start[1] == 'K' && start[2] == 3 && start[3] == 4) {
            ZipEnding ending = new ZipEnding(head);
            ZipInputStream zip = new ZipInputStream(new BufferedInputStream(ending, BUFFER));
            long entries = 0;
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                if (!entry.isDirectory()) {
                    read(zip, name + "!" + entry.getName());
                }
            }
            ending.check(entries, name); // the end of the stream after an entry is not the end of the archive
        } else {
            read(new BufferedInputStream(head, BUFFER), name);
        }
    }

    /** Reads one stream of lines, named {@code source} in reports of bad lines. */
    public void read(InputStream in, String source) throws IOException {
        byte[] buffer = new byte[BUFFER];
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        boolean overlong = false;
        long lineNumber = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (int i = 0; i < read; i++) {
                byte b = buffer[i];
                if (b == '\n') {
                    lineNumber++;
                    line(source, lineNumber, line, length, overlong);
                    length = 0;
                    overlong = false;
                } else if (length < MAX_LINE) {
                    line[length++] = b;
                } else {
                    overlong = true;
                }
            }
        }
        if (length > 0 || overlong) {
            line(source, lineNumber + 1, line, length, overlong);
        }
    }

    private void line(String source, long lineNumber, byte[] line, int length, boolean overlong) {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        if (overlong) {
            bad(source, lineNumber, "is longer than " + MAX_LINE + " characters");
            return;
        }
        if (length == 0) {
            return;
        }
        int areaCode;
        int local;
        int end;
        if (length >= 11 && line[3] == ',') {
            areaCode = digits(line, 0, 3);
            local = digits(line, 4, 11);
            end = 11;
        } else if (length >= 10) {
            areaCode = digits(line, 0, 3);
            local = digits(line, 3, 10);
            end = 10;
        } else {
            bad(source, lineNumber, "is not AAA,NNNNNNN");
            return;
        }
        if (areaCode < 0 || local < 0) {
            bad(source, lineNumber, "is not AAA,NNNNNNN (digits only)");
            return;
        }
        if (areaCode < 200 || local < 2_000_000) {
            bad(source, lineNumber, "is not a NANP number: area code and exchange start with 2-9");
            return;
        }
        if (kind == Kind.CHANGES) {
            Boolean add = end < length && line[end] == ',' ? action(line, end + 1, length) : null;
            if (add == null) {
                bad(source, lineNumber, "has no change mark: a change list line is AAA,NNNNNNN,A or AAA,NNNNNNN,D "
                        + "(a date may stand before the mark: AAA,NNNNNNN,2026-11-30 10:00:00,A)");
                return;
            }
            numbers++;
            if (add) {
                sink.add(areaCode, local);
            } else {
                sink.remove(areaCode, local);
            }
            return;
        }
        if (end != length) {
            bad(source, lineNumber, "has more than AAA,NNNNNNN" + (line[end] == ',' ? " (a change mark? read it with --kind changes)" : ""));
            return;
        }
        numbers++;
        if (kind == Kind.DELETIONS) {
            sink.remove(areaCode, local);
        } else {
            sink.add(areaCode, local);
        }
    }

    private void bad(String source, long lineNumber, String why) {
        badLines++;
        sink.bad(source, lineNumber, why);
    }

    private static int digits(byte[] line, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            int digit = line[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return value;
    }

    /** A change's date as the registry writes it before the mark: the day, or the day and time (with or without seconds). */
    private static final java.util.regex.Pattern CHANGE_DATE =
            java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T]\\d{2}:\\d{2}(:\\d{2})?)?");

    /** TRUE for an addition, FALSE for a deletion, null for anything else. */
    private static Boolean action(byte[] line, int from, int to) {
        String mark = new String(line, from, to - from, java.nio.charset.StandardCharsets.US_ASCII).trim();
        int comma = mark.lastIndexOf(',');
        if (comma >= 0) {
            if (!CHANGE_DATE.matcher(mark.substring(0, comma).trim()).matches()) {
                return null;
            }
            mark = mark.substring(comma + 1).trim();
        }
        if (mark.equalsIgnoreCase("A") || mark.equalsIgnoreCase("ADD")) {
            return Boolean.TRUE;
        }
        if (mark.equalsIgnoreCase("D") || mark.equalsIgnoreCase("DELETE")) {
            return Boolean.FALSE;
        }
        return null;
    }
}
