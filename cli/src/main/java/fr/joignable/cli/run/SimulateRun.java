package fr.joignable.cli.run;

import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.HistoryPresence;
import fr.joignable.forecasting.staffing.Pools;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.StaffingPlan;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.sim.PlanSimulator;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A forecast's live workload replayed through the contact-centre simulator ({@link Replay}) with
 * the agents of a staffing plan, of a schedule, or of the history's presence: what {@code joignable
 * simulate} and the demo's simulation steps run.
 *
 * @param forecast the forecast CSV
 * @param offeredColumn its column holding the volume
 * @param roster the roster CSV (the agents' skills)
 * @param staffing a staffing plan or a schedule (told apart by the header), or {@code null}
 * @param presenceHistory instead of {@code staffing}: a data directory whose {@code
 *     agent_intervals} give the teams' presence (the what-if of today's roster)
 * @param targets thresholds, patience, chat concurrency, opening hours
 * @param seeds seeds to average
 * @param out the CSV to write
 */
public record SimulateRun(
        Path forecast,
        String offeredColumn,
        Path roster,
        Path staffing,
        Path presenceHistory,
        TargetsConfig targets,
        int seeds,
        Path out) {

    /** Seeds averaged unless told otherwise. */
    public static final String DEFAULT_SEEDS = "10";

    public SimulateRun {
        if ((staffing == null) == (presenceHistory == null)) {
            throw new IllegalArgumentException("one of staffing and presenceHistory is needed");
        }
    }

    /** A plan or a schedule replayed, the {@code offered} column. */
    public static SimulateRun ofStaffing(
            Path forecast, Path roster, Path staffing, TargetsConfig targets, int seeds, Path out) {
        return new SimulateRun(
                forecast,
                StaffRun.DEFAULT_OFFERED_COLUMN,
                roster,
                staffing,
                null,
                targets,
                seeds,
                out);
    }

    /** The history's presence replayed, the {@code offered} column. */
    public static SimulateRun ofPresenceHistory(
            Path forecast, Path roster, Path data, TargetsConfig targets, int seeds, Path out) {
        return new SimulateRun(
                forecast, StaffRun.DEFAULT_OFFERED_COLUMN, roster, null, data, targets, seeds, out);
    }

    /** Replays, writes {@link #out} and prints the result per live queue to {@code o}. */
    public void run(PrintWriter o) throws IOException {
        List<StaffingPlan.ForecastRow> rows = ForecastReader.read(forecast, offeredColumn);
        StaffRoster agents = StaffRoster.read(roster);
        Replay.Workload workload = new Replay.Workload(rows, targets);
        List<PlanSimulator.Agent> simulated;
        String what;
        if (presenceHistory != null) {
            simulated = HistoryPresence.agents(presenceHistory, workload, agents);
            what = "history presence";
        } else if (ReplayAgents.isSchedule(staffing)) {
            simulated =
                    ReplayAgents.fromSchedule(
                            staffing, workload, agents, targets.openingHours().zone());
            what = "schedule";
        } else {
            TreeSet<String> queues = new TreeSet<>();
            rows.forEach(r -> queues.add(r.queue()));
            Pools pools = Pools.fromRoster(agents, queues);
            simulated =
                    ReplayAgents.fromCounts(
                            workload,
                            pools,
                            agents,
                            ReplayAgents.countsFromStaffing(staffing, workload, pools));
            what = "staffing plan";
        }
        List<PlanSimulator.Result> runs = Replay.runs(workload, simulated, seeds);
        ReplaySummary.write(out, Replay.rows(workload, simulated, runs));
        o.printf(
                Locale.ROOT,
                "%s of %d agents replayed over %d intervals x %d seeds to %s%n",
                what,
                simulated.size(),
                workload.size(),
                seeds,
                out);
        List<ReplaySummary.Line> lines =
                ReplaySummary.lines(workload, runs, targets.openingHours().zone());
        for (ReplaySummary.Line l : lines) {
            o.println("  " + ReplaySummary.format(l));
        }
        o.println("  " + ReplaySummary.format(ReplaySummary.criterion(lines)));
        // the same warning as schedule --verify: "met" by one slot is not a margin
        for (String line : ScheduleVerify.closeToTheLine(lines)) {
            o.println("  " + line);
        }
        o.flush();
    }
}
