package fr.joignable.forecasting.training;

import fr.joignable.domain.io.AtomicFiles;
import fr.joignable.domain.kpi.KpiFormat;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.List;

/** Writes the gaps table and the training plan, each atomically (complete or absent). */
public final class TrainingGapsFiles {

    public static final List<String> GAPS_HEADER =
            List.of(
                    "queue",
                    "peak_scheduled_agents",
                    "trained_fte",
                    "uncovered_agent_hours",
                    "worst_interval_uncovered");

    public static final List<String> PLAN_HEADER = List.of("agent_id", "team", "train_in");

    private TrainingGapsFiles() {}

    public static void writeGaps(Path file, List<QueueGap> gaps) throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    line(w, GAPS_HEADER);
                    for (QueueGap g : gaps) {
                        line(
                                w,
                                List.of(
                                        g.queue(),
                                        KpiFormat.decimal(g.peakScheduledAgents()),
                                        KpiFormat.decimal(g.trainedFte()),
                                        KpiFormat.decimal(g.uncoveredAgentHours()),
                                        KpiFormat.decimal(g.worstIntervalUncovered())));
                    }
                });
    }

    public static void writePlan(Path file, List<PlannedTraining> plan) throws IOException {
        AtomicFiles.writeText(
                file,
                w -> {
                    line(w, PLAN_HEADER);
                    for (PlannedTraining t : plan) {
                        line(w, List.of(t.agentId(), t.team(), t.queue()));
                    }
                });
    }

    private static void line(Writer w, List<String> values) throws IOException {
        w.write(KpiFormat.csvLine(values));
        w.write('\n');
    }
}
