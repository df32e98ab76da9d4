package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.cli.run.ForecastRun;
import fr.joignable.cli.run.GenerateRun;
import fr.joignable.cli.run.SimulateRun;
import fr.joignable.cli.run.StaffRun;
import fr.joignable.cli.run.TrainingGapsRun;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.forecasting.staffing.TargetsConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo calls the same typed runs as the commands ({@code fr.joignable.cli.run}): each run with
 * its documented defaults writes the same files and prints the same lines as its command with the
 * same arguments, so the demo's steps and the commands cannot drift apart.
 */
class TypedRunsTest {

    @TempDir Path dir;

    /** What a run printed, and on the error stream. */
    private record Printed(String out, String err) {}

    private interface Body {
        void run(PrintWriter out, PrintWriter err) throws Exception;
    }

    private static Printed capture(Body body) throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        body.run(new PrintWriter(out, true), new PrintWriter(err, true));
        return new Printed(out.toString(), err.toString());
    }

    private static JoignableCliTest.Run command(String... args) {
        JoignableCliTest.Run r = JoignableCliTest.run(args);
        assertThat(r.status()).as(r.err()).isZero();
        return r;
    }

    /** The printed text with the run's own file names replaced by the command's. */
    private static String renamed(String text, Path... pairs) {
        String s = text;
        for (int i = 0; i < pairs.length; i += 2) {
            s = s.replace(pairs[i].toString(), pairs[i + 1].toString());
        }
        return s;
    }

    /** An empty joignable.yaml: the built-in defaults, whatever the environment's search path. */
    private Path empty() throws Exception {
        return Files.writeString(dir.resolve("empty.yaml"), "");
    }

    private Path forecast() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add("interval_start,queue,channel,offered,aht_s");
        for (int i = 0; i < 8; i++) {
            String t = Instant.parse("2026-10-05T07:00:00Z").plusSeconds(900L * i).toString();
            lines.add(t + ",\"Loyers, charges\",PHONE,30,240");
            lines.add(t + ",TECHNIQUE,PHONE,10,300");
            lines.add(t + ",TECHNIQUE,EMAIL,4,400");
        }
        return Files.write(dir.resolve("fc.csv"), lines);
    }

    private Path roster() throws Exception {
        return Files.writeString(
                dir.resolve("roster.csv"),
                "agent_id,team,skills,fte\nA1,N,\"Loyers, charges\",1\n"
                        + "A2,N,\"Loyers, charges;TECHNIQUE\",1\nA3,S,TECHNIQUE,0.8\n");
    }

    @Test
    void staffSimulateAndTrainingGapsRunAsTheirCommands() throws Exception {
        Path fc = forecast();
        Path roster = roster();
        TargetsConfig defaults = TargetsConfig.defaults();

        // staff with a roster: the simulation check is on by default, in both
        Path staffA = dir.resolve("staff-a.csv");
        Path poolsA = dir.resolve("pools-a.csv");
        Printed run =
                capture((o, e) -> StaffRun.of(fc, roster, defaults, staffA, poolsA).run(o, e));
        Path staffB = dir.resolve("staff-b.csv");
        Path poolsB = dir.resolve("pools-b.csv");
        JoignableCliTest.Run cmd =
                command(
                        "staff",
                        "--forecast",
                        fc.toString(),
                        "--roster",
                        roster.toString(),
                        "--pools",
                        poolsB.toString(),
                        "--out",
                        staffB.toString(),
                        "--config",
                        empty().toString());
        assertThat(run.out()).contains("checked by simulation");
        assertThat(renamed(run.out(), staffA, staffB)).isEqualTo(cmd.out());
        assertThat(Files.readAllLines(staffA)).isEqualTo(Files.readAllLines(staffB));
        assertThat(Files.readAllLines(poolsA)).isEqualTo(Files.readAllLines(poolsB));

        // the demo's bootstrap plan: no simulation check
        Path analyticA = dir.resolve("analytic-a.csv");
        Printed analytic =
                capture(
                        (o, e) ->
                                StaffRun.of(fc, roster, defaults, analyticA, null)
                                        .withoutSimulationCheck()
                                        .run(o, e));
        Path analyticB = dir.resolve("analytic-b.csv");
        cmd =
                command(
                        "staff",
                        "--forecast",
                        fc.toString(),
                        "--roster",
                        roster.toString(),
                        "--no-check-by-simulation",
                        "--out",
                        analyticB.toString(),
                        "--config",
                        empty().toString());
        assertThat(analytic.out()).doesNotContain("checked by simulation");
        assertThat(renamed(analytic.out(), analyticA, analyticB)).isEqualTo(cmd.out());
        assertThat(Files.readAllLines(analyticA)).isEqualTo(Files.readAllLines(analyticB));

        Path simA = dir.resolve("sim-a.csv");
        Printed sim =
                capture(
                        (o, e) ->
                                SimulateRun.ofStaffing(fc, roster, staffB, defaults, 3, simA)
                                        .run(o));
        Path simB = dir.resolve("sim-b.csv");
        cmd =
                command(
                        "simulate",
                        "--forecast",
                        fc.toString(),
                        "--roster",
                        roster.toString(),
                        "--staffing",
                        staffB.toString(),
                        "--seeds",
                        "3",
                        "--out",
                        simB.toString(),
                        "--config",
                        empty().toString());
        assertThat(renamed(sim.out(), simA, simB)).isEqualTo(cmd.out());
        assertThat(Files.readAllLines(simA)).isEqualTo(Files.readAllLines(simB));

        Path gapsA = dir.resolve("gaps-a.csv");
        Path planA = dir.resolve("plan-a.csv");
        boolean[] verified = new boolean[1];
        Printed gaps =
                capture(
                        (o, e) ->
                                verified[0] =
                                        TrainingGapsRun.of(roster, staffB, gapsA, planA, null, null)
                                                .run(o, e));
        Path gapsB = dir.resolve("gaps-b.csv");
        Path planB = dir.resolve("plan-b.csv");
        cmd =
                command(
                        "training-gaps",
                        "--roster",
                        roster.toString(),
                        "--staffing",
                        staffB.toString(),
                        "--out",
                        gapsB.toString(),
                        "--plan",
                        planB.toString());
        assertThat(verified[0]).isTrue();
        assertThat(renamed(gaps.out(), gapsA, gapsB, planA, planB)).isEqualTo(cmd.out());
        assertThat(Files.readAllLines(gapsA)).isEqualTo(Files.readAllLines(gapsB));
        assertThat(Files.readAllLines(planA)).isEqualTo(Files.readAllLines(planB));
    }

    /** Four weeks from Monday 5 Jan 2026 (UTC), one phone series open 07:00-16:00Z on weekdays. */
    private Path history() throws Exception {
        List<String> lines = new ArrayList<>();
        lines.add(String.join(",", ContactIntervalRow.COLUMNS));
        Instant start = Instant.parse("2026-01-05T00:00:00Z");
        for (int i = 0; i < 28 * 96; i++) {
            int day = i / 96;
            int hour = (i % 96) / 4;
            if (day % 7 >= 5 || hour < 7 || hour >= 16) {
                continue;
            }
            long n = 5 + (hour % 4) + (i % 3);
            lines.add(
                    start.plus(15L * i, ChronoUnit.MINUTES)
                            + ",loyer,PHONE,"
                            + n
                            + ","
                            + n
                            + ",0,0,"
                            + n
                            + ",1,0,20,"
                            + n
                            + ",240,0,0,0,,0,0");
        }
        return Files.write(dir.resolve("contact_intervals.csv"), lines);
    }

    @Test
    void forecastAndGenerateRunAsTheirCommands() throws Exception {
        Path history = history();
        Path fcA = dir.resolve("fc-a.csv");
        Printed fc = capture((o, e) -> ForecastRun.of(history, 7, fcA, true).run(o, e));
        Path fcB = dir.resolve("fc-b.csv");
        JoignableCliTest.Run cmd =
                command(
                        "forecast",
                        "--history",
                        history.toString(),
                        "--horizon-days",
                        "7",
                        "--out",
                        fcB.toString(),
                        "--quiet");
        assertThat(renamed(fc.out(), fcA, fcB)).isEqualTo(cmd.out());
        assertThat(Files.readAllLines(fcA))
                .isEqualTo(Files.readAllLines(fcB))
                .hasSizeGreaterThan(1);

        Path evA = dir.resolve("ev-a.jsonl");
        Path rosterA = dir.resolve("roster-a.csv");
        LocalDate day = LocalDate.parse("2026-10-05");
        Printed gen =
                capture(
                        (o, e) ->
                                new GenerateRun(day, 1, 7, false, evA, rosterA, null, true)
                                        .run(o, e));
        Path evB = dir.resolve("ev-b.jsonl");
        Path rosterB = dir.resolve("roster-b.csv");
        cmd =
                command(
                        "generate",
                        "--days",
                        "1",
                        "--start",
                        "2026-10-05",
                        "--seed",
                        "7",
                        "--out",
                        evB.toString(),
                        "--roster",
                        rosterB.toString(),
                        "--quiet");
        // all but the run time of the first line
        assertThat(withoutTiming(renamed(gen.out(), evA, evB, rosterA, rosterB)))
                .isEqualTo(withoutTiming(cmd.out()));
        assertThat(Files.readAllLines(evA)).isEqualTo(Files.readAllLines(evB));
        assertThat(Files.readAllLines(rosterA)).isEqualTo(Files.readAllLines(rosterB));
    }

    private static String withoutTiming(String text) {
        return text.replaceFirst(" in [0-9.]+ s\\R", " in _ s\n");
    }
}
