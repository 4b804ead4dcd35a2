package org.consentry.store.scrub;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.consentry.consent.ConsentMethod;
import org.consentry.ledger.ConsentEvidence;
import org.consentry.ledger.NumbersReported;
import org.consentry.policy.Channel;
import org.consentry.policy.Decision;
import org.consentry.policy.OptOutScope;
import org.consentry.policy.Purpose;
import org.consentry.policy.ReasonCode;
import org.consentry.registry.RegistryFiles;
import org.consentry.store.registry.RegistryImport;
import org.consentry.store.Store;
import org.consentry.store.consent.NewConsent;
import org.consentry.store.testing.StoreFixture;
import org.consentry.tenant.TenantProfile;
import org.consentry.testing.SyntheticRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A list whose every row's answer is known from how it was made: the generator picks each row's kind
 * (consented, opted out, on the registries, reassigned, in a zone where it is still night...) and writes the
 * answer the law gives for that kind beside it; the scrub must agree on every row, in order, with every input
 * column given back as written.
 */
class ListScrubberTest {

    /** Monday 16 March 2026, 14:30 UTC: 10:30 in New York and Miami, 07:30 in San Francisco (before 08:00). */
    static final Instant AT = Instant.parse("2026-03-16T14:30:00Z");
    static final Instant SF_OPENS = Instant.parse("2026-03-16T15:00:00Z");
    static final Instant REGISTRY_AS_OF = Instant.parse("2026-03-10T00:00:00Z");
    static final int POOL = 200;

    @TempDir
    Path folder;

    StoreFixture fixture;
    Store store;
    TenantProfile tenant;
    SyntheticRegistry national;

    @BeforeEach
    void setUp() throws IOException {
        fixture = new StoreFixture(folder.resolve("data"));
        store = fixture.store();
        String id = fixture.tenantWithSender("Acme");
        national = new SyntheticRegistry(42, new int[] {212, 305, 415}, 6_000_000);
        Path file = folder.resolve("national.txt.gz");
        national.write(file, SyntheticRegistry.Compression.GZIP);
        store.registries().importFiles("national", RegistryFiles.Kind.FULL, REGISTRY_AS_OF, 0, List.of(file), RegistryImport.Progress.NONE,
                StoreFixture.START);
        Path florida = Files.writeString(folder.resolve("fl.txt"), floridaList(national));
        store.registries().importFiles("state:FL", RegistryFiles.Kind.FULL, REGISTRY_AS_OF, 0, List.of(florida), RegistryImport.Progress.NONE,
                StoreFixture.START);
        List<NewConsent> consents = new ArrayList<>();
        for (int k = 0; k < POOL; k++) {
            consents.add(consent(Kind.CONSENTED.number(k, national)));
            consents.add(consent(Kind.CONSENTED_ON_REGISTRY.number(k, national)));
            consents.add(consent(Kind.CONSENTED_AT_NIGHT.number(k, national)));
            consents.add(consent(Kind.OPTED_OUT.number(k, national)));
            consents.add(consent(Kind.REASSIGNED.number(k, national)));
        }
        tenant = store.directory().tenant(id).orElseThrow();
        store.consents().importAll(id, tenant.settings(), consents);
        List<NumbersReported.Entry> disconnected = new ArrayList<>();
        for (int k = 0; k < POOL; k++) {
            store.optOuts().optOut(id, Kind.OPTED_OUT.number(k, national), java.util.EnumSet.allOf(OptOutScope.class), StoreFixture.START, "reply STOP");
            disconnected.add(new NumbersReported.Entry(Kind.REASSIGNED.number(k, national), "2026-02-01T00:00:00Z"));
        }
        store.providerData().reportDisconnected(disconnected);
    }

    private static String floridaList(SyntheticRegistry national) {
        StringBuilder list = new StringBuilder();
        for (int k = 0; k < POOL * 10; k++) {
            String number = Kind.ON_BOTH_LISTS.number(k, national);
            list.append("305,").append(number.substring(5)).append('\n');
        }
        return list.toString();
    }

    private static NewConsent consent(String address) {
        return new NewConsent(address, Channel.SMS, Purpose.MARKETING, ConsentMethod.WEB_FORM, Instant.parse("2026-01-10T15:00:00Z"), true,
                new ConsentEvidence("203.0.113.7", "Mozilla/5.0", "https://shop.example/join",
                        "By checking this box you agree to receive up to 4 marketing texts a month from Acme. Reply STOP to opt out.", "4/month"));
    }

