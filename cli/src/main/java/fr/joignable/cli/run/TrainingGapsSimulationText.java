package fr.joignable.cli.run;

import fr.joignable.forecasting.training.SimulatedTraining;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** The simulation part of {@code training-gaps}' summary. */
final class TrainingGapsSimulationText {

    private TrainingGapsSimulationText() {}

    static void print(PrintWriter w, SimulatedTraining.Outcome o) {
        w.printf(
                Locale.ROOT,
                "Simulation check: the schedule's agents replayed on the plan's live workload (%d"
                        + " seeds); per queue its worst live channel:%n",
                o.seeds());
        for (SimulatedTraining.QueueLevel l : o.before()) {
            w.printf(
                    Locale.ROOT,
                    "  %s %s: %s%s%n",
                    l.queue(),
                    l.channel(),
                    level(l),
                    o.named().contains(l.queue()) ? "  <- short of trained agents" : "");
        }
        if (o.named().isEmpty()) {
            boolean allMeet =
                    o.before().stream().allMatch(SimulatedTraining.QueueLevel::meetsCriterion);
            w.println(
                    allMeet
                            ? "No queue short of trained agents: every queue meets the criterion"
                                    + " with the agents present. No training needed."
                            : "No queue short of trained agents: the queues that miss the"
                                    + " criterion miss it alike (too few agents present: hiring or"
                                    + " shifts, not training).");
            return;
        }
        w.printf(
                "Short of trained agents (simulation): %s. Trainings chosen one at a time by"
                        + " simulation (same seeds):%n",
                String.join(", ", o.named()));
        if (o.steps().isEmpty()) {
            w.println("  none helps: no agent present in its short hours can take it.");
        }
        for (SimulatedTraining.Step s : o.steps()) {
            w.printf(
                    Locale.ROOT,
                    "  train %s (%s) in %s -> %s %s: %s%n",
                    s.agentId(),
                    s.team(),
                    s.queue(),
                    s.after().queue(),
                    s.after().channel(),
                    level(s.after()));
        }
        for (String q : o.named()) {
            SimulatedTraining.QueueLevel before = find(o.before(), q);
            SimulatedTraining.QueueLevel after = find(o.after(), q);
            if (before == null || after == null) {
                continue;
            }
            w.printf(
                    Locale.ROOT,
                    "%s: simulated service level %.1f %% -> %.1f %% (target %.0f %%): %s.%n",
                    q,
                    100 * before.serviceLevel(),
                    100 * after.serviceLevel(),
                    after.targetPercent(),
                    after.meetsCriterion()
                            ? "criterion met"
                            : "still short after "
                                    + o.steps().size()
                                    + " training(s); the rest needs more agents present");
        }
    }

    private static String level(SimulatedTraining.QueueLevel l) {
        return String.format(
                Locale.ROOT,
                "%.1f %% (target %.0f %%), %.0f %% of hour-of-week slots at or above target - 3"
                        + " points",
                100 * l.serviceLevel(),
                l.targetPercent(),
                100 * l.slotShare());
    }

    private static SimulatedTraining.QueueLevel find(
            List<SimulatedTraining.QueueLevel> levels, String queue) {
        return levels.stream().filter(l -> l.queue().equals(queue)).findFirst().orElse(null);
    }
}
