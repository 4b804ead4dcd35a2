package org.consentry.store.scrub;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.LongConsumer;
import org.consentry.consent.ContactState;
import org.consentry.policy.Channel;
import org.consentry.policy.FactSource;
import org.consentry.policy.Facts;
import org.consentry.policy.PolicyEngine;
import org.consentry.policy.Purpose;
import org.consentry.policy.Reason;
import org.consentry.policy.ReasonCode;
import org.consentry.policy.SendRequest;
import org.consentry.policy.Verdict;
import org.consentry.policy.rules.address.EmergencyNumbers;
import org.consentry.recipient.LineType;
import org.consentry.registry.RegistryFacts;
import org.consentry.store.facts.LedgerFacts;
import org.consentry.tenant.TenantProfile;

/**
 * Scrubs a contact list: every row of a CSV judged as if the tenant sent to its address at the planned time,
 * by the list rules ({@link org.consentry.policy.rules.StandardRulebook#forLists}) on the same facts a check
 * reads, and written back with every input column as it was plus {@code decision}, {@code reasons},
 * {@code not_before} and the address in canonical form ({@code e164}, or {@code address} for email).
 * Streams: rows are read in batches, judged on several threads, and written in their order; memory holds a
 * few batches whatever the file's size or width.
 */
public final class ListScrubber {

    /** The header names taken as a phone number column, in order of preference (compared without case, spaces, - and _). */
    static final List<String> PHONE_COLUMNS = List.of("e164", "phone", "phonenumber", "mobile", "mobilenumber", "mobilephone", "cell",
            "cellphone", "msisdn", "telephone", "tel", "number", "to");
    static final List<String> EMAIL_COLUMNS = List.of("email", "emailaddress", "mail", "address", "to");
    /** At most this many verdicts for numbers without a record are remembered during one scrub. */
    static final int MAX_PLACES = 65_536;

    /**
     * All that the list rules read of a number the tenant has no record of: where it is, its line type, the lists
     * that hold it, and which stores answered. Two such numbers with the same place get the same decision, codes and
     * time (only the explanations, which a scrub does not write, name the number), so a list of prospects, most of
     * whom the tenant never met, is judged once per place rather than once per row. Numbers short enough to be an
     * emergency or N11 number, and numbers reported disconnected, are always judged on their own.
     */
    private record Place(String country, Set<String> subdivisions, List<ZoneId> zones, LineType lineType, RegistryFacts registry,
                         Set<FactSource> unavailable) {

        static Place of(Facts facts, String raw) {
            if (facts.contact() != ContactState.EMPTY || facts.recipient().phone() == null || !EmergencyNumbers.tooLongForAny(raw)
                    || facts.registry().disconnectedAt() != null) {
                return null; // a disconnected number's date is its own: as a key it would only fill the memory
            }
            return new Place(facts.recipient().country(), facts.recipient().subdivisions(), facts.recipient().zones(),
                    facts.recipient().lineType(), facts.registry(), facts.unavailable());
        }

        /** Written out, as a record's generated hash and equality (a method-handle chain each) cost more than the row's look-ups. */
        @Override
        public int hashCode() {
            int hash = Objects.hashCode(country);
            hash = 31 * hash + subdivisions.hashCode();
            hash = 31 * hash + zones.hashCode();
            hash = 31 * hash + lineType.ordinal();
            hash = 31 * hash + (registry.onNationalDnc() ? 1 : 0) + (registry.blocked() ? 2 : 0) + (registry.nationalCoversAreaCode() ? 4 : 0);
            hash = 31 * hash + Objects.hashCode(registry.nationalAsOf());
            hash = 31 * hash + registry.stateDncLists().hashCode();
            hash = 31 * hash + Objects.hashCode(registry.disconnectedAt());
            return 31 * hash + unavailable.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Place place && Objects.equals(country, place.country) && lineType == place.lineType
                    && registry.onNationalDnc() == place.registry.onNationalDnc() && registry.blocked() == place.registry.blocked()
                    && registry.nationalCoversAreaCode() == place.registry.nationalCoversAreaCode()
                    && Objects.equals(registry.nationalAsOf(), place.registry.nationalAsOf())
                    && Objects.equals(registry.disconnectedAt(), place.registry.disconnectedAt())
                    && subdivisions.equals(place.subdivisions) && zones.equals(place.zones)
                    && registry.stateDncLists().equals(place.registry.stateDncLists()) && unavailable.equals(place.unavailable);
        }
    }

