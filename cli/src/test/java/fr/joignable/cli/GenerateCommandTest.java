package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

    @TempDir Path dir;

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                JoignableCli.create(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void writesGzippedEventsARosterAndASummary() throws Exception {
        Path events = dir.resolve("events.jsonl.gz");
        Path roster = dir.resolve("roster.csv");
        Run run =
                run(
                        "generate",
                        "--days",
                        "2",
                        "--start",
                        "2026-10-05",
                        "--seed",
                        "3",
                        "--out",
                        events.toString(),
                        "--roster",
                        roster.toString());
        assertThat(run.status()).as(run.err()).isZero();
        List<String> lines;
        try (BufferedReader r =
                new BufferedReader(
                        new InputStreamReader(
                                new GZIPInputStream(Files.newInputStream(events)),
                                StandardCharsets.UTF_8))) {
            lines = r.lines().toList();
        }
        assertThat(lines).hasSizeGreaterThan(5_000);
        assertThat(lines).allMatch(l -> EventCodec.instance().decode(l).isAccepted());
        assertThat(run.out())
                .contains("Wrote " + lines.size() + " events")
                .contains(events.toString())
                .contains("PHONE")
                .contains("EMAIL")
                .contains("Agents: 24")
                .contains("Roster: " + roster);
        List<String> rows = Files.readAllLines(roster);
        assertThat(rows.get(0)).isEqualTo("agent_id,team,skills,fte");
        assertThat(rows).hasSize(25);
        assertThat(dir.toFile().list()).containsExactlyInAnyOrder("events.jsonl.gz", "roster.csv");
    }

    @Test
    void theSameSeedWritesTheSameBytes() throws Exception {
        Path a = dir.resolve("a.jsonl");
        Path b = dir.resolve("b.jsonl.gz");
        Path c = dir.resolve("c.jsonl.gz");
        String[] common = {"generate", "--days", "1", "--start", "2026-10-05", "--seed", "5"};
        assertThat(run(concat(common, "--out", a.toString())).status()).isZero();
        assertThat(run(concat(common, "--out", b.toString())).status()).isZero();
        assertThat(run(concat(common, "--out", c.toString())).status()).isZero();
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(c));
        assertThat(Files.readString(a)).startsWith("{\"eventId\":");
    }

    @Test
    void faultsAddInvalidLinesAndRedeliveries() throws Exception {
        Path events = dir.resolve("faulty.jsonl");
        Run run =
                run(
                        "generate",
                        "--days",
                        "3",
                        "--start",
                        "2026-10-05",
                        "--out",
                        events.toString(),
                        "--faults",
                        "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out()).contains("Faults: ");
        long rejected =
                Files.readAllLines(events).stream()
                        .map(EventCodec.instance()::decode)
                        .filter(d -> d instanceof Decoded.Rejected)
                        .count();
        assertThat(rejected).isPositive();
    }

    @Test
    void daysBelowOneIsAUsageError() {
        Run run =
                run(
                        "generate",
                        "--days",
                        "0",
                        "--start",
                        "2026-10-05",
                        "--out",
                        dir.resolve("x.jsonl").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().findFirst().orElseThrow())
                .isEqualTo("joignable: --days must be at least 1, was 0");
        assertThat(run.err()).contains("--help").doesNotContain("Exception");
        assertThat(dir.resolve("x.jsonl")).doesNotExist();
    }

    @Test
    void tooManyDaysIsAUsageError() {
        Run run =
                run(
                        "generate",
                        "--days",
                        "5000",
                        "--start",
                        "2026-10-05",
                        "--out",
                        dir.resolve("x.jsonl").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).startsWith("joignable: --days must be at most 3660, was 5000");
    }

    @Test
    void aBadStartDateIsAUsageError() {
        Run run =
                run(
                        "generate",
                        "--days",
                        "2",
                        "--start",
                        "2026-13-45",
                        "--out",
                        dir.resolve("x.jsonl").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--start '2026-13-45'").contains("--help");
        assertThat(run.err().lines().count()).isEqualTo(2);
    }

    @Test
    void aMissingOutIsAUsageError() {
        Run run = run("generate", "--days", "2", "--start", "2026-10-05");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--out");
    }

    private static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
