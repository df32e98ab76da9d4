package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.table.Retention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RetentionCommandTest {

    @Test
    void cutoffKeepsTheCurrentMonthAndTheMonthsBefore() {
        assertThat(Retention.cutoff(LocalDate.parse("2026-11-28"), 0))
                .isEqualTo(LocalDate.parse("2026-11-01"));
        assertThat(Retention.cutoff(LocalDate.parse("2026-11-28"), 13))
                .isEqualTo(LocalDate.parse("2025-10-01"));
    }

    @Test
    void deletesOldPartitionsAndArchivesOnly(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("out");
        Path old = Files.createDirectories(data.resolve("contact_intervals/day=2026-08-30"));
        Files.writeString(old.resolve("part-0.parquet"), "x");
        // UTC day 31 August holds 22:00-24:00 UTC = the first two Paris hours of 1 September
        Path straddling = Files.createDirectories(data.resolve("contact_intervals/day=2026-08-31"));
        Path kept = Files.createDirectories(data.resolve("contact_intervals/day=2026-09-01"));
        Path oldAgents = Files.createDirectories(data.resolve("agent_intervals/day=2026-01-15"));
        Path archives = Files.createDirectories(dir.resolve("raw"));
        Path oldRaw = Files.writeString(archives.resolve("2026-08.jsonl"), "{}");
        Files.setLastModifiedTime(oldRaw, FileTime.from(Instant.parse("2026-08-20T10:00:00Z")));
        Path newRaw = Files.writeString(archives.resolve("2026-11.jsonl"), "{}");

        JoignableCliTest.Run dry =
                JoignableCliTest.run(
                        "retention",
                        "--data",
                        data.toString(),
                        "--archives",
                        archives.toString(),
                        "--keep-months",
                        "2",
                        "--today",
                        "2026-11-28",
                        "--dry-run");
        assertThat(dry.status()).isZero();
        assertThat(dry.out()).contains("would delete 3 item(s) older than 2026-09-01");
        assertThat(old).exists();

        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "retention",
                        "--data",
                        data.toString(),
                        "--archives",
                        archives.toString(),
                        "--keep-months",
                        "2",
                        "--today",
                        "2026-11-28");
        assertThat(run.status()).isZero();
        assertThat(old).doesNotExist();
        assertThat(oldAgents).doesNotExist();
        assertThat(oldRaw).doesNotExist();
        assertThat(kept).exists();
        assertThat(straddling).exists();
        assertThat(newRaw).exists();
    }

    @Test
    void badArgumentsAreUsageErrors(@TempDir Path dir) {
        assertThat(
                        JoignableCliTest.run(
                                        "retention",
                                        "--data",
                                        dir.toString(),
                                        "--keep-months",
                                        "-1")
                                .status())
                .isEqualTo(2);
        assertThat(JoignableCliTest.run("retention", "--keep-months", "3").status()).isEqualTo(2);
        JoignableCliTest.Run missing =
                JoignableCliTest.run(
                        "retention",
                        "--data",
                        dir.resolve("nope").toString(),
                        "--keep-months",
                        "3");
        assertThat(missing.status()).isEqualTo(1);
        assertThat(missing.err()).contains("nope").hasLineCount(1);
    }
}
