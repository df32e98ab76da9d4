package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The short breaks re-placed after the rostering ({@link BreakPlacement}), and the base weight of
 * the narrow pools ({@link Scheduler#poolWeights}).
 */
class BreakPlacementTest {

    private static final ShiftRules RULES = ShiftRules.defaults();

    @BeforeAll
    static void solver() {
        Scheduler.loadSolver();
    }

    private static ShiftPattern fourHours() {
        // 08:30-12:30, no lunch under 6 h: one short break at the middle of the 4 h stretch
        for (ShiftPattern p : PatternGenerator.patterns(RULES)) {
            if (p.start() == 510 && p.paid() == 240) {
                return p;
            }
        }
        throw new AssertionError("no 08:30 4 h pattern");
    }

    /** Agent-minutes missing in the slots, one queue, everybody trained in it. */
    private static int missing(List<ShiftPattern> day, List<WeekModel.Slot> slots) {
        int out = 0;
        for (WeekModel.Slot s : slots) {
            int present = 0;
            for (ShiftPattern p : day) {
                present += p.workedIn(s.minute(), 15);
            }
            out += Math.max(0, s.required15()[0] - present);
        }
        return out;
    }

    @Test
    void twoAgentsPausingTogetherInThePeakMoveTheirBreaksOutOfIt() {
        ShiftPattern p = fourHours();
        // the middle of 08:30-12:30 (225 min of work around a 15-min break): 10:20
        assertThat(p.breaks()).hasSize(1);
        assertThat(p.breaks().get(0)[0]).isEqualTo(620);
        // both agents needed 10:15-11:00, one at 09:45
        List<WeekModel.Slot> slots = new ArrayList<>();
        slots.add(new WeekModel.Slot(0, 585, new int[] {15}));
        for (int m = 615; m < 660; m += 15) {
            slots.add(new WeekModel.Slot(0, m, new int[] {30}));
        }
        SkillSets sets = new SkillSets(1, new int[] {1, 1});
        List<BreakPlacement.Worked> shifts =
                List.of(new BreakPlacement.Worked(p, 0), new BreakPlacement.Worked(p, 0));
        List<ShiftPattern> placed = new BreakPlacement(RULES, sets).place(shifts, slots, 5);
        // at the middle (10:20-10:35) each agent misses 10 min of 10:15 and 5 of 10:30: 2 × 15
        assertThat(missing(List.of(p, p), slots)).isEqualTo(30);
        // a break may start 80-145 min into the stretch (09:50-10:55); 10:00-10:15 misses nothing
        assertThat(missing(placed, slots)).isZero();
        for (ShiftPattern q : placed) {
            assertThat(q.breaks()).hasSize(1);
            int[] b = q.breaks().get(0);
            assertThat(b[1] - b[0]).isEqualTo(15);
            assertThat(b[0]).isBetween(590, 600);
            assertThat(q.paid()).isEqualTo(p.paid());
            assertThat(q.start()).isEqualTo(p.start());
            assertThat(q.end()).isEqualTo(p.end());
        }
    }

    @Test
    void everyCandidateKeepsWorkOnBothSidesAndNoStretchThatWouldNeedABreak() {
        BreakPlacement placement = new BreakPlacement(RULES, new SkillSets(1, new int[] {1}));
        int movableCount = 0;
        for (ShiftPattern p : PatternGenerator.patterns(RULES)) {
            List<int[]> b = p.breaks();
            for (var m : placement.movables(0, p)) {
                movableCount++;
                int[] br = b.get(m.index());
                int from = m.index() == 0 ? p.start() : b.get(m.index() - 1)[1];
                int to = m.index() == b.size() - 1 ? p.end() : b.get(m.index() + 1)[0];
                for (int start : m.starts()) {
                    int before = start - from;
                    int after = to - (start + br[1] - br[0]);
                    assertThat(before).isBetween(45, 145);
                    assertThat(after).isBetween(45, 145);
                    assertThat(start % 5).isZero();
                }
                assertThat(m.starts()).contains(br[0]);
            }
        }
        // with the defaults every pattern has a movable short break or more
        assertThat(movableCount).isGreaterThan(100);
    }

    @Test
    void theBaseWeightGoesToTheNarrowPoolsNotToTheWholeCentre() {
        // class 0 trained in queues 0 and 1, class 1 in queue 0 only: queue 1's own pool is
        // class 0's (narrow), queue 0's is reached by every class (the whole centre)
        SkillSets sets = new SkillSets(2, new int[] {0b11, 0b01});
        int narrow = sets.poolOf(1);
        int whole = sets.poolOf(0);
        assertThat(narrow).isNotEqualTo(whole);
        double[][] demand = {{1, 1}, {1, 0}};
        double[] w = Scheduler.poolWeights(sets, null, 0.5, demand, 0);
        assertThat(w[narrow]).isEqualTo(0.5);
        assertThat(w[whole]).isZero();
        // queue 1 needs nobody in interval 1: no weight at all
        assertThat(Scheduler.poolWeights(sets, null, 0.5, demand, 1)).isNull();
        // the loop's weights add up with the base
        double[][] loop = {{0, 2}, {0, 0}};
        assertThat(Scheduler.poolWeights(sets, loop, 0.5, demand, 0)[narrow]).isEqualTo(2.5);
    }
}
