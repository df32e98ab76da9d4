package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.OpeningHours;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.forecasting.training.QueueDemand;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The judgement of a replay by open hour-of-week slot and the raise of the requirement, on counts
 * chosen by hand (the simulator itself is checked by {@code PlanSimulatorTest}).
 */
class ScheduleVerificationTest {

    private static final double EXACT = 1e-12;

    /** Monday 5 October 2026; Paris is UTC+2. */
    private static final Instant MON_0700_LOCAL = Instant.parse("2026-10-05T05:00:00Z");

    private static Instant at(int quarter) {
        return MON_0700_LOCAL.plusSeconds(900L * quarter);
    }

    /**
     * Queue Q phone at 07:00 (closed), 09:00 and 09:15 local; queue R phone at 10:00 and 11:00. The
     * workload runs from 07:00 to 11:00 local: 17 intervals.
     */
    private static Replay.Workload workload() {
        return new Replay.Workload(
                List.of(
                        new ForecastRow(at(0), "Q", Channel.PHONE, 15, 300),
                        new ForecastRow(at(8), "Q", Channel.PHONE, 10, 300),
                        new ForecastRow(at(9), "Q", Channel.PHONE, 10, 300),
                        new ForecastRow(at(12), "R", Channel.PHONE, 12, 300),
                        new ForecastRow(at(16), "R", Channel.PHONE, 5, 300)),
                TargetsConfig.defaults());
    }

    /**
     * Two seeds pooled: Q closed 30 offered; Q 09:00 slot 20 + 20 offered, 10 + 18 within (70 %,
     * under 80 − 3); R 10:00 slot 25 offered all within (met); R 11:00 slot 10 offered (too few to
     * judge).
     */
    private static PlanSimulator.Result pooled() {
        int n = 17;
        long[][] offered = new long[2][n];
        long[][] within = new long[2][n];
        offered[0][0] = 30;
        offered[0][8] = 20;
        within[0][8] = 10;
        offered[0][9] = 20;
        within[0][9] = 18;
        offered[1][12] = 25;
        within[1][12] = 25;
        offered[1][16] = 10;
        within[1][16] = 0;
        return new PlanSimulator.Result(
                offered,
                within,
                within,
                new long[2][n],
                new double[2][n],
                new double[0][n],
                new double[0][n]);
    }

    private static ScheduleVerification verification() {
        return new ScheduleVerification(
                workload(), new StaffRoster(List.of()), OpeningHours.defaults(), 2);
    }

    @Test
    void onlyOpenSlotsWithEnoughContactsAreJudged() {
        ScheduleVerification.Outcome o = verification().judge(pooled(), 2);
        assertThat(o.closedPerSeed()).isCloseTo(15, within(EXACT));
        assertThat(o.slots()).hasSize(2);
        ScheduleVerification.Slot q = o.slots().get(0);
        assertThat(q.queue()).isEqualTo("Q");
        assertThat(q.label()).isEqualTo("Mon 09:00");
        assertThat(q.serviceLevel()).isCloseTo(28.0 / 40, within(EXACT));
        assertThat(q.met()).isFalse();
        assertThat(o.slots().get(1).met()).isTrue();
        ReplaySummary.Line lq = o.lines().get(0);
        assertThat(lq.offeredPerSeed()).isCloseTo(20, within(EXACT));
        assertThat(lq.slots()).isEqualTo(1);
        assertThat(lq.slotsMet()).isEqualTo(0);
        ReplaySummary.Line lr = o.lines().get(1);
        assertThat(lr.slots()).isEqualTo(1);
        assertThat(lr.slotsMet()).isEqualTo(1);
        assertThat(lr.serviceLevel()).isCloseTo(25.0 / 35, within(EXACT));
        assertThat(o.worstShare()).isCloseTo(0, within(EXACT));
        assertThat(o.overallShare()).isCloseTo(0.5, within(EXACT));
        assertThat(o.passes()).isFalse();
    }

