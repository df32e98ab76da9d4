// usage: bench/schedule-check.sh (runs this file with the cli's class path):
//   java -cp CP bench/ScheduleSeeds.java FORECAST ROSTER SCHEDULE CONFIG FIRST_SEED COUNT OUT.csv
// Replays a schedule as `simulate --staffing SCHEDULE --config CONFIG` does, but on the seeds
// FIRST_SEED … FIRST_SEED + COUNT − 1 (simulate always uses 1…N): a check on seeds that neither
// schedule --verify (tuning 1001…, hold-out 2001…) nor simulate used. Writes simulate's CSV, to be
// judged by bench/schedule-slots.py OUT.csv COUNT.
import fr.joignable.forecasting.staffing.ForecastReader;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Path;
import java.util.List;

public class ScheduleSeeds {
    public static void main(String[] a) throws Exception {
        TargetsConfig config = TargetsConfig.read(Path.of(a[3]));
        Replay.Workload w = new Replay.Workload(ForecastReader.read(Path.of(a[0]), "offered"), config);
        List<PlanSimulator.Agent> agents =
                ReplayAgents.fromSchedule(
                        Path.of(a[2]), w, StaffRoster.read(Path.of(a[1])), config.openingHours().zone());
        int first = Integer.parseInt(a[4]);
        int count = Integer.parseInt(a[5]);
        List<PlanSimulator.Result> runs = Replay.runs(w, agents, first, count);
        ReplaySummary.write(Path.of(a[6]), Replay.rows(w, agents, runs));
    }
}
