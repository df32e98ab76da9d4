package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.kpi.ContactIntervalRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForecastCommandTest {

    @TempDir Path dir;

    /** Four weeks from Monday 5 Jan 2026 (UTC), two series open 07:00-16:00Z on weekdays. */
    private Path history() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", ContactIntervalRow.COLUMNS));
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 28 * 96; i++) {
            Instant t = start.plus(15L * i, ChronoUnit.MINUTES);
            int day = i / 96;
            int hour = (i % 96) / 4;
            if (day % 7 >= 5 || hour < 7 || hour >= 16) {
                continue;
            }
            long phone = 5 + (hour % 4) + (i % 3);
            lines.add(
                    t
                            + ",loyer,PHONE,"
                            + phone
                            + ","
                            + phone
                            + ",0,0,"
                            + phone
                            + ",1,0,20,"
                            + phone
                            + ",240,0,0,0,,0,0");
            if (i % 2 == 0) {
                lines.add(t + ",loyer,EMAIL,1,0,0,0,0,,,,0,,0,0,0,,0,0");
            }
        }
        Path csv = dir.resolve("contact_intervals.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void writesOneSortedRowPerOpenIntervalAndSeries() throws Exception {
        Path out = dir.resolve("forecast.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "4",
                        "--out",
                        out.toString(),
                        "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("interval_start,queue,channel,offered,aht_s");
        // the horizon starts after Friday 30 Jan 15:45Z and runs to Tuesday 3 Feb 15:45Z: only
        // the centre's open slots get a row, 07:00-16:00Z (36 a day) on Monday and Tuesday, for
        // both series (EMAIL arrives every other slot, PHONE in all)
        assertThat(rows).hasSize(1 + 2 * 2 * 36);
        // EMAIL has no handled contact and borrows the mean handle time of all series
        assertThat(rows.get(1)).startsWith("2026-02-02T07:00:00Z,loyer,EMAIL,").endsWith(",240");
        assertThat(rows.get(2)).startsWith("2026-02-02T07:00:00Z,loyer,PHONE,");
        assertThat(rows.subList(1, rows.size())).isSorted();
        // Monday 09:00Z is open, with the learnt volume and handle time
        String monday =
                rows.stream()
                        .filter(r -> r.startsWith("2026-02-02T09:00:00Z,loyer,PHONE"))
                        .findFirst()
                        .orElseThrow();
        String[] f = monday.split(",");
        assertThat(Double.parseDouble(f[3])).isBetween(5.0, 10.0);
        assertThat(Double.parseDouble(f[4])).isEqualTo(240.0);
        assertThat(f[3]).doesNotContain("E");
    }

    @Test
    void quantilesAppendP10P50P90InOrder() throws Exception {
        Path out = dir.resolve("forecast.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "4",
                        "--out",
                        out.toString(),
                        "--quantiles",
                        "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        List<String> rows = Files.readAllLines(out);
        assertThat(rows.get(0)).isEqualTo("interval_start,queue,channel,offered,aht_s,p10,p50,p90");
        for (String row : rows.subList(1, rows.size())) {
            String[] f = row.split(",", -1);
            assertThat(f).hasSize(8);
            double p10 = Double.parseDouble(f[5]);
            double p50 = Double.parseDouble(f[6]);
            double p90 = Double.parseDouble(f[7]);
            assertThat(p10).as(row).isGreaterThanOrEqualTo(0).isLessThanOrEqualTo(p50);
            assertThat(p50).as(row).isLessThanOrEqualTo(p90);
        }
    }

    @Test
    void backtestPrintsTheAccuracyTable() throws Exception {
        Path out = dir.resolve("forecast.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "1",
                        "--out",
                        out.toString(),
                        "--backtest-days",
                        "7",
                        "--model",
                        "mean4",
                        "--quiet");
        assertThat(run.status()).as(run.err()).isZero();
        assertThat(run.out())
                .contains(
                        "WAPE", "snaive", "mean4", ">P90", "loyer/PHONE", "queue loyer", "overall");
        assertThat(Files.exists(out)).isTrue();
    }

    @Test
    void aHorizonBelowOneIsAUsageError() throws Exception {
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "0",
                        "--out",
                        dir.resolve("f.csv").toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--horizon-days").contains("--help");
    }

    @Test
    void aMissingHistoryFailsWithOneLine() {
        Path out = dir.resolve("f.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        dir.resolve("missing").toString(),
                        "--horizon-days",
                        "1",
                        "--out",
                        out.toString());
        assertThat(run.status()).isEqualTo(1);
        assertThat(run.err().strip().lines().count()).isEqualTo(1);
        assertThat(run.err()).contains("missing");
        assertThat(Files.exists(out)).isFalse();
    }

    @Test
    void anUnknownTimeZoneIsAUsageErrorAndWritesNothing() throws Exception {
        Path out = dir.resolve("f.csv");
        JoignableCliTest.Run run =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "1",
                        "--zone",
                        "Europe/Pariss",
                        "--out",
                        out.toString());
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("--zone").contains("Europe/Pariss");
        assertThat(Files.exists(out)).isFalse();
    }
}
