package fr.joignable.forecasting.training;

import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Minimal CSV reading for the small input files of this package: one record per line, fields
 * separated by commas, optionally double-quoted (a doubled quote inside quotes is a quote). Blank
 * lines are skipped; a UTF-8 byte-order mark is ignored.
 */
final class CsvLines {

    /** One record and its 1-based line number in the file. */
    record Row(int line, List<String> fields) {}

    private CsvLines() {}

    /**
     * Reads {@code file}, checks that its first line is exactly {@code header} and returns the data
     * rows, each with exactly as many fields as the header.
     */
    static List<Row> read(Path file, List<String> header) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InputException(file + ": file not found");
        } catch (IOException e) {
            throw new InputException(file + ": cannot read: " + e.getMessage(), e);
        }
        int first = 0;
        while (first < lines.size() && lines.get(first).isBlank()) {
            first++;
        }
        if (first == lines.size()) {
            throw new InputException(
                    file + ": empty file, expected the header " + String.join(",", header));
        }
        String headerLine = lines.get(first);
        if (headerLine.startsWith("\uFEFF")) {
            headerLine = headerLine.substring(1);
        }
        List<String> found = split(headerLine, file, first + 1);
        List<String> trimmed = found.stream().map(String::strip).toList();
        if (!trimmed.equals(header)) {
            throw new InputException(
                    file
                            + " line "
                            + (first + 1)
                            + ": wrong header '"
                            + headerLine.strip()
                            + "', expected '"
                            + String.join(",", header)
                            + "'");
        }
        List<Row> rows = new ArrayList<>();
        for (int i = first + 1; i < lines.size(); i++) {
            String text = lines.get(i);
            if (text.isBlank()) {
                continue;
            }
            List<String> fields = split(text, file, i + 1);
            if (fields.size() != header.size()) {
                throw new InputException(
                        file
                                + " line "
                                + (i + 1)
                                + ": "
                                + fields.size()
                                + " fields, expected "
                                + header.size()
                                + " ("
                                + String.join(",", header)
                                + ")");
            }
            rows.add(new Row(i + 1, fields.stream().map(String::strip).toList()));
        }
        return rows;
    }

    private static final java.util.regex.Pattern DECIMAL =
            java.util.regex.Pattern.compile("[-+]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][-+]?\\d+)?");

    /** A plain finite decimal ({@code 12}, {@code 0.8}, {@code 1e2}), or null if it is not one. */
    static Double decimal(String text) {
        if (!DECIMAL.matcher(text).matches()) {
            return null;
        }
        double value = Double.parseDouble(text);
        return Double.isFinite(value) ? value : null;
    }

    static List<String> split(String line, Path file, int lineNo) {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.toString().isBlank()) {
                field.setLength(0);
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else {
                field.append(c);
            }
            i++;
        }
        if (quoted) {
            throw new InputException(file + " line " + lineNo + ": unterminated quoted field");
        }
        fields.add(field.toString());
        return fields;
    }
}
