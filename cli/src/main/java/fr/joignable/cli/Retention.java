package fr.joignable.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The retention rule: keep the current month and the {@code keepMonths} before it (Paris calendar),
 * delete older day partitions of the interval tables ({@code TABLE/day=YYYY-MM-DD/}) and older raw
 * event archives (files last modified before the cut-off).
 */
final class Retention {

    private Retention() {}

    /** First day kept: the first day of the month {@code keepMonths} before {@code today}'s. */
    static LocalDate cutoff(LocalDate today, int keepMonths) {
        return today.withDayOfMonth(1).minusMonths(keepMonths);
    }

    /** Day partitions under {@code dataDir} older than {@code cutoff}. */
    static List<Path> expiredPartitions(Path dataDir, LocalDate cutoff) throws IOException {
        List<Path> expired = new ArrayList<>();
        try (Stream<Path> tables = Files.list(dataDir)) {
            for (Path table : tables.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> days = Files.list(table)) {
                    for (Path day : days.filter(Files::isDirectory).sorted().toList()) {
                        LocalDate date = partitionDate(day);
                        if (date != null && date.isBefore(cutoff)) {
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
    static List<Path> expiredArchives(Path archiveDir, LocalDate cutoff, ZoneId zone)
            throws IOException {
        long cutoffMillis = cutoff.atStartOfDay(zone).toInstant().toEpochMilli();
        try (Stream<Path> files = Files.walk(archiveDir)) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> lastModified(f) < cutoffMillis)
                    .sorted()
                    .toList();
        }
    }

    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static LocalDate partitionDate(Path dir) {
        String name = dir.getFileName().toString();
        if (!name.startsWith("day=")) {
            return null;
        }
        try {
            return LocalDate.parse(name.substring(4));
        } catch (DateTimeParseException e) {
            return null;
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
