package fr.joignable.forecasting.training;

import static fr.joignable.forecasting.training.Fixtures.agent;
import static fr.joignable.forecasting.training.Fixtures.d;
import static fr.joignable.forecasting.training.Fixtures.plan;
import static fr.joignable.forecasting.training.Fixtures.roster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Training gaps that see presence: agents count only in their shifts. */
class ScheduledGapsTest {

    static final double TOL = 1e-9;

    /**
     * x (A, B) always present, y (A) in the first two intervals, z (B) in the last: each interval
     * is coverable by hand.
     */
    @Test
    void aRosterThatCoversThePlanNeedsNoTraining() {
        Roster r =
                roster(
                        agent("x", "T", 1, "A", "B"),
                        agent("y", "T", 1, "A"),
                        agent("z", "T", 1, "B"));
        QueueDemand p = plan(List.of("A", "B"), d(2, 0), d(1, 1), d(0, 2));
        Map<String, double[]> presence =
                Map.of(
                        "x",
                        new double[] {1, 1, 1},
                        "y",
                        new double[] {1, 1, 0},
                        "z",
                        new double[] {0, 0, 1});

        TrainingGapsResult result = TrainingGaps.analyseScheduled(r, p, presence);

        assertThat(result.plan()).isEmpty();
        assertThat(result.uncoveredAgentHours()).isZero();
        assertThat(result.gaps()).allSatisfy(g -> assertThat(g.uncoveredAgentHours()).isZero());
        assertThat(result.verified()).isTrue();
    }

    /**
     * Three agents for the headcount in every interval, but in the third interval only y (A only)
     * and z (A only) are present with B needing 1: by hand, B is short one agent for 0.25 h and one
     * training (y or z in B) fixes it; with presence counted as FTE everywhere (the old model) x,
     * who knows B, would hide the gap.
     */
    @Test
    void aQueueShortOfTrainedAgentsWhileTheyAreAwayIsNamedAndFixedByOneTraining() {
        Roster r =
                roster(
                        agent("x", "T", 1, "A", "B"),
                        agent("y", "T", 1, "A"),
                        agent("z", "T", 1, "A"));
        QueueDemand p = plan(List.of("A", "B"), d(1, 1), d(2, 1), d(1, 1));
        Map<String, double[]> presence =
                Map.of(
                        "x",
                        new double[] {1, 1, 0},
                        "y",
                        new double[] {1, 1, 1},
                        "z",
                        new double[] {0, 1, 1});

        TrainingGapsResult result = TrainingGaps.analyseScheduled(r, p, presence);

        QueueGap b = result.gaps().get(1);
        assertThat(b.queue()).isEqualTo("B");
        assertThat(b.uncoveredAgentHours()).isCloseTo(0.25, within(TOL));
        assertThat(b.worstIntervalUncovered()).isCloseTo(1, within(TOL));
        assertThat(result.gaps().get(0).uncoveredAgentHours()).isZero();
        assertThat(result.plan()).hasSize(1);
        assertThat(result.plan().get(0).queue()).isEqualTo("B");
        assertThat(result.plan().get(0).agentId()).isIn("y", "z");
        assertThat(result.uncoveredAgentHoursAfterPlan()).isZero();
        assertThat(result.verified()).isTrue();

        // the constant-capacity model sees no gap at all
        assertThat(TrainingGaps.analyse(r, p).uncoveredAgentHours()).isZero();
    }

    /** Demand beyond the agents present is hiring, not training. */
    @Test
    void demandBeyondThePresentAgentsIsHiring() {
        Roster r = roster(agent("x", "T", 1, "A"));
        QueueDemand p = plan(List.of("A"), d(3));
        TrainingGapsResult result =
                TrainingGaps.analyseScheduled(r, p, Map.of("x", new double[] {0.5}));
        assertThat(result.hiringAgentHours()).isCloseTo(2.5 * 0.25, within(TOL));
        assertThat(result.plan()).isEmpty();
        assertThat(result.verified()).isTrue();
    }

    /** 35 h over 45 open hours a week: 7/9. */
    @Test
    void assumedAvailabilityIsWeeklyHoursOverOpenHours() {
        int intervals = 7 * 96;
        double[][] demand = new double[intervals][];
        for (int i = 0; i < intervals; i++) {
            int day = i / 96;
            int slot = i % 96;
            demand[i] = d(day < 5 && slot >= 34 && slot < 70 ? 1 : 0); // 9 h a day, 5 days
        }
        QueueDemand p = plan(List.of("A"), demand);
        assertThat(TrainingGaps.assumedAvailability(p, 35)).isCloseTo(35.0 / 45, within(TOL));
    }
}
