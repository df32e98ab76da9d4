package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.domain.kpi.KpiFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A queue name is free text (contract): one holding a comma goes through history → {@code forecast}
 * → {@code staff} → the training-gaps reader intact (quoted on write, parsed as RFC 4180 on read;
 * it used to be split on the comma).
 */
class QueueNameWithCommaTest {

    private static final String QUEUE = "LOYERS, IMPAYES";

    @TempDir Path dir;

    /** Two weeks of weekday phone intervals 07:00-16:00Z for one queue. */
    private Path history() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", ContactIntervalRow.COLUMNS));
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 14 * 96; i++) {
            Instant t = start.plus(15L * i, ChronoUnit.MINUTES);
            int day = i / 96;
            int hour = (i % 96) / 4;
            if (day % 7 >= 5 || hour < 7 || hour >= 16) {
                continue;
            }
            long n = 5 + (hour % 4);
            lines.add(
                    KpiFormat.csvLine(List.of(t.toString(), QUEUE, "PHONE"))
                            + ","
                            + n
                            + ","
                            + n
                            + ",0,0,"
                            + n
                            + ",1,0,20,"
                            + n
                            + ",240,0,0,0,,0,0");
        }
        Path csv = dir.resolve("contact_intervals.csv");
        Files.write(csv, lines);
        return csv;
    }

    @Test
    void forecastThenStaffKeepTheQueueName() throws Exception {
        Path forecast = dir.resolve("forecast.csv");
        Path staffing = dir.resolve("staffing.csv");
        JoignableCliTest.Run f =
                JoignableCliTest.run(
                        "forecast",
                        "--history",
                        history().toString(),
                        "--horizon-days",
                        "3",
                        "--out",
                        forecast.toString(),
                        "--quiet");
        assertThat(f.status()).as(f.err()).isZero();
        JoignableCliTest.Run s =
                JoignableCliTest.run(
                        "staff", "--forecast", forecast.toString(), "--out", staffing.toString());
        assertThat(s.status()).as(s.err()).isZero();
        var plan = fr.joignable.forecasting.training.QueueDemand.read(staffing);
        assertThat(plan.queues()).containsExactly(QUEUE);
        assertThat(Files.readAllLines(staffing).get(1)).contains("\"" + QUEUE + "\"");
    }
}
