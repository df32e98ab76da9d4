package fr.joignable.domain.table;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The retention rule: keep the current month and the {@code keepMonths} before it (Paris calendar),
 * delete older day partitions of the interval tables ({@code TABLE/day=YYYY-MM-DD/}) and older raw
 * event archives (files last modified before the cut-off). Partitions are UTC days while the
 * cut-off is a Paris midnight, so a partition goes only when all of it lies before the cut-off: the
 * UTC day before a Paris month holds that month's first hours.
 */
public final class Retention {

    private Retention() {}

    /** First day kept: the first day of the month {@code keepMonths} before {@code today}'s. */
    public static LocalDate cutoff(LocalDate today, int keepMonths) {
        return today.withDayOfMonth(1).minusMonths(keepMonths);
    }

    /** Day partitions under {@code dataDir} that end by {@code cutoff} (a day in {@code zone}). */
    public static List<Path> expiredPartitions(Path dataDir, LocalDate cutoff, ZoneId zone)
            throws IOException {
        Instant cutoffInstant = cutoff.atStartOfDay(zone).toInstant();
        List<Path> expired = new ArrayList<>();
        try (Stream<Path> tables = Files.list(dataDir)) {
            for (Path table : tables.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> days = Files.list(table)) {
                    for (Path day : days.filter(Files::isDirectory).sorted().toList()) {
                        Optional<DayPartition> partition =
                                DayPartition.parse(day.getFileName().toString());
                        if (partition.isPresent() && partition.get().endsBy(cutoffInstant)) {
                            expired.add(day);
                        }
                    }
                }
            }
        }
        return expired;
    }

    /**
     * Regular files under {@code archiveDir} last modified before {@code cutoff} in {@code zone}.
     */
    public static List<Path> expiredArchives(Path archiveDir, LocalDate cutoff, ZoneId zone)
            throws IOException {
        long cutoffMillis = cutoff.atStartOfDay(zone).toInstant().toEpochMilli();
        try (Stream<Path> files = Files.walk(archiveDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> lastModified(f) < cutoffMillis)
                    .sorted()
                    .toList();
        }
    }

    public static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static long lastModified(Path file) {
        try {
            return Files.getLastModifiedTime(file).toMillis();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
