package fr.joignable.forecasting.training;

import java.time.Instant;
import java.util.List;

/**
 * What {@link TrainingGaps#analyse} finds.
 *
 * @param warnings roster skills that no queue of the plan uses (ignored), one line each
 * @param intervals intervals in the plan
 * @param uncoveredAgentHours agents missing over the horizon with today's roster, agent-hours
 * @param worstInterval the interval with the most agents missing (null when none is)
 * @param worstIntervalUncovered agents missing in it
 * @param hiringAgentHours the part no training can fix: Σ max(0, demand − roster FTE)
 * @param worstHiringInterval the interval whose demand most exceeds the roster FTE (null if none)
 * @param worstIntervalHiring agents to hire in it
 * @param planOptimal whether the plan is proved to have the fewest trainings
 * @param planLowerBound a proved lower bound on the number of trainings
 * @param searchNodes nodes of the exact search (0 when the greedy plan met the bound)
 * @param uncoveredAgentHoursAfterPlan verification: agents missing once the plan is trained
 *     (max-flow recomputed on the trained roster), agent-hours
 * @param fixableAgentHoursAfterPlan the part of it above the hiring need (0 when the plan works)
 */
public record TrainingGapsResult(
        List<String> queues,
        List<QueueGap> gaps,
        List<PlannedTraining> plan,
        List<String> warnings,
        int intervals,
        int agents,
        double rosterFte,
        double uncoveredAgentHours,
        Instant worstInterval,
        double worstIntervalUncovered,
        double hiringAgentHours,
        Instant worstHiringInterval,
        double worstIntervalHiring,
        boolean planOptimal,
        int planLowerBound,
        long searchNodes,
        double uncoveredAgentHoursAfterPlan,
        double fixableAgentHoursAfterPlan) {

    /** Agent-hours that training can fix. */
    public double trainableAgentHours() {
        return TrainingGaps.round(Math.max(0, uncoveredAgentHours - hiringAgentHours));
    }

    /** Whether the re-run coverage check confirms the plan leaves only the hiring need. */
    public boolean verified() {
        return fixableAgentHoursAfterPlan <= 1e-6;
    }
}
