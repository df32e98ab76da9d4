package fr.joignable.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code simulate} of a month's staffing plan × N seeds (10 by default, as the command's default),
 * through the command itself, against the aim of issue 14 (under 60 s). The workload and roster are
 * {@link PlanRun}'s; the plan is first written by {@code staff --roster --no-check-by-simulation}
 * (not timed).
 */
public final class SimulateRun {

    static final String NAME = "simulate";

    private SimulateRun() {}

    public static List<Row> run(Path work, int days, int seeds) throws IOException {
        Path dir = work.resolve("simulate-" + days);
        PlanRun.write(dir, days);
        String forecast = dir.resolve("forecast.csv").toString();
        String roster = dir.resolve("roster.csv").toString();
        String staffing = dir.resolve("staffing.csv").toString();
        PlanRun.time(
                "staff",
                "--forecast",
                forecast,
                "--roster",
                roster,
                "--no-check-by-simulation",
                "--out",
                staffing);
        double s =
                PlanRun.time(
                        "simulate",
                        "--forecast",
                        forecast,
                        "--roster",
                        roster,
                        "--staffing",
                        staffing,
                        "--seeds",
                        Integer.toString(seeds),
                        "--out",
                        dir.resolve("simulated.csv").toString());
        double cpu = PlanRun.lastCpu;
        String what = days + " days, 6 queues × 2 live channels, 24 agents";
        List<Row> rows = new java.util.ArrayList<>();
        rows.addAll(
                List.of(
                        Row.ratio(
                                NAME,
                                "simulate × " + seeds + " seeds / the aim (60 s), " + what,
                                s / PlanRun.AIM_SECONDS,
                                "≤ 1 meets the aim"),
                        Row.of(
                                NAME,
                                "simulate of a staffing plan × " + seeds + " seeds, " + what,
                                s,
                                "s")));
        if (cpu > 0) {
            rows.add(Row.of(NAME, "the same, CPU time of all threads", cpu, "s"));
        }
        return rows;
    }
}
