package fr.joignable.forecasting.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The greedy completion under a weekly paid floor (what a {@code --verify} round asks: keep the
 * first solve's hours): one full-time agent, one queue needing him 09:00–11:00 each weekday. Left
 * alone the greedy pays only the short shifts that cover the two hours; with a floor it must reach
 * the floor — lengthening shifts once his five days are used — without breaking his limits.
 */
class GreedyFloorTest {

    private static final ShiftRules RULES = ShiftRules.defaults();
    private static final List<ShiftPattern> PATTERNS = PatternGenerator.patterns(RULES);
    private static final SkillSets SETS = new SkillSets(1, new int[] {1});
    private static final boolean[] OPEN = {true, true, true, true, true, false, false};
    private static final List<WeekModel.Group> GROUP = List.of(new WeekModel.Group(0, 1, 2100, 0));

    private static List<WeekModel.Slot> slots() {
        List<WeekModel.Slot> slots = new ArrayList<>();
        for (int d = 0; d < 5; d++) {
            for (int m = 9 * 60; m < 11 * 60; m += 15) {
                slots.add(new WeekModel.Slot(d, m, new int[] {15}));
            }
        }
        return slots;
    }

    private static Greedy run(int floor) {
        Greedy g =
                new Greedy(
                        PATTERNS,
                        RULES,
                        SETS,
                        7,
                        OPEN,
                        GROUP,
                        5,
                        slots(),
                        new int[1][7][PATTERNS.size()],
                        floor);
        g.complete();
        return g;
    }

    private static int shiftsOn(Greedy g, int day) {
        int n = 0;
        for (int c : g.counts()[0][day]) {
            n += c;
        }
        return n;
    }

    @Test
    void withoutAFloorOnlyTheCoveringShiftsArePaid() {
        Greedy g = run(0);
        // one shift a day covers the two hours; the shortest allowed (4 h) is the cheapest
        for (int d = 0; d < 5; d++) {
            assertThat(shiftsOn(g, d)).isEqualTo(1);
        }
        assertThat(g.paid()).isEqualTo(5 * 240);
    }

    @Test
    void aFloorIsReachedByLongerShiftsWithinTheContract() {
        Greedy free = run(0);
        Greedy g = run(1800);
        assertThat(g.paid()).isGreaterThanOrEqualTo(1800).isLessThanOrEqualTo(2100);
        for (int d = 0; d < 7; d++) {
            assertThat(shiftsOn(g, d)).isLessThanOrEqualTo(OPEN[d] ? 1 : 0);
        }
        for (int[] perDay : g.counts()[0]) {
            for (int p = 0; p < perDay.length; p++) {
                if (perDay[p] > 0) {
                    assertThat(PATTERNS.get(p).paid()).isLessThanOrEqualTo(2100);
                }
            }
        }
        // the floor is paid for: more paid minutes than the free solution, the days all worked
        assertThat(g.paid()).isGreaterThan(free.paid());
        for (int d = 0; d < 5; d++) {
            assertThat(shiftsOn(g, d)).isEqualTo(1);
        }
    }
}
