package fr.joignable.forecasting.training;

import static fr.joignable.forecasting.training.Fixtures.agent;
import static fr.joignable.forecasting.training.Fixtures.d;
import static fr.joignable.forecasting.training.Fixtures.plan;
import static fr.joignable.forecasting.training.Fixtures.roster;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class TrainingGapsTest {

    private static final Offset<Double> TOL = within(1e-6);

    @Test
    void aRosterThatCoversEverythingNeedsNoTraining() {
        Roster roster =
                roster(
                        agent("a1", "T1", 1, "A"),
                        agent("a2", "T1", 1, "B"),
                        agent("a3", "T1", 1, "A", "B"));
        QueueDemand plan = plan(List.of("A", "B"), d(1, 1), d(2, 1), d(1, 2), d(0, 0));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.uncoveredAgentHours()).isZero();
        assertThat(r.hiringAgentHours()).isZero();
        assertThat(r.plan()).isEmpty();
        assertThat(r.planOptimal()).isTrue();
        assertThat(r.verified()).isTrue();
        assertThat(r.gaps())
                .containsExactly(new QueueGap("A", 2, 2, 0, 0), new QueueGap("B", 2, 2, 0, 0));
    }

    @Test
    void aSingleMissingSkillNeedsExactlyOneTraining() {
        Roster roster = roster(agent("a1", "T1", 1, "A"), agent("a2", "T1", 1, "A"));
        // 4 intervals of one agent on B, which nobody knows
        QueueDemand plan = plan(List.of("A", "B"), d(1, 1), d(1, 1), d(1, 1), d(1, 1));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.gaps())
                .containsExactly(new QueueGap("A", 1, 2, 0, 0), new QueueGap("B", 1, 0, 1, 1));
        assertThat(r.uncoveredAgentHours()).isEqualTo(1.0); // 4 × 1 agent × 0.25 h
        assertThat(r.hiringAgentHours()).isZero();
        assertThat(r.plan()).containsExactly(new PlannedTraining("a1", "T1", "B"));
        assertThat(r.planOptimal()).isTrue();
        assertThat(r.uncoveredAgentHoursAfterPlan()).isZero();
        assertThat(r.verified()).isTrue();
    }

    @Test
    void simultaneousPeaksDefeatPerQueueCounts() {
        // x knows A and B, y knows A, z knows only C. Per queue, A peaks at 2 with 2 FTE trained
        // and B at 1 with 1 FTE trained, but at 06:00 A needs 2 and B 1 at once: x cannot be in
        // both, so one agent is missing while z (C has no demand then) is idle.
        Roster roster =
                roster(
                        agent("x", "T1", 1, "A", "B"),
                        agent("y", "T1", 1, "A"),
                        agent("z", "T2", 1, "C"));
        QueueDemand plan = plan(List.of("A", "B", "C"), d(2, 1, 0), d(0, 0, 1));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        for (QueueGap g : r.gaps()) {
            assertThat(g.peakScheduledAgents()).isLessThanOrEqualTo(g.trainedFte());
        }
        assertThat(r.worstIntervalUncovered()).isEqualTo(1.0);
        assertThat(r.worstInterval()).isEqualTo(Fixtures.T0);
        assertThat(r.uncoveredAgentHours()).isEqualTo(0.25);
        // max-min fair split of the missing agent: both queues covered at 2/3 of their demand
        QueueGap a = r.gaps().get(0);
        QueueGap b = r.gaps().get(1);
        assertThat(a.worstIntervalUncovered()).isCloseTo(2.0 / 3, TOL);
        assertThat(b.worstIntervalUncovered()).isCloseTo(1.0 / 3, TOL);
        assertThat(a.uncoveredAgentHours() + b.uncoveredAgentHours()).isCloseTo(0.25, TOL);
        assertThat(r.hiringAgentHours()).isZero();
        assertThat(r.plan()).containsExactly(new PlannedTraining("z", "T2", "A"));
        assertThat(r.planOptimal()).isTrue();
        assertThat(r.verified()).isTrue();
    }

    @Test
    void aShortfallBeyondTheRosterNeedsHiringNotTraining() {
        Roster roster = roster(agent("a1", "T1", 1, "A"), agent("a2", "T1", 1, "A"));
        QueueDemand plan = plan(List.of("A"), d(3), d(1), d(2));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.uncoveredAgentHours()).isEqualTo(0.25);
        assertThat(r.hiringAgentHours()).isEqualTo(0.25);
        assertThat(r.worstIntervalHiring()).isEqualTo(1.0);
        assertThat(r.trainableAgentHours()).isZero();
        assertThat(r.plan()).isEmpty();
        assertThat(r.planOptimal()).isTrue();
        assertThat(r.uncoveredAgentHoursAfterPlan()).isEqualTo(0.25);
        assertThat(r.verified()).isTrue();
    }

    @Test
    void trainingFixesOnlyTheTrainablePartOfAShortfall() {
        // 06:00: A needs 4, the roster has 3 FTE: 1 agent to hire; b1 idle (B needs none then):
        // training him in A brings the shortfall down to the hiring need, no further.
        Roster roster =
                roster(
                        agent("a1", "T1", 1, "A"),
                        agent("a2", "T1", 1, "A"),
                        agent("b1", "T2", 1, "B"));
        QueueDemand plan = plan(List.of("A", "B"), d(4, 0), d(0, 1));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.uncoveredAgentHours()).isEqualTo(0.5);
        assertThat(r.hiringAgentHours()).isEqualTo(0.25);
        assertThat(r.trainableAgentHours()).isEqualTo(0.25);
        assertThat(r.plan()).containsExactly(new PlannedTraining("b1", "T2", "A"));
        assertThat(r.uncoveredAgentHoursAfterPlan()).isEqualTo(0.25);
        assertThat(r.verified()).isTrue();
    }

    @Test
    void fractionalFteCountsAsPartOfAnAgent() {
        // two half-time agents on A cover one scheduled agent, not two
        Roster roster = roster(agent("p1", "T1", 0.5, "A"), agent("p2", "T1", 0.5, "A"));
        QueueDemand plan = plan(List.of("A"), d(2));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.gaps()).containsExactly(new QueueGap("A", 2, 1, 0.25, 1));
        assertThat(r.hiringAgentHours()).isEqualTo(0.25);
        assertThat(r.plan()).isEmpty();
    }

    @Test
    void rosterSkillsOutsideThePlanAreWarnedAbout() {
        Roster roster =
                roster(agent("a1", "T1", 1, "A", "loyers"), agent("a2", "T1", 1, "LOYERS", "ZZ"));
        QueueDemand plan = plan(List.of("A", "LOYERS"), d(1, 1));

        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);

        assertThat(r.warnings()).hasSize(2);
        assertThat(r.warnings().get(0)).contains("'loyers'").contains("did you mean 'LOYERS'");
        assertThat(r.warnings().get(1)).contains("'ZZ'");
        assertThat(r.uncoveredAgentHours()).isZero();
    }

    @Test
    void tooManyQueuesIsAnInputError() {
        List<String> queues = new java.util.ArrayList<>();
        for (int q = 0; q < 13; q++) {
            queues.add("Q" + q);
        }
        QueueDemand plan = plan(queues, new double[13]);

        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> TrainingGaps.analyse(roster(agent("a1", "T1", 1, "Q0")), plan))
                .isInstanceOf(fr.joignable.domain.io.InputException.class)
                .hasMessage("staffing.csv: 13 queues, training gaps handle at most 12");
    }
}
