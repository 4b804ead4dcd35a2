package org.consentry.testing;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.consentry.jurisdiction.AreaCodes;

/**
 * A Do-Not-Call registry made up for tests and benchmarks, as large as asked, and knowable number by number
 * without keeping it: a number is listed when a hash of it and the seed falls under the density. Like the real
 * one it covers the US geographic area codes (from the bundled NANP table), lists numbers only in exchanges
 * that are in service (about 70% of them, chosen by the same hash), and its files are sorted by area code and
 * number, one {@code AAA,NNNNNNN} line each.
 */
public final class SyntheticRegistry {

    /** How a file is stored. */
    public enum Compression { PLAIN, GZIP, ZIP }

    private static final double EXCHANGES_IN_SERVICE = 0.7;
    private static final int FIRST_LOCAL = 2_000_000;
    private static final int LOCAL_NUMBERS = 10_000_000;

    private final long seed;
    private final int[] areaCodes;
    private final long threshold;
    private final long exchangeThreshold;

    /** A registry of about {@code numbers} numbers over every US geographic area code. */
    public static SyntheticRegistry of(long numbers, long seed) {
        int[] codes = usAreaCodes();
        return new SyntheticRegistry(seed, codes, numbers);
    }

    /** A registry of about {@code numbers} numbers over the given area codes. */
    public SyntheticRegistry(long seed, int[] areaCodes, long numbers) {
        this.seed = seed;
        this.areaCodes = areaCodes.clone();
        java.util.Arrays.sort(this.areaCodes);
        double perAreaCode = (double) numbers / areaCodes.length;
        double density = perAreaCode / ((LOCAL_NUMBERS - FIRST_LOCAL) * EXCHANGES_IN_SERVICE);
        if (density > 1) {
            throw new IllegalArgumentException(numbers + " numbers do not fit in " + areaCodes.length + " area codes");
        }
        this.threshold = (long) (density * (1L << 53));
        this.exchangeThreshold = (long) (EXCHANGES_IN_SERVICE * (1L << 53));
    }

    /** The US area codes with a state in the bundled NANP table. */
    public static int[] usAreaCodes() {
        List<Integer> codes = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                SyntheticRegistry.class.getResourceAsStream(AreaCodes.FILE), StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String[] fields = line.split("\t");
                if (fields.length >= 3 && fields[0].matches("[2-9]\\d\\d") && "US".equals(fields[1]) && !"-".equals(fields[2])) {
                    codes.add(Integer.parseInt(fields[0]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes.stream().mapToInt(Integer::intValue).toArray();
    }

    public int[] areaCodes() {
        return areaCodes.clone();
    }

    /** Whether the registry lists {@code areaCode}-{@code local} (local: the seven digits). */
    public boolean listed(int areaCode, int local) {
        if (local < FIRST_LOCAL || java.util.Arrays.binarySearch(areaCodes, areaCode) < 0) {
            return false;
        }
        return inService(areaCode, local / 10_000) && (mix(seed ^ (areaCode * 10_000_000L + local)) >>> 11) < threshold;
    }

    /** Whether the registry lists the E.164 number {@code +1AAANNNNNNN}. */
    public boolean listed(String e164) {
        if (e164.length() != 12 || !e164.startsWith("+1")) {
            return false;
        }
        long national = Long.parseLong(e164.substring(2));
        return listed((int) (national / 10_000_000L), (int) (national % 10_000_000L));
    }

    private boolean inService(int areaCode, int exchange) {
        return (mix(~seed ^ (areaCode * 1_000L + exchange)) >>> 11) < exchangeThreshold;
    }

    /** splitmix64's finaliser: a good 64-bit mix. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** Writes every listed number, one file for the whole registry. @return how many */
    public long write(Path file, Compression compression) throws IOException {
        return write(file, compression, areaCodes);
    }

    /** Writes the listed numbers of some area codes. @return how many */
    public long write(Path file, Compression compression, int... only) throws IOException {
        try (OutputStream raw = Files.newOutputStream(file)) {
            switch (compression) {
                case GZIP:
                    try (OutputStream out = new BufferedOutputStream(new GZIPOutputStream(raw, 1 << 16), 1 << 16)) {
                        return writeLines(out, only);
                    }
                case ZIP:
                    try (ZipOutputStream zip = new ZipOutputStream(raw)) {
                        zip.putNextEntry(new ZipEntry(file.getFileName().toString().replaceAll("\\.zip$", "") + ".txt"));
                        OutputStream out = new BufferedOutputStream(zip, 1 << 16);
                        long written = writeLines(out, only);
                        out.flush();
                        zip.closeEntry();
                        return written;
                    }
                default:
                    try (OutputStream out = new BufferedOutputStream(raw, 1 << 20)) {
                        return writeLines(out, only);
                    }
            }
        }
    }

    private long writeLines(OutputStream out, int[] only) throws IOException {
        byte[] line = "000,0000000\n".getBytes(StandardCharsets.US_ASCII);
        long written = 0;
        for (int areaCode : only) {
            line[0] = (byte) ('0' + areaCode / 100);
            line[1] = (byte) ('0' + areaCode / 10 % 10);
            line[2] = (byte) ('0' + areaCode % 10);
            for (int exchange = 200; exchange < 1000; exchange++) {
                if (!inService(areaCode, exchange)) {
                    continue;
                }
                line[4] = (byte) ('0' + exchange / 100);
                line[5] = (byte) ('0' + exchange / 10 % 10);
                line[6] = (byte) ('0' + exchange % 10);
                long base = areaCode * 10_000_000L + exchange * 10_000L;
                for (int station = 0; station < 10_000; station++) {
                    if ((mix(seed ^ (base + station)) >>> 11) >= threshold) {
                        continue;
                    }
                    line[7] = (byte) ('0' + station / 1000);
                    line[8] = (byte) ('0' + station / 100 % 10);
                    line[9] = (byte) ('0' + station / 10 % 10);
                    line[10] = (byte) ('0' + station % 10);
                    out.write(line);
                    written++;
                }
            }
        }
        return written;
    }
}