    /** The kinds of rows, each with the number it uses for row k and the answer it must get. */
    enum Kind {
        CONSENTED("allow", "", null),
        CONSENTED_ON_REGISTRY("allow", "", null),
        NO_CONSENT("block", "CONSENT_MISSING", null),
        NO_CONSENT_ON_REGISTRY("block", "CONSENT_MISSING;DNC_NATIONAL", null),
        ON_BOTH_LISTS("block", "CONSENT_MISSING;DNC_NATIONAL;DNC_STATE", null),
        CONSENTED_AT_NIGHT("defer", "QUIET_HOURS", SF_OPENS),
        NO_CONSENT_AT_NIGHT("block", "CONSENT_MISSING;QUIET_HOURS", null),
        OPTED_OUT("block", "OPTED_OUT;CONSENT_REVOKED", null),
        REASSIGNED("block", "CONSENT_PREDATES_REASSIGNMENT", null),
        INVALID("block", "INVALID_ADDRESS", null);

        final String decision;
        final String reasons;
        final Instant notBefore;

        Kind(String decision, String reasons, Instant notBefore) {
            this.decision = decision;
            this.reasons = reasons;
            this.notBefore = notBefore;
        }

        /** Row k's number (a pool of {@value #POOL} for kinds that need records), chosen to be on the registry or not as the kind says. */
        String number(long k, SyntheticRegistry registry) {
            switch (this) {
                case CONSENTED: return find(212, 2_000_000 + k % POOL * 97, false, registry);
                case CONSENTED_ON_REGISTRY: return find(212, 3_000_000 + k % POOL * 97, true, registry);
                case NO_CONSENT: return find(212, 4_000_000 + k % 900_000 * 7, false, registry);
                case NO_CONSENT_ON_REGISTRY: return find(212, 4_000_003 + k % 900_000 * 7, true, registry);
                case ON_BOTH_LISTS: return find(305, 8_000_000 + k % (POOL * 10) * 97, true, registry);
                case CONSENTED_AT_NIGHT: return find(415, 2_000_000 + k % POOL * 97, false, registry);
                case NO_CONSENT_AT_NIGHT: return find(415, 4_000_000 + k % 900_000 * 7, false, registry);
                case OPTED_OUT: return find(212, 6_000_000 + k % POOL * 97, false, registry);
                case REASSIGNED: return find(212, 7_000_000 + k % POOL * 97, false, registry);
                default: return "not a number " + k;
            }
        }

        private static String find(int areaCode, long from, boolean listed, SyntheticRegistry registry) {
            for (long local = from; ; local++) {
                if (registry.listed(areaCode, (int) local) == listed) {
                    return "+1" + areaCode + local;
                }
            }
        }
    }

    /** Writes the row the way people's lists hold numbers: several shapes, a quoted name with a comma. */
    private static String row(long i, String number) {
        String written;
        switch ((int) (i % 4)) {
            case 0: written = number; break;
            case 1: written = number.startsWith("+1") ? "(" + number.substring(2, 5) + ") " + number.substring(5, 8) + "-" + number.substring(8) : number; break;
            case 2: written = number.startsWith("+1") ? number.substring(2, 5) + "." + number.substring(5, 8) + "." + number.substring(8) : number; break;
            default: written = number.startsWith("+1") ? "\"1-" + number.substring(2, 5) + "-" + number.substring(5, 8) + "-" + number.substring(8) + "\"" : number;
        }
        return i + ",\"Doe, \"\"J\"\" " + i + "\"," + written + ",note " + (i % 13);
    }

