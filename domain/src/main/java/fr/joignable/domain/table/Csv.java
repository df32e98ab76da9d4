package fr.joignable.domain.table;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.KpiFormat;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The one CSV reader of Joignable's table files, on Apache Commons CSV (RFC 4180: fields separated
 * by commas, optionally double-quoted, so a queue name may hold a comma or a quote). The file must
 * be UTF-8; a byte-order mark (as spreadsheet exports write) is ignored; blank lines are skipped;
 * fields are stripped; every record must have as many fields as the header. Errors are {@link
 * InputException}s naming the file and the line where the record starts. Writing goes through
 * {@link KpiFormat#csvLine}, which quotes exactly the fields that need it, so what is written here
 * reads back field for field.
 */
public final class Csv {

    /** A UTF-8 byte-order mark, as a char. */
    static final char BOM = '\uFEFF';

    private static final Pattern DECIMAL =
            Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    private Csv() {}

    /** A whole file: its header (BOM removed) and its data records. */
    public record Table(Path file, List<String> header, List<Row> rows) {

        public Table {
            header = List.copyOf(header);
            rows = List.copyOf(rows);
        }

        /** Whether the header names {@code column}. */
        public boolean has(String column) {
            return header.contains(column);
        }

        /**
         * Checks that every one of {@code columns} is in the header, else fails with {@code file
         * line 1: no column C (expected)}.
         */
        public Table require(List<String> columns, String expected) {
            for (String c : columns) {
                if (!has(c)) {
                    throw new InputException(
                            file + " line 1: no column " + c + " (" + expected + ")");
                }
            }
            return this;
        }
    }

    /**
     * One data record: the 1-based line it starts on, its stripped fields, and the header's column
     * positions.
     */
    public record Row(Path file, int line, Map<String, Integer> columns, List<String> fields) {

        /** The field of {@code column}; fails when the header has no such column. */
        public String get(String column) {
            Integer i = columns.get(column);
            if (i == null) {
                throw new InputException(file + " line " + line + ": no column " + column);
            }
            return fields.get(i);
        }

        /** The field of {@code column}, or {@code otherwise} when the header has none. */
        public String get(String column, String otherwise) {
            Integer i = columns.get(column);
            return i == null ? otherwise : fields.get(i);
        }

        /** {@code FILE line N}, the prefix of an error about this record. */
        public String at() {
            return file + " line " + line;
        }

        /**
         * The field as a finite decimal; fails with {@code FILE line N: field F: 'x' is not a
         * number}.
         */
        public double number(String column) {
            String text = get(column);
            Double v = decimal(text);
            if (v == null) {
                throw new InputException(
                        at() + ": field " + column + ": '" + text + "' is not a number");
            }
            return v;
        }
    }

    /** The header of {@code file} (BOM removed, fields stripped), reading nothing further. */
    public static List<String> header(Path file) {
        try (Reader reader = utf8(file);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            return header(file, parser.iterator());
        } catch (IOException | UncheckedIOException e) {
            throw failure(file, e);
        }
    }

    /** Reads {@code file}: any header (at least one column), records as wide as the header. */
    public static Table read(Path file) {
        try (Reader reader = utf8(file);
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            List<String> header = header(file, it);
            Map<String, Integer> columns = new HashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.putIfAbsent(header.get(i), i);
            }
            Map<String, Integer> shared = Map.copyOf(columns);
            List<Row> rows = new ArrayList<>();
            long previousEnd = parser.getCurrentLineNumber();
            while (true) {
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException e) {
                    throw new InputException(
                            file + " line " + (previousEnd + 1) + ": " + oneLine(e), e);
                }
                // the record starts on the first line after the previous record that it spans
                int line = (int) startLine(record, previousEnd, parser.getCurrentLineNumber());
                previousEnd = parser.getCurrentLineNumber();
                List<String> fields = new ArrayList<>(record.size());
                for (String f : record) {
                    fields.add(f.strip());
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (fields.size() != header.size()) {
                    throw new InputException(
                            file
                                    + " line "
                                    + line
                                    + ": "
                                    + fields.size()
                                    + " fields, expected "
                                    + header.size()
                                    + " ("
                                    + String.join(",", header)
                                    + ")");
                }
                rows.add(new Row(file, line, shared, List.copyOf(fields)));
            }
            return new Table(file, header, rows);
        } catch (IOException | UncheckedIOException e) {
            throw failure(file, e);
        }
    }

    private static final CSVFormat FORMAT =
            CSVFormat.RFC4180
                    .builder()
                    .setIgnoreEmptyLines(true)
                    .setIgnoreSurroundingSpaces(true)
                    .get();

    /** A strict UTF-8 reader: a malformed byte is an error, not a replacement character. */
    private static Reader utf8(Path file) throws IOException {
        return new InputStreamReader(
                Files.newInputStream(file),
                StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT));
    }

    private static List<String> header(Path file, Iterator<CSVRecord> it) {
        if (!it.hasNext()) {
            throw new InputException(file + ": empty file, no header");
        }
        List<String> header = new ArrayList<>();
        for (String f : it.next()) {
            header.add(f.strip());
        }
        // spreadsheet exports start UTF-8 files with a byte-order mark
        if (!header.isEmpty() && !header.get(0).isEmpty() && header.get(0).charAt(0) == BOM) {
            header.set(0, header.get(0).substring(1).strip());
        }
        return header;
    }

    private static InputException failure(Path file, Exception e) {
        Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (cause instanceof NoSuchFileException) {
            return new InputException(file + ": file not found", e);
        }
        if (cause instanceof CharacterCodingException) {
            return new InputException(file + ": not valid UTF-8", e);
        }
        if (e instanceof UncheckedIOException) {
            return new InputException(file + ": " + oneLine(e), e);
        }
        return new InputException(file + ": cannot read: " + e.getMessage(), e);
    }

    /**
     * Reads {@code file} whose header must be exactly {@code header} or, with {@code extraColumns},
     * start with it.
     */
    public static Table read(Path file, List<String> header, boolean extraColumns) {
        Table t;
        try {
            t = read(file);
        } catch (InputException e) {
            if (e.getMessage().endsWith(": empty file, no header")) {
                throw new InputException(
                        file + ": empty file, expected the header " + String.join(",", header), e);
            }
            throw e;
        }
        List<String> found = t.header();
        boolean ok =
                extraColumns
                        ? found.size() >= header.size()
                                && found.subList(0, header.size()).equals(header)
                        : found.equals(header);
        if (!ok) {
            throw new InputException(
                    file
                            + " line 1: wrong header '"
                            + String.join(",", found)
                            + "', expected '"
                            + String.join(",", header)
                            + (extraColumns ? ",...'" : "'"));
        }
        return t;
    }

    /**
     * Writes {@code header}, then one line per row of the fields {@code fields} gives it, each line
     * ended by {@code \n}.
     */
    public static <T> void write(
            Writer w, String header, Iterable<T> rows, Function<T, List<String>> fields)
            throws IOException {
        w.write(header);
        w.write('\n');
        for (T row : rows) {
            w.write(line(fields.apply(row)));
            w.write('\n');
        }
    }

    /** One CSV line (without terminator), quoting the fields that need it. */
    public static String line(List<String> fields) {
        return KpiFormat.csvLine(fields);
    }

    /** A plain finite decimal ({@code 12}, {@code 0.8}, {@code 1e2}), or null if it is not one. */
    public static Double decimal(String text) {
        if (text == null || !DECIMAL.matcher(text.strip()).matches()) {
            return null;
        }
        double value = Double.parseDouble(text.strip());
        return Double.isFinite(value) ? value : null;
    }

    private static long startLine(CSVRecord record, long previousEnd, long nowEnd) {
        long span = 0;
        for (String f : record) {
            span += f.chars().filter(c -> c == '\n').count();
        }
        return Math.max(previousEnd + 1, nowEnd - span);
    }

    private static String oneLine(Exception e) {
        Throwable cause = e.getCause() != null ? e.getCause() : e;
        String m = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (m.contains("EOF reached before encapsulated token finished")) {
            return "unterminated quoted field";
        }
        return m.replace('\n', ' ');
    }
}