    /**
     * What to judge the list for. {@code column}: the address column's name, or null to find it by name;
     * {@code prerecorded} and {@code aiVoice}: the calls of the campaign (a live call is judged otherwise).
     */
    public record Request(TenantProfile tenant, Channel channel, Purpose purpose, Instant at, String country, String column,
                          boolean prerecorded, boolean aiVoice) {
        public Request(TenantProfile tenant, Channel channel, Purpose purpose, Instant at, String country, String column) {
            this(tenant, channel, purpose, at, country, column, false, false);
        }

        public Request {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(purpose, "purpose");
            Objects.requireNonNull(at, "at");
            country = country == null ? "US" : country;
        }
    }

    private final LedgerFacts facts;
    private final PolicyEngine engine;
    private final int threads;

    public ListScrubber(LedgerFacts facts, PolicyEngine engine, int threads) {
        this.facts = facts;
        this.engine = engine;
        this.threads = Math.max(1, threads);
    }

    /**
     * Reads the header and finds the address column. Separate from {@link #scrub} so that an API can refuse a
     * list before it starts answering. @throws ScrubException naming the columns when none is an address
     */
    public static int addressColumn(String header, Request request) {
        List<String> names = CsvRecords.fields(stripBom(header));
        if (request.column() != null) {
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (names.get(i).trim().equalsIgnoreCase(request.column().trim())) {
                    found = only(found, i, names);
                }
            }
            if (found >= 0) {
                return found;
            }
            throw new ScrubException("no column named '" + request.column() + "'; the columns are " + names);
        }
        List<String> wanted = request.channel().isPhone() ? PHONE_COLUMNS : EMAIL_COLUMNS;
        for (String candidate : wanted) {
            int found = -1;
            for (int i = 0; i < names.size(); i++) {
                if (simple(names.get(i)).equals(candidate)) {
                    found = only(found, i, names);
                }
            }
            if (found >= 0) {
                return found;
            }
        }
        throw new ScrubException("no column holds " + (request.channel().isPhone() ? "phone numbers" : "email addresses")
                + " by its name (" + String.join(", ", wanted) + "); the columns are " + names + "; name one with column");
    }

    /**
     * The one column of that name: with two, judging one would leave the other's addresses unjudged in a list
     * that reads as scrubbed.
     */
    private static int only(int found, int column, List<String> names) {
        if (found >= 0) {
            throw new ScrubException("columns " + (found + 1) + " and " + (column + 1) + " are both named '" + names.get(column).trim()
                    + "'; rename one, or name the address column with column");
        }
        return column;
    }

    private static String simple(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace(" ", "").replace("_", "").replace("-", "");
    }

    private static String stripBom(String header) {
        return !header.isEmpty() && header.charAt(0) == '\uFEFF' ? header.substring(1) : header;
    }

    /**
     * The header of the output: the input's, then the added columns (prefixed {@code consentry_} where a name is taken,
     * again as often as needed: a list scrubbed before holds the names of each scrub).
     */
    static String outputHeader(String header, Request request) {
        Set<String> taken = new java.util.HashSet<>();
        for (String name : CsvRecords.fields(stripBom(header))) {
            taken.add(name.trim().toLowerCase(Locale.ROOT));
        }
        StringBuilder out = new StringBuilder(header);
        for (String added : List.of("decision", "reasons", "not_before", request.channel().isPhone() ? "e164" : "address")) {
            String name = added;
            while (taken.contains(name)) {
                name = "consentry_" + name;
            }
            out.append(',').append(name);
        }
        return out.toString();
    }

    /**
     * Scrubs the whole list, UTF-8 CSV in and out. {@code progress} is told of each batch of rows done.
     * @throws ScrubException when the list is not CSV in UTF-8, naming the record at fault
     */
    public ScrubSummary scrub(InputStream input, OutputStream output, Request request, LongConsumer progress) throws IOException {
        return scrub(input, output, request, progress, CHUNK);
    }

    /** As above, cutting the input into chunks of about {@code chunkSize} bytes (small ones in the tests). */
    ScrubSummary scrub(InputStream input, OutputStream output, Request request, LongConsumer progress, int chunkSize) throws IOException {
        // a copy imported or mapped a moment ago is read against its checksums before any row is judged by it: a damaged
        // one is then out of force (its list unreadable, every row deferred) rather than relied on for a whole list
        facts.awaitRegistryChecks();
        CsvChunks chunks = new CsvChunks(input, chunkSize);
        CsvChunks.Chunk first = chunks.next();
        // a byte order mark is no part of the first column's name: read from there, a quoted name would be refused
        int bom = first != null && startsWithBom(first) ? BOM.length : 0;
        CsvRecords head = first == null ? null : new CsvRecords(first.bytes(), bom, first.length(), 0);
        if (head == null || !head.next()) {
            throw empty();
        }
        if (Utf8.firstInvalid(first.bytes(), head.start(), head.end()) >= 0) {
            throw notUtf8(1);
        }
        String header = head.text();
        if (header.isBlank()) {
            throw empty();
        }
        int column = addressColumn(header, request);
        int width = head.fields();
        output.write(BOM, 0, bom);
        output.write(outputHeader(header, request).getBytes(StandardCharsets.UTF_8));
        output.write(head.crlf() ? CRLF : LF);
        ScrubSummary summary = new ScrubSummary();
        Map<Place, Verdict> places = new ConcurrentHashMap<>();
        ExecutorService workers = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "consentry-scrub");
            thread.setDaemon(true);
            return thread;
        });
        // a row may be given up to width - 1 empty fields: a batch holds no more rows than keeps those within BATCH_BYTES
        int rowsPerBatch = Math.max(1, BATCH_BYTES / width);
        try {
            ArrayDeque<Future<Batch>> pending = new ArrayDeque<>();
            CsvChunks.Chunk chunk = first;
            int from = head.position();
            long before = 1;
            while (chunk != null) {
                byte[] bytes = chunk.bytes();
                for (int start = from, end; start < chunk.length(); start = end, before += rowsPerBatch) {
                    end = CsvChunks.afterRecords(bytes, start, chunk.length(), rowsPerBatch);
                    CsvRecords records = new CsvRecords(bytes, start, end, before);
                    int batchStart = start;
                    int batchEnd = end;
                    pending.add(workers.submit(() -> judge(records, bytes, batchStart, batchEnd, width, column, request, places)));
                    while (pending.size() > threads * 2) {
                        write(pending.poll(), output, summary, progress);
                    }
                }
                chunk = chunks.next();
                if (chunk != null) {
                    from = 0;
                    before = chunk.recordsBefore();
                }
            }
            while (!pending.isEmpty()) {
                write(pending.poll(), output, summary, progress);
            }
        } finally {
            workers.shutdownNow();
        }
        output.flush();
        return summary;
    }

    /** About how many bytes of the list are judged as one batch. */
    static final int CHUNK = 1 << 18;
    /**
     * About how many bytes of empty fields one batch may add to rows shorter than the header: a chunk whose rows could
     * take more (a wide header, short rows) is judged in several batches, so that what is held stays bounded.
     */
    static final int BATCH_BYTES = 16 << 20;
    private static final byte[] LF = {'\n'};
    private static final byte[] BOM = {(byte) 0xef, (byte) 0xbb, (byte) 0xbf};
    private static final byte[] CRLF = {'\r', '\n'};

    private static boolean startsWithBom(CsvChunks.Chunk chunk) {
        return chunk.length() >= BOM.length && Arrays.equals(chunk.bytes(), 0, BOM.length, BOM, 0, BOM.length);
    }

    /** Bytes that are not UTF-8 are refused, not guessed at: read in another encoding, a name would come back changed. */
    private static ScrubException notUtf8(long record) {
        return new ScrubException("record " + record + " is not UTF-8 text; save the list as UTF-8 (\"CSV UTF-8\" in a spreadsheet)");
    }

    private static ScrubException empty() {
        return new ScrubException("the list is empty: its first row names the columns, one of them the recipients' addresses");
    }

    private record Batch(byte[] bytes, int length, ScrubSummary summary) {
    }

    private static void write(Future<Batch> batch, OutputStream output, ScrubSummary summary, LongConsumer progress) throws IOException {
        Batch done = await(batch);
        output.write(done.bytes(), 0, done.length());
        summary.add(done.summary());
        progress.accept(done.summary().rows());
    }

    private static Batch await(Future<Batch> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("the scrub was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new UncheckedIOException(new IOException(e.getCause()));
        }
    }

    /** Rows whose facts are gathered together (see {@link LedgerFacts#resolveRecipients}). */
    static final int GROUP = 64;

    /**
     * Judges the records of {@code bytes[from, to)} and writes each back with its verdict's columns; a record with fewer
     * fields than the header gets empty ones, so that the added columns line up.
     */
    private Batch judge(CsvRecords records, byte[] bytes, int from, int to, int width, int column, Request request,
                        Map<Place, Verdict> places) {
        int invalid = Utf8.firstInvalid(bytes, from, to);
        if (invalid >= 0) {
            while (records.next() && records.position() <= invalid) {
                // read up to the record holding the byte (a fault in an earlier record is thrown as itself)
            }
            throw notUtf8(records.recordNumber());
        }
        ByteText text = new ByteText((to - from) + (to - from) / 2);
        ScrubSummary summary = new ScrubSummary();
        List<ReasonCode> codes = new ArrayList<>(4);
        int[] starts = new int[GROUP];
        int[] ends = new int[GROUP];
        boolean[] crlf = new boolean[GROUP];
        int[] missing = new int[GROUP];
        SendRequest[] sends = new SendRequest[GROUP];
        String[] raws = new String[GROUP];
        boolean more = true;
        while (more) {
            int count = 0;
            int contacts = 0;
            while (count < GROUP && (more = records.next())) {
                int fields = records.fields();
                if (fields > width) {
                    // the added columns would stand under the wrong names: a reader keeping rows by decision could keep a blocked one
                    throw new ScrubException("record " + records.recordNumber() + " has " + fields + " fields; the header names " + width);
                }
                starts[count] = records.start();
                ends[count] = records.end();
                crlf[count] = records.crlf();
                missing[count] = width - fields;
                if (records.end() > records.start()) {
                    raws[contacts] = records.field(column).trim();
                    sends[contacts++] = new SendRequest(request.channel(), "", raws[contacts - 1], request.purpose(), null, null, null,
                            request.at(), request.country(), null, request.aiVoice(), request.prerecorded(), false, null, null, false);
                }
                count++;
            }
            Facts[] facts = this.facts.resolveRecipients(request.tenant(), contacts == GROUP ? sends : Arrays.copyOf(sends, contacts));
            for (int i = 0, k = 0; i < count; i++) {
                if (ends[i] == starts[i]) {
                    // a blank line is not a contact: given back as it was, neither judged nor counted
                    text.newline(crlf[i]);
                    continue;
                }
                Facts rowFacts = facts[k];
                SendRequest send = sends[k];
                Place place = Place.of(rowFacts, raws[k++]);
                Verdict verdict = place == null ? null : places.get(place);
                if (verdict == null) {
                    verdict = engine.evaluate(send, rowFacts);
                    if (place != null && places.size() < MAX_PLACES) {
                        places.put(place, verdict);
                    }
                }
                codes.clear();
                text.bytes(bytes, starts[i], ends[i]);
                for (int m = missing[i]; m > 0; m--) {
                    text.ascii(',');
                }
                text.ascii(',').bytes(DECISIONS[verdict.decision().ordinal()]).ascii(',');
                List<Reason> reasons = verdict.reasons();
                for (int r = 0; r < reasons.size(); r++) {
                    ReasonCode code = reasons.get(r).code();
                    if (!codes.contains(code)) { // several rules may give one code (the federal and the state's quiet hours)
                        if (!codes.isEmpty()) {
                            text.ascii(';');
                        }
                        text.bytes(CODES[code.ordinal()]);
                        codes.add(code);
                    }
                }
                text.ascii(',');
                if (verdict.notBefore() != null) {
                    text.ascii(verdict.notBefore().toString());
                }
                text.ascii(',');
                if (rowFacts.recipient().valid()) {
                    text.utf8(rowFacts.recipient().key());
                }
                text.newline(crlf[i]);
                summary.count(verdict.decision(), codes);
            }
        }
        return new Batch(text.bytes, text.length, summary);
    }

    /** Each decision's and each reason code's name as written in the output, in ASCII. */
    private static final byte[][] DECISIONS = Arrays.stream(org.consentry.policy.Decision.values())
            .map(decision -> decision.wireName().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);
    private static final byte[][] CODES = Arrays.stream(ReasonCode.values())
            .map(code -> code.name().getBytes(StandardCharsets.US_ASCII)).toArray(byte[][]::new);

    /** A growing byte buffer for a batch's output; the added columns are ASCII but for an email address. */
    private static final class ByteText {
        byte[] bytes;
        int length;

        ByteText(int capacity) {
            bytes = new byte[Math.max(capacity, 256)];
        }

        private void room(int more) {
            if (length + more > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
            }
        }

        ByteText bytes(byte[] source) {
            return bytes(source, 0, source.length);
        }

        ByteText bytes(byte[] source, int from, int to) {
            room(to - from);
            System.arraycopy(source, from, bytes, length, to - from);
            length += to - from;
            return this;
        }

        ByteText ascii(char c) {
            room(1);
            bytes[length++] = (byte) c;
            return this;
        }

        ByteText ascii(String text) {
            int size = text.length();
            room(size);
            for (int i = 0; i < size; i++) {
                bytes[length++] = (byte) text.charAt(i);
            }
            return this;
        }

        void utf8(String text) {
            byte[] encoded = text.getBytes(StandardCharsets.UTF_8);
            bytes(encoded, 0, encoded.length);
        }

        void newline(boolean crlf) {
            if (crlf) {
                ascii('\r');
            }
            ascii('\n');
        }
    }
}