    @Test
    void aMillionRowsWithKnownAnswersAreEachScrubbedRight() throws IOException {
        int rows = 1_000_000;
        Kind[] kinds = Kind.values();
        Path input = folder.resolve("contacts.csv");
        try (BufferedWriter out = Files.newBufferedWriter(input, StandardCharsets.UTF_8)) {
            out.write("id,name,Phone Number,notes\n");
            for (long i = 0; i < rows; i++) {
                Kind kind = kinds[(int) (i % kinds.length)];
                out.write(row(i, kind.number(i / kinds.length, national)));
                out.write('\n');
            }
        }
        Path output = folder.resolve("scrubbed.csv");
        ScrubSummary summary;
        long[] progressed = {0};
        try (InputStream in = Files.newInputStream(input);
             OutputStream out = new BufferedOutputStream(Files.newOutputStream(output))) {
            summary = store.scrubber().scrub(in, out, new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null),
                    done -> progressed[0] += done);
        }
        assertThat(summary.rows()).isEqualTo(rows);
        assertThat(progressed[0]).isEqualTo(rows);
        try (BufferedReader scrubbed = Files.newBufferedReader(output, StandardCharsets.UTF_8);
             BufferedReader original = Files.newBufferedReader(input, StandardCharsets.UTF_8)) {
            assertThat(scrubbed.readLine()).isEqualTo("id,name,Phone Number,notes,decision,reasons,not_before,e164");
            original.readLine();
            for (long i = 0; i < rows; i++) {
                Kind kind = kinds[(int) (i % kinds.length)];
                String number = kind.number(i / kinds.length, national);
                String expected = original.readLine() + "," + kind.decision + "," + kind.reasons + ","
                        + (kind.notBefore == null ? "" : kind.notBefore.toString()) + "," + (kind == Kind.INVALID ? "" : number);
                String actual = scrubbed.readLine();
                if (!expected.equals(actual)) {
                    throw new AssertionError("row " + (i + 1) + " (" + kind + "): expected\n  " + expected + "\nbut was\n  " + actual);
                }
            }
            assertThat(scrubbed.readLine()).as("nothing more").isNull();
        }
        assertThat(summary.count(Decision.ALLOW)).isEqualTo(rows / kinds.length * 2);
        assertThat(summary.count(Decision.DEFER)).isEqualTo(rows / kinds.length);
        assertThat(summary.removedBy().get(ReasonCode.CONSENT_MISSING)).isEqualTo(rows / kinds.length * 4);
        assertThat(summary.removedBy().get(ReasonCode.DNC_NATIONAL)).isEqualTo(rows / kinds.length * 2);
        assertThat(summary.toJson()).startsWith("{\"rows\":1000000,\"allow\":200000,\"defer\":100000,\"block\":700000,"
                + "\"removed_by_reason\":{\"CONSENT_MISSING\":400000,");
    }

    private String scrub(String csv, String column, Channel channel) throws IOException {
        return scrub(csv, new ListScrubber.Request(tenant, channel, Purpose.MARKETING, AT, "US", column));
    }

    /**
     * The list scrubbed as it is read (in chunks of a quarter megabyte), and again cut into chunks of a few bytes, so
     * that every record boundary falls at a chunk's edge somewhere: the two answers (or refusals) must be the same.
     */
    private String scrub(String csv, ListScrubber.Request request) throws IOException {
        return scrubBytes(csv.getBytes(StandardCharsets.UTF_8), request);
    }

    private String scrubBytes(byte[] csv, ListScrubber.Request request) throws IOException {
        String whole = null;
        RuntimeException refused = null;
        try {
            whole = scrubbed(csv, request, ListScrubber.CHUNK);
        } catch (ScrubException e) {
            refused = e;
        }
        for (int chunk : new int[] {1, 3, 16}) {
            if (refused == null) {
                assertThat(scrubbed(csv, request, chunk)).as("in chunks of %d bytes", chunk).isEqualTo(whole);
            } else {
                assertThatThrownBy(() -> scrubbed(csv, request, chunk)).as("in chunks of %d bytes", chunk).hasMessage(refused.getMessage());
            }
        }
        if (refused != null) {
            throw refused;
        }
        return whole;
    }

    private String scrubbed(byte[] csv, ListScrubber.Request request, int chunk) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        store.scrubber().scrub(new ByteArrayInputStream(csv), out, request, done -> { }, chunk);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A row short of the header's fields gets empty ones, so that decision stands under "decision"; a longer row is refused. */
    @Test
    void aRegistryCopyDamagedOnDiskIsNotReliedOnByAScrubBegunTheMomentItIsMapped() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThat(scrub("phone\n" + number + "\n", null, Channel.SMS)).contains(",allow,");
        // one bit of the national copy flipped on disk; the server maps the changed file and checks it on a thread of its own
        Path copy = folder.resolve("data").resolve(Store.REGISTRIES).resolve("national.dnc");
        byte[] bytes = Files.readAllBytes(copy);
        bytes[bytes.length - 1] ^= 0x01;
        Files.write(copy, bytes);
        Files.setLastModifiedTime(copy, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        store.registries().refresh();
        // the scrub waits for the check: every row needing the copy is deferred, none judged by the damaged numbers
        assertThat(scrub("phone\n" + number + "\n", null, Channel.SMS)).contains(",defer,").contains("STORE_UNAVAILABLE");
    }

    @Test
    void theAddedColumnsStandUnderTheirNamesWhateverARowsLength() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThat(scrub("name,phone,note\nJo," + number + "\n", null, Channel.SMS))
                .isEqualTo("name,phone,note,decision,reasons,not_before,e164\nJo," + number + ",,allow,,," + number + "\n");
        assertThat(scrub("name,phone,note\nJo,\"" + number + "\",\"a, b\"\n", null, Channel.SMS))
                .as("separators inside quotes do not count").endsWith(",\"a, b\",allow,,," + number + "\n");
        assertThatThrownBy(() -> scrub("name,phone\nJo," + number + "\nAl," + number + ",extra\n", null, Channel.SMS))
                .hasMessageContaining("record 3 has 3 fields; the header names 2");
    }

    /** At 21:30 in Miami both the federal and Florida's hours are closed: the row says QUIET_HOURS once, and is counted once. */
    @Test
    void aCodeGivenByTwoRulesIsWrittenAndCountedOnce() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ScrubSummary summary = store.scrubber().scrub(new ByteArrayInputStream("phone\n+13055550177\n".getBytes(StandardCharsets.UTF_8)), out,
                new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, Instant.parse("2026-03-17T01:30:00Z"), "US", null), done -> { });
        String reasons = out.toString(StandardCharsets.UTF_8).split("\n")[1].split(",")[2];
        assertThat(reasons.split(";")).contains("CONSENT_MISSING").containsOnlyOnce("QUIET_HOURS");
        assertThat(summary.removedBy()).containsEntry(ReasonCode.QUIET_HOURS, 1L).containsEntry(ReasonCode.CONSENT_MISSING, 1L);
    }

    @Test
    void theAddressColumnIsFoundByNameOrNamedAndCrlfAndQuotedLineBreaksArePreserved() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThat(scrub("first,cell\r\n\"two\r\nlines\"," + number + "\r\n", null, Channel.SMS))
                .isEqualTo("first,cell,decision,reasons,not_before,e164\r\n\"two\r\nlines\"," + number + ",allow,,," + number + "\r\n");
        assertThat(scrub("a,b\nx," + number + "\n", "B", Channel.SMS)).endsWith("x," + number + ",allow,,," + number + "\n");
        assertThat(scrub("phone,decision\n" + number + ",keep\n", null, Channel.SMS))
                .as("a name already taken gets a prefix").startsWith("phone,decision,consentry_decision,reasons,not_before,e164\n");
        assertThat(scrub("email\nnobody@example.com", null, Channel.EMAIL))
                .isEqualTo("email,decision,reasons,not_before,address\nnobody@example.com,block,CONSENT_MISSING,,nobody@example.com\n");
    }

    /**
     * A list scrubbed each month from the last month's answer: the third time its header held decision and
     * consentry_decision both, and the answer added a second consentry_decision (and reasons, not_before, e164), so that
     * a reader by name found last month's decision first.
     */
    @Test
    void aListScrubbedAgainAndAgainNeverHasTwoColumnsOfOneName() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        String answer = "phone\n" + number + "\n";
        for (int scrub = 0; scrub < 3; scrub++) {
            answer = scrub(answer, "phone", Channel.SMS);
        }
        List<String> header = List.of(answer.split("\n")[0].split(","));
        assertThat(header).doesNotHaveDuplicates().endsWith("consentry_consentry_decision", "consentry_consentry_reasons",
                "consentry_consentry_not_before", "consentry_consentry_e164");
    }

    @Test
    void blankLinesAreGivenBackUnjudgedAndVoiceCampaignsAreJudgedAsTheirCallsAre() throws IOException {
        String number = Kind.NO_CONSENT.number(0, national);
        assertThat(scrub("phone\r\n" + number + "\r\n\r\n", null, Channel.SMS))
                .isEqualTo("phone,decision,reasons,not_before,e164\r\n" + number + ",block,CONSENT_MISSING,," + number + "\r\n\r\n");
        String live = scrub("phone\n" + number + "\n", new ListScrubber.Request(tenant, Channel.VOICE, Purpose.MARKETING, AT, "US", null, false, false));
        String prerecorded = scrub("phone\n" + number + "\n", new ListScrubber.Request(tenant, Channel.VOICE, Purpose.MARKETING, AT, "US", null, true, true));
        assertThat(live).doesNotContain("MOBILE_WITHOUT_PERMISSION").doesNotContain("AI_VOICE_WITHOUT_CONSENT");
        assertThat(prerecorded).contains("MOBILE_WITHOUT_PERMISSION").contains("AI_VOICE_WITHOUT_CONSENT");
    }

    @Test
    void aListWithoutAnAddressColumnOrWithAnUnclosedQuoteIsRefusedWithWhatToFix() {
        assertThatThrownBy(() -> scrub("id,name\n1,Jo\n", null, Channel.SMS)).isInstanceOf(ScrubException.class)
                .hasMessageContaining("no column holds phone numbers").hasMessageContaining("[id, name]");
        assertThatThrownBy(() -> scrub("id,name\n1,Jo\n", "mobile", Channel.SMS)).hasMessageContaining("no column named 'mobile'");
        assertThatThrownBy(() -> scrub("", null, Channel.SMS)).hasMessageContaining("the list is empty");
        assertThatThrownBy(() -> scrub("phone,name,Phone\n+13055550100,Jo,+13055550101\n", null, Channel.SMS))
                .as("two address columns: one would go unjudged").hasMessageContaining("columns 1 and 3 are both named 'Phone'");
        assertThatThrownBy(() -> scrub("mobile,mobile\n+13055550100,+13055550101\n", "mobile", Channel.SMS))
                .hasMessageContaining("columns 1 and 2 are both named 'mobile'");
        assertThatThrownBy(() -> scrub("phone\n\"+13055550100\n", null, Channel.SMS)).hasMessageContaining("record 2 opens a quote that never closes");
        assertThatThrownBy(() -> scrub("phone,note\n+13055550100,12\" screen\n+13055550101,x\n+13055550102,5\" y\n", null, Channel.SMS))
                .as("a stray quote would join rows").hasMessageContaining("record 2 has a quote inside a field");
        assertThatThrownBy(() -> scrub("phone,note\n+13055550100,\"a\"b\n", null, Channel.SMS)).hasMessageContaining("record 2 has a quote");
    }

    /**
     * A spreadsheet ends a line at a carriage return alone (a list saved as "CSV (Macintosh)" has no other line end),
     * where RFC 4180 ends records only at LF or CRLF: read as data, the whole list was one header and no row was
     * judged, or a row's verdict was written after a line end of its own. Refused instead, naming the record.
     */
    @Test
    void aCarriageReturnOutsideQuotesThatEndsNoLineIsRefused() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThatThrownBy(() -> scrub("id,phone,name\r1," + number + ",Al\r2,+13055550101,Bo\r", null, Channel.SMS))
                .isInstanceOf(ScrubException.class).hasMessageContaining("record 1 has a carriage return");
        assertThatThrownBy(() -> scrub("phone,name\n" + number + ",\"Al\"\r\r\n", null, Channel.SMS))
                .hasMessageContaining("record 2 has a carriage return");
        assertThatThrownBy(() -> scrub("phone,name\n" + number + ",Al\r", null, Channel.SMS)).hasMessageContaining("record 2 has a carriage return");
        assertThatThrownBy(() -> scrub("name,phone\n\"Al\"\r," + number + "\n", null, Channel.SMS)).hasMessageContaining("record 2 has a carriage return");
        assertThat(scrub("name,phone\r\n\"A\rl\"," + number + "\r\n", null, Channel.SMS)).as("inside quotes it is data")
                .isEqualTo("name,phone,decision,reasons,not_before,e164\r\n\"A\rl\"," + number + ",allow,,," + number + "\r\n");
    }

    /** Excel's "CSV UTF-8" starts with a byte order mark, and some exporters quote every field, the header's too. */
    @Test
    void aByteOrderMarkBeforeAQuotedHeaderIsGivenBackAndTheHeaderRead() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThat(scrub("\uFEFF\"id\",\"Phone\"\r\n\"1\",\"" + number + "\"\r\n", null, Channel.SMS))
                .isEqualTo("\uFEFF\"id\",\"Phone\",decision,reasons,not_before,e164\r\n\"1\",\"" + number + "\",allow,,," + number + "\r\n");
        assertThat(scrub("\uFEFF\"Phone\"\n" + number + "\n", "phone", Channel.SMS))
                .isEqualTo("\uFEFF\"Phone\",decision,reasons,not_before,e164\n" + number + ",allow,,," + number + "\n");
        assertThatThrownBy(() -> scrub("\uFEFF", null, Channel.SMS)).hasMessageContaining("the list is empty");
    }

    /** The list's bytes are given back as they came, whatever their script; a list that is not UTF-8 is refused, not mangled. */
    @Test
    void otherColumnsAreGivenBackByteForByteAndAListNotInUtf8IsRefused() throws IOException {
        String number = Kind.CONSENTED.number(0, national);
        assertThat(scrub("nom,téléphone,note\nJosé Müller,\"" + number + "\",\"😀 \"\"citó\"\"\"\n", "téléphone", Channel.SMS))
                .isEqualTo("nom,téléphone,note,decision,reasons,not_before,e164\nJosé Müller,\"" + number + "\",\"😀 \"\"citó\"\"\",allow,,," + number + "\n");
        byte[] latin1 = ("name,phone\nAl," + number + "\n\"Jo\nJo\"," + number + "\nJos\u00e9," + number + "\n").getBytes(StandardCharsets.ISO_8859_1);
        ListScrubber.Request request = new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null);
        assertThatThrownBy(() -> scrubBytes(latin1, request)).as("named by its record, a quoted line break counted as none")
                .isInstanceOf(ScrubException.class).hasMessageContaining("record 4 is not UTF-8 text");
        byte[] badHeader = "t\u00e9l\u00e9phone\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> scrubBytes(badHeader, request)).hasMessageContaining("record 1 is not UTF-8 text");
    }

    /**
     * A row shorter than the header gets empty fields, so a list of short rows under a wide header writes far more than
     * it reads (a 1,000-column header and rows of two bytes: 500 times). The answer is still written a bounded batch at
     * a time, so that a small upload cannot make the server hold gigabytes (a 1 MB header of commas: a terabyte per chunk).
     */
    @Test
    void shortRowsUnderAWideHeaderAreWrittenInBoundedBatches() throws IOException {
        String header = "phone" + ",c".repeat(999);
        byte[] csv = (header + "\n" + "x\n".repeat(ListScrubber.CHUNK / 2)).getBytes(StandardCharsets.UTF_8);
        long[] written = {0, 0};
        OutputStream counting = new OutputStream() {
            @Override public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override public void write(byte[] bytes, int offset, int length) {
                written[0] += length;
                written[1] = Math.max(written[1], length);
            }
        };
        ScrubSummary summary = store.scrubber().scrub(new ByteArrayInputStream(csv), counting,
                new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null), done -> { });
        assertThat(summary.rows()).isEqualTo(ListScrubber.CHUNK / 2);
        String row = "x" + ",".repeat(999) + ",block,INVALID_ADDRESS,,\n";
        assertThat(written[0]).isEqualTo(header.length() + ",decision,reasons,not_before,e164\n".length() + (long) row.length() * summary.rows());
        assertThat(written[1]).as("the largest batch written").isLessThanOrEqualTo(2L * ListScrubber.BATCH_BYTES);
    }

    /** A quote left open swallows the rest of the file: refused once the record passes a megabyte, not read to the end. */
    @Test
    void aRecordLongerThanAMegabyteIsRefusedByNumber() {
        String open = "phone,note\n+13055550100,x\n+13055550101,\"" + "y".repeat(CsvRecords.MAX_RECORD) + "\n+13055550102,z\n";
        assertThatThrownBy(() -> scrubbed(open.getBytes(StandardCharsets.UTF_8),
                new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null), 1 << 18))
                .isInstanceOf(ScrubException.class).hasMessageContaining("record 3 is longer than 1048576 bytes");
        String stray = "phone,note\n+13055550100,x\n+13055550101,12\" screen\n" + "+13055550102,z\n".repeat(80_000);
        assertThatThrownBy(() -> scrubbed(stray.getBytes(StandardCharsets.UTF_8),
                new ListScrubber.Request(tenant, Channel.SMS, Purpose.MARKETING, AT, "US", null), 1 << 18))
                .as("a stray quote is named as such, not as a long record").hasMessageContaining("record 3 has a quote inside a field");
    }
}
