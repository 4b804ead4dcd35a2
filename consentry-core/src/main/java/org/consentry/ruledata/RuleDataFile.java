package org.consentry.ruledata;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A rule data file: {@code #} comments, a {@code # version: ...} line, a header row naming the columns
 * (one of which is {@code source}), then one entry a row, columns separated by tabs. Every entry must name
 * its source.
 */
public final class RuleDataFile {

    private final String name;
    private final String version;
    private final List<String> columns;
    private final List<Row> rows;

    private RuleDataFile(String name, String version, List<String> columns, List<Row> rows) {
        this.name = name;
        this.version = version;
        this.columns = columns;
        this.rows = rows;
    }

    /** Reads a resource that sits beside this class's package root, e.g. {@code /org/consentry/rules/emergency-numbers.tsv}. */
    public static RuleDataFile resource(String path) {
        InputStream in = RuleDataFile.class.getResourceAsStream(path);
        if (in == null) {
            throw new RuleDataException(path, 0, null, "not found on the class path");
        }
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            return read(path, reader);
        } catch (IOException e) {
            throw new UncheckedIOException(path + ": " + e.getMessage(), e);
        }
    }

    public static RuleDataFile read(String name, Reader source) throws IOException {
        BufferedReader reader = new BufferedReader(source);
        String version = null;
        List<String> columns = null;
        List<Row> rows = new ArrayList<>();
        String text;
        int line = 0;
        while ((text = reader.readLine()) != null) {
            line++;
            String trimmed = text.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            if (trimmed.startsWith("#")) {
                String comment = trimmed.substring(1).strip();
                if (comment.startsWith("version:")) {
                    version = comment.substring("version:".length()).strip();
                }
                continue;
            }
            String[] cells = text.split("\t", -1);
            if (columns == null) {
                columns = List.copyOf(Arrays.asList(cells));
                if (!columns.contains("source")) {
                    throw new RuleDataException(name, line, null, "the header has no source column");
                }
                continue;
            }
            if (cells.length != columns.size()) {
                throw new RuleDataException(name, line, null,
                        "expected " + columns.size() + " tab-separated columns " + columns + ", found " + cells.length);
            }
            Row row = new Row(name, line, columns, cells);
            row.get("source");
            rows.add(row);
        }
        if (version == null) {
            throw new RuleDataException(name, 0, null, "no '# version:' line");
        }
        if (columns == null) {
            throw new RuleDataException(name, 0, null, "no header row");
        }
        return new RuleDataFile(name, version, columns, List.copyOf(rows));
    }

    public String name() {
        return name;
    }

    public String version() {
        return version;
    }

    public List<String> columns() {
        return columns;
    }

    public List<Row> rows() {
        return rows;
    }

    /** One entry of a rule data file. */
    public static final class Row {
        private final String file;
        private final int line;
        private final List<String> columns;
        private final String[] cells;

        Row(String file, int line, List<String> columns, String[] cells) {
            this.file = file;
            this.line = line;
            this.columns = columns;
            this.cells = cells;
        }

        public int line() {
            return line;
        }

        /** The value of a column, never blank. */
        public String get(String key) {
            int index = columns.indexOf(key);
            if (index < 0) {
                throw problem(key, "no such column");
            }
            String value = cells[index].strip();
            if (value.isEmpty()) {
                throw problem(key, "empty");
            }
            return value;
        }

        /** A problem with this row's value for {@code key}, to throw. */
        public RuleDataException problem(String key, String problem) {
            return new RuleDataException(file, line, key, problem);
        }
    }
}
