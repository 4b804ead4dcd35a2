package org.consentry.address;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * libphonenumber's verdict on every seven-digit NANP prefix (area codes 200-999), computed ahead by the fast
 * path's own sampling and bundled as {@value #RESOURCE}: a process that meets millions of numbers (a list scrub)
 * then never waits for libphonenumber to learn them. The table names the libphonenumber version it was made
 * with; under any other version it is not used (the fast path learns as it goes) and a warning says to
 * regenerate it ({@code NanpPrefixTableGenerator} in the tests).
 *
 * <p>Format (gzip): {@code CNSRYNANP1}, the version (UTF), the regions (count, then each as UTF), then one
 * byte per prefix, area code 200 first: {@value #INVALID} invalid, {@value #MIXED} mixed (validate in full),
 * {@value #VALID}+i valid in region i.
 */
public final class NanpPrefixTable {

    static final String RESOURCE = "/org/consentry/address/nanp-prefixes.bin.gz";
    static final int INVALID = 1;
    static final int MIXED = 2;
    static final int VALID = 3;
    static final int FIRST_AREA_CODE = 200;
    static final int PREFIXES = (1000 - FIRST_AREA_CODE) * 10_000;
    private static final String MAGIC = "CNSRYNANP1";
    private static final System.Logger LOG = System.getLogger(NanpPrefixTable.class.getName());
    private static volatile NanpPrefixTable bundled;
    private static volatile boolean looked;

    private final String version;
    private final List<String> regions;
    /**
     * The code of each exchange (the first six digits, area code 200 first) when its ten thousand-blocks share one,
     * else {@link #BY_BLOCK}: all but a handful of the 800,000 exchanges do, so the table is 800 KB, which stays in
     * the processor's cache, where one byte per prefix (8 MB) missed it on nearly every number of a list.
     */
    private final byte[] exchanges;
    /** The exchanges whose blocks differ, ascending, and their blocks' codes. */
    private final int[] splitExchanges;
    private final byte[][] splitBlocks;
    private static final int EXCHANGES = PREFIXES / 10;
    private static final byte BY_BLOCK = 0;

    NanpPrefixTable(String version, List<String> regions, byte[] codes) {
        if (codes.length != PREFIXES) {
            throw new IllegalArgumentException("a table holds " + PREFIXES + " prefixes, not " + codes.length);
        }
        this.version = version;
        this.regions = List.copyOf(regions);
        this.exchanges = new byte[EXCHANGES];
        List<Integer> split = new ArrayList<>();
        for (int exchange = 0; exchange < EXCHANGES; exchange++) {
            byte first = codes[exchange * 10];
            boolean uniform = first != BY_BLOCK;
            for (int block = 1; block < 10 && uniform; block++) {
                uniform = codes[exchange * 10 + block] == first;
            }
            if (uniform) {
                exchanges[exchange] = first;
            } else {
                split.add(exchange);
            }
        }
        this.splitExchanges = split.stream().mapToInt(Integer::intValue).toArray();
        this.splitBlocks = new byte[splitExchanges.length][];
        for (int i = 0; i < splitExchanges.length; i++) {
            splitBlocks[i] = Arrays.copyOfRange(codes, splitExchanges[i] * 10, splitExchanges[i] * 10 + 10);
        }
    }

    /** The bundled table when it was made with the libphonenumber version in use, else null. Read once. */
    static NanpPrefixTable bundled() {
        if (!looked) {
            synchronized (NanpPrefixTable.class) {
                if (!looked) {
                    bundled = load();
                    looked = true;
                }
            }
        }
        return bundled;
    }

    private static NanpPrefixTable load() {
        String inUse = libphonenumberVersion();
        try (InputStream in = NanpPrefixTable.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return null;
            }
            NanpPrefixTable table = read(in);
            if (inUse == null || !inUse.equals(table.version)) {
                LOG.log(System.Logger.Level.WARNING, "the NANP prefix table was made with libphonenumber {0} and {1} is in use: numbers "
                        + "are validated as they come (slower the first time); regenerate it with NanpPrefixTableGenerator", table.version, inUse);
                return null;
            }
            return table;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }

    /** The version of the libphonenumber jar in use, from its Maven properties; null when they are not on the class path. */
    static String libphonenumberVersion() {
        try (InputStream in = NanpPrefixTable.class.getResourceAsStream(
                "/META-INF/maven/com.googlecode.libphonenumber/libphonenumber/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    static NanpPrefixTable read(InputStream stored) throws IOException {
        DataInputStream in = new DataInputStream(new GZIPInputStream(stored, 1 << 16));
        if (!MAGIC.equals(in.readUTF())) {
            throw new IOException(RESOURCE + " is not a NANP prefix table");
        }
        String version = in.readUTF();
        int count = in.readUnsignedByte();
        List<String> regions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            regions.add(in.readUTF());
        }
        byte[] codes = new byte[PREFIXES];
        in.readFully(codes);
        return new NanpPrefixTable(version, regions, codes);
    }

    void write(OutputStream out) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream data = new DataOutputStream(new GZIPOutputStream(bytes))) {
            data.writeUTF(MAGIC);
            data.writeUTF(version);
            data.writeByte(regions.size());
            for (String region : regions) {
                data.writeUTF(region);
            }
            data.write(codes());
        }
        out.write(bytes.toByteArray());
    }

    /** The code of prefix {@code rest} (the four digits after the area code) of an area code. */
    int code(int areaCode, int rest) {
        int exchange = (areaCode - FIRST_AREA_CODE) * 1_000 + rest / 10;
        byte code = exchanges[exchange];
        if (code != BY_BLOCK) {
            return code;
        }
        return splitBlocks[Arrays.binarySearch(splitExchanges, exchange)][rest % 10];
    }

    /** One byte per prefix, as the file holds them. */
    private byte[] codes() {
        byte[] codes = new byte[PREFIXES];
        for (int exchange = 0; exchange < EXCHANGES; exchange++) {
            Arrays.fill(codes, exchange * 10, exchange * 10 + 10, exchanges[exchange]);
        }
        for (int i = 0; i < splitExchanges.length; i++) {
            System.arraycopy(splitBlocks[i], 0, codes, splitExchanges[i] * 10, 10);
        }
        return codes;
    }

    String version() {
        return version;
    }

    List<String> regions() {
        return regions;
    }

    @Override public String toString() {
        return "NANP prefix table (libphonenumber " + version + ", " + regions.size() + " regions, "
                + PREFIXES + " prefixes)";
    }
}