    @Test
    void aFailingSlotRaisesItsQueueInEveryWeekOfThatHour() {
        ScheduleVerification v = verification();
        ScheduleVerification.Outcome o = v.judge(pooled(), 2);
        Instant mon0900 = at(8);
        Instant mon0915 = at(9);
        Instant mon1000 = at(12);
        Instant nextMon0900 = mon0900.plusSeconds(7 * 86_400);
        QueueDemand plan =
                new QueueDemand(
                        Path.of("plan.csv"),
                        List.of("Q", "R"),
                        List.of(mon0900, mon0915, mon1000, nextMon0900),
                        new double[][] {{1, 1}, {1, 1}, {1, 1}, {0, 1}});
        ScheduleVerification.Raise raise = v.raise(plan, o, null);
        double[][] extra = raise.extra();
        // 0.5 + 10 × (0.80 − 0.70) = 1.5 agents on Q at Monday 09:xx; not where Q needs nobody
        assertThat(extra[0][0]).isCloseTo(1.5, within(1e-9));
        assertThat(extra[1][0]).isCloseTo(1.5, within(1e-9));
        assertThat(extra[2][0]).isCloseTo(0, within(EXACT));
        assertThat(extra[3][0]).isCloseTo(0, within(EXACT));
        // R at Monday 10:00 is at 100 % for a target of 80 %: over-served, lowered by
        // min(1, 0.25 + 5 × (1 − 0.80 − 0.08)) = 0.85 agent, but never below 65 % of its 1 agent
        assertThat(extra[2][1]).isCloseTo(-0.35, within(1e-9));
        assertThat(extra[0][1]).isCloseTo(0, within(EXACT));
        assertThat(extra[1][1]).isCloseTo(0, within(EXACT));
        assertThat(extra[3][1]).isCloseTo(0, within(EXACT));
        // Q's pool weighs 1.5 × POOL_WEIGHT more where Q is under, nowhere else
        assertThat(raise.poolWeights()[0][0])
                .isCloseTo(1.5 * ScheduleVerification.POOL_WEIGHT, within(1e-9));
        assertThat(raise.poolWeights()[1][0])
                .isCloseTo(1.5 * ScheduleVerification.POOL_WEIGHT, within(1e-9));
        assertThat(raise.poolWeights()[2]).containsExactly(0, 0);
        assertThat(raise.poolWeights()[3]).containsExactly(0, 0);
        assertThat(raise.deepestCut(plan)).isCloseTo(0.35, within(1e-9));
        // the shortfall weight of those intervals × (1 + WEIGHT_SHARE × 1.5), the others' unchanged
        assertThat(raise.weights())
                .containsExactly(
                        new double[] {
                            1 + 1.5 * ScheduleVerification.WEIGHT_SHARE,
                            1 + 1.5 * ScheduleVerification.WEIGHT_SHARE,
                            1,
                            1
                        },
                        within(1e-9));
        ScheduleVerification.Raise again = v.raise(plan, o, raise);
        assertThat(again.extra()[0][0]).isCloseTo(3.0, within(1e-9));
        // a second lowering stays at the floor; the pool weight accumulates up to its cap
        assertThat(again.extra()[2][1]).isCloseTo(-0.35, within(1e-9));
        assertThat(again.poolWeights()[0][0])
                .isCloseTo(
                        Math.min(
                                ScheduleVerification.MAX_POOL_WEIGHT,
                                3.0 * ScheduleVerification.POOL_WEIGHT),
                        within(1e-9));
        assertThat(again.weights()[0])
                .isCloseTo(Math.pow(1 + 1.5 * ScheduleVerification.WEIGHT_SHARE, 2), within(1e-9));
    }

    @Test
    void theLoweringStartsAboveTheMarginAndIsCapped() {
        double m = ScheduleVerification.SURPLUS_MARGIN;
        assertThat(ScheduleVerification.lowerStep(0.8, 0.8 + m - 0.01)).isZero();
        assertThat(ScheduleVerification.lowerStep(0.8, 0.8 + m)).isCloseTo(0.25, within(1e-9));
        assertThat(ScheduleVerification.lowerStep(0.8, 0.8 + m + 0.05))
                .isCloseTo(0.5, within(1e-9));
        assertThat(ScheduleVerification.lowerStep(0.5, 1.0))
                .isCloseTo(ScheduleVerification.MAX_LOWER, within(EXACT));
    }

    @Test
    void theStepGrowsWithTheGapUpToItsCap() {
        assertThat(ScheduleVerification.step(0.8, 0.8)).isCloseTo(0.5, within(EXACT));
        assertThat(ScheduleVerification.step(0.8, 0.75)).isCloseTo(1.0, within(1e-9));
        assertThat(ScheduleVerification.step(0.8, 0.0))
                .isCloseTo(ScheduleVerification.MAX_STEP, within(EXACT));
    }
}
