package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * CSV reading for the input files of the planning commands, through Apache Commons CSV (RFC 4180:
 * fields separated by commas, optionally double-quoted, so that a queue name may hold a comma).
 * Blank lines are skipped; a UTF-8 byte-order mark is ignored; fields are stripped.
 */
public final class CsvLines {

    /** One record and its 1-based line number in the file (where the record starts). */
    public record Row(int line, List<String> fields) {}

    private CsvLines() {}

    /**
     * Reads {@code file}, checks that its header is exactly {@code header} and returns the data
     * rows, each with exactly as many fields as the header.
     */
    public static List<Row> read(Path file, List<String> header) {
        return read(file, header, false);
    }

    /**
     * Like {@link #read(Path, List)}; with {@code extraColumns} the header need only start with
     * {@code header} (more columns may follow, their values are kept in the rows).
     */
    public static List<Row> read(Path file, List<String> header, boolean extraColumns) {
        CSVFormat format =
                CSVFormat.RFC4180
                        .builder()
                        .setIgnoreEmptyLines(true)
                        .setIgnoreSurroundingSpaces(true)
                        .get();
        try (Reader reader =
                        new java.io.InputStreamReader(
                                Files.newInputStream(file),
                                StandardCharsets.UTF_8
                                        .newDecoder()
                                        .onMalformedInput(CodingErrorAction.REPORT)
                                        .onUnmappableCharacter(CodingErrorAction.REPORT));
                CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
            Iterator<CSVRecord> it = parser.iterator();
            long lineBefore = parser.getCurrentLineNumber();
            if (!it.hasNext()) {
                throw new InputException(
                        file + ": empty file, expected the header " + String.join(",", header));
            }
            CSVRecord first = it.next();
            List<String> found = new ArrayList<>();
            for (String f : first) {
                found.add(f.strip());
            }
            if (!found.isEmpty() && found.get(0).startsWith("\uFEFF")) {
                found.set(0, found.get(0).substring(1).strip());
            }
            int headerLine = (int) Math.max(1, lineBefore + 1);
            boolean ok =
                    extraColumns
                            ? found.size() >= header.size()
                                    && found.subList(0, header.size()).equals(header)
                            : found.equals(header);
            if (!ok) {
                throw new InputException(
                        file
                                + " line "
                                + headerLine
                                + ": wrong header '"
                                + String.join(",", found)
                                + "', expected '"
                                + String.join(",", header)
                                + (extraColumns ? ",...'" : "'"));
            }
            int width = found.size();
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
                // the record starts on the first non-blank line after the previous record
                int line = (int) startLine(record, previousEnd, parser.getCurrentLineNumber());
                previousEnd = parser.getCurrentLineNumber();
                List<String> fields = new ArrayList<>(record.size());
                for (String f : record) {
                    fields.add(f.strip());
                }
                if (fields.size() == 1 && fields.get(0).isEmpty()) {
                    continue;
                }
                if (fields.size() != width) {
                    throw new InputException(
                            file
                                    + " line "
                                    + line
                                    + ": "
                                    + fields.size()
                                    + " fields, expected "
                                    + width
                                    + " ("
                                    + String.join(",", found)
                                    + ")");
                }
                rows.add(new Row(line, List.copyOf(fields)));
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8", e);
        } catch (UncheckedIOException e) {
            throw new InputException(file + ": " + oneLine(e), e);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
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

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** A plain finite decimal ({@code 12}, {@code 0.8}, {@code 1e2}), or null if it is not one. */
    public static Double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : null;
    }
}
