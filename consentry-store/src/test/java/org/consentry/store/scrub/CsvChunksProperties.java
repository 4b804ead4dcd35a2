package org.consentry.store.scrub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The list is read by cutting it into chunks of whole records on one thread and reading each chunk's records on
 * another: wherever the cuts fall, the records (or the refusal) are those of the list read in one piece, and a list
 * written by the rules of RFC 4180 reads back as written.
 */
class CsvChunksProperties {

    @Property(tries = 400)
    void whereverTheChunksAreCutTheRecordsAreTheSame(@ForAll("csvText") String text, @ForAll @IntRange(min = 1, max = 48) int chunk) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, chunk)).isEqualTo(read(bytes, 1 << 20));
    }

    @Property(tries = 300)
    void aListWrittenByTheRulesReadsBackAsWritten(@ForAll("rows") List<List<String>> rows, @ForAll boolean crlf,
                                                  @ForAll @IntRange(min = 1, max = 48) int chunk) throws IOException {
        StringBuilder csv = new StringBuilder();
        List<String> expected = new ArrayList<>();
        for (List<String> row : rows) {
            List<String> written = row.stream().map(CsvChunksProperties::quoted).toList();
            csv.append(String.join(",", written)).append(crlf ? "\r\n" : "\n");
            expected.add(shown(String.join(",", written) + " " + crlf + " " + row.size() + " " + row));
        }
        List<String> read = new ArrayList<>();
        CsvChunks chunks = new CsvChunks(new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), chunk);
        for (CsvChunks.Chunk piece = chunks.next(); piece != null; piece = chunks.next()) {
            CsvRecords records = new CsvRecords(piece.bytes(), 0, piece.length(), piece.recordsBefore());
            while (records.next()) {
                List<String> fields = new ArrayList<>();
                for (int i = 0; i < records.fields(); i++) {
                    fields.add(records.field(i));
                }
                assertThat(CsvRecords.fields(records.text())).isEqualTo(fields);
                read.add(shown(records.text() + " " + records.crlf() + " " + records.fields() + " " + fields));
            }
        }
        assertThat(read).isEqualTo(expected);
    }

    /** A chunk is judged in pieces of a few records when its rows are short and the header wide: the records stay the same. */
    @Property(tries = 400)
    void aChunkCutIntoPiecesOfSomeRecordsReadsTheSame(@ForAll("csvText") String text, @ForAll @IntRange(min = 1, max = 48) int chunk,
                                                      @ForAll @IntRange(min = 1, max = 4) int records) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        assertThat(read(bytes, chunk, records)).isEqualTo(read(bytes, 1 << 20));
    }

    /** A spreadsheet ends a line at a carriage return alone: outside quotes, one is taken only as the CR of a CRLF. */
    @Property(tries = 400)
    void aRecordReadHoldsNoCarriageReturnOutsideQuotes(@ForAll("csvText") String text, @ForAll @IntRange(min = 1, max = 48) int chunk)
            throws IOException {
        for (String record : read(text.getBytes(StandardCharsets.UTF_8), chunk)) {
            if (!record.startsWith("refused: ")) {
                String read = record.substring(record.indexOf(':') + 1, record.lastIndexOf('|', record.lastIndexOf('|') - 1));
                boolean quoted = false;
                for (char c : read.toCharArray()) {
                    quoted ^= c == '"';
                    assertThat(!quoted && c == '\r').as(shown(text)).isFalse();
                }
            }
        }
    }

    @Property(tries = 2_000)
    void utf8IsCheckedAsAStrictDecoderReadsIt(@ForAll("utf8ish") byte[] bytes) {
        boolean decodes;
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            decodes = true;
        } catch (CharacterCodingException e) {
            decodes = false;
        }
        boolean checks = Utf8.firstInvalid(bytes, 0, bytes.length) < 0;
        assertThat(checks).as(java.util.HexFormat.of().formatHex(bytes)).isEqualTo(decodes);
    }

    /** Each record as text, end, field count and number, then the refusal if any. */
    private static List<String> read(byte[] bytes, int chunk) throws IOException {
        return read(bytes, chunk, Integer.MAX_VALUE);
    }

    /** As above, each chunk read in pieces of {@code perPiece} records as {@link CsvChunks#afterRecords} cuts them. */
    private static List<String> read(byte[] bytes, int chunk, int perPiece) throws IOException {
        List<String> read = new ArrayList<>();
        try {
            CsvChunks chunks = new CsvChunks(new ByteArrayInputStream(bytes), chunk);
            for (CsvChunks.Chunk piece = chunks.next(); piece != null; piece = chunks.next()) {
                long before = piece.recordsBefore();
                for (int from = 0, to; from < piece.length(); from = to, before += perPiece) {
                    to = CsvChunks.afterRecords(piece.bytes(), from, piece.length(), perPiece);
                    CsvRecords records = new CsvRecords(piece.bytes(), from, to, before);
                    while (records.next()) {
                        read.add(records.recordNumber() + ":" + records.text() + "|" + records.crlf() + "|" + records.fields());
                    }
                }
            }
        } catch (ScrubException e) {
            read.add("refused: " + e.getMessage());
        }
        return read;
    }

    private static String shown(String text) {
        return text.replace("\r", "\\r").replace("\n", "\\n");
    }

    private static String quoted(String field) {
        boolean quote = field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")
                || (field.isEmpty() ? false : field.charAt(0) == ' ');
        return quote ? "\"" + field.replace("\"", "\"\"") + "\"" : field;
    }

    @Provide
    Arbitrary<String> csvText() {
        return Arbitraries.strings().withChars(',', '"', '\n', '\r', 'a', '1', ' ', 'é').ofMaxLength(80);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> field = Arbitraries.strings().withChars(',', '"', '\n', '\r', 'a', 'Z', '5', ' ', 'ü', '€').ofMaxLength(12);
        // a record of one empty field is a blank line, which is not a record of fields
        return field.list().ofMinSize(1).ofMaxSize(5).filter(row -> !(row.size() == 1 && row.get(0).isEmpty())).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<byte[]> utf8ish() {
        Arbitrary<Byte> interesting = Arbitraries.of((byte) 0x41, (byte) 0x7f, (byte) 0x80, (byte) 0xbf, (byte) 0xc0, (byte) 0xc1,
                (byte) 0xc2, (byte) 0xdf, (byte) 0xe0, (byte) 0xa0, (byte) 0x9f, (byte) 0xed, (byte) 0xef, (byte) 0xf0, (byte) 0x90,
                (byte) 0x8f, (byte) 0xf4, (byte) 0xf5, (byte) 0xff);
        return Arbitraries.oneOf(interesting, Arbitraries.bytes()).list().ofMaxSize(12).map(list -> {
            byte[] bytes = new byte[list.size()];
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = list.get(i);
            }
            return bytes;
        });
    }
}
