package fr.joignable.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads a KPI CSV back: rows keyed by their key columns, values as doubles (null when empty). */
final class CsvTables {
    private CsvTables() {}

    static TreeMap<String, Map<String, Object>> read(Path file, int keyColumns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        String[] header = lines.get(0).split(",", -1);
        TreeMap<String, Map<String, Object>> rows = new TreeMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            StringBuilder key = new StringBuilder(f[0]);
            for (int i = 1; i < keyColumns; i++) {
                key.append('|').append(f[i]);
            }
            Map<String, Object> row = new HashMap<>();
            for (int i = keyColumns; i < f.length; i++) {
                row.put(header[i], f[i].isEmpty() ? null : Double.parseDouble(f[i]));
            }
            rows.put(key.toString(), row);
        }
        return rows;
    }
}
