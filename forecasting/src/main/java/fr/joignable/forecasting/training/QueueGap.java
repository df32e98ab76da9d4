package fr.joignable.forecasting.training;

/**
 * One row of the gaps table.
 *
 * @param peakScheduledAgents the most agents the plan schedules for the queue in one interval (its
 *     channels added)
 * @param trainedFte the FTE of the roster's agents trained in the queue
 * @param uncoveredAgentHours agents still missing after the best assignment of the roster, summed
 *     over the horizon, in agent-hours (an interval of 15 minutes counts 0.25 h per agent)
 * @param worstIntervalUncovered the most agents missing in one interval
 */
public record QueueGap(
        String queue,
        double peakScheduledAgents,
        double trainedFte,
        double uncoveredAgentHours,
        double worstIntervalUncovered) {}
