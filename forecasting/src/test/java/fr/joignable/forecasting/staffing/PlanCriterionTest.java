package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The done-when criterion as printed, the minimum search, and closed hours. */
class PlanCriterionTest {

    /** Monday 2026-10-05 09:00 Paris. */
    private static final Instant MONDAY = Instant.parse("2026-10-05T07:00:00Z");

    @Test
    void theCriterionTakesTheWorstQueueOfTheFloorAndOfTheBand() {
        // 10 slots each; a: 9 at or above target - 3 of which 4 within +-3; b: 10 and 10
        ReplaySummary.Line a =
                new ReplaySummary.Line("a", Channel.PHONE, 100, 0.85, 80, 10, 9, 0.02, 4);
        ReplaySummary.Line b =
                new ReplaySummary.Line("b", Channel.CHAT, 100, 0.81, 80, 10, 10, 0.01, 10);
        assertThat(a.slotShare()).isEqualTo(0.9);
        assertThat(a.bandShare()).isEqualTo(0.4);
        assertThat(a.aboveShare()).isEqualTo(0.5);
        ReplaySummary.Criterion c = ReplaySummary.criterion(List.of(b, a));
        assertThat(c.worstFloor()).isEqualTo(a);
        assertThat(c.worstBand()).isEqualTo(a);
        assertThat(c.met()).isTrue(); // 90 % is enough
        ReplaySummary.Line worse =
                new ReplaySummary.Line("c", Channel.PHONE, 100, 0.7, 80, 10, 8, 0.1, 8);
        assertThat(ReplaySummary.criterion(List.of(a, b, worse)).met()).isFalse();
        assertThat(ReplaySummary.format(ReplaySummary.criterion(List.of(a, b, worse))))
                .contains("NOT MET", "worst c PHONE 80 %");
    }

    private static List<ForecastRow> forecast() {
        List<ForecastRow> rows = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            for (int i = 0; i < 16; i++) {
                Instant t =
                        MONDAY.plus(Duration.ofDays(7L * week)).plus(Duration.ofMinutes(15L * i));
                rows.add(new ForecastRow(t, "a", Channel.PHONE, 40, 240));
                rows.add(new ForecastRow(t, "b", Channel.PHONE, 6, 240));
            }
        }
        return rows;
    }

    private static double liveHours(StaffingPlan.Plan plan) {
        return plan.pools().stream().mapToDouble(p -> p.liveAgents() * 0.25).sum();
    }

    @Test
    void theMinimumSearchKeepsEveryJudgedSlotWithinThreePointsWithNoMoreAgents() {
        List<ForecastRow> rows = forecast();
        TargetsConfig config = TargetsConfig.defaults();
        StaffRoster roster =
                new StaffRoster(
                        List.of(
                                new StaffRoster.Agent("A1", "T", List.of("a"), 1),
                                new StaffRoster.Agent("A2", "T", List.of("a", "b"), 1),
                                new StaffRoster.Agent("A3", "T", List.of("b"), 1)));
        Pools pools = Pools.fromRoster(roster, List.of("a", "b"));
        Replay.Workload w = new Replay.Workload(rows, config);
        SimulationCheck plan =
                new SimulationCheck(w, pools, roster, 5, config.openingHours().zone());
        SimulationCheck least =
                new SimulationCheck(
                        w,
                        pools,
                        roster,
                        5,
                        config.openingHours().zone(),
                        SimulationCheck.Search.MINIMUM);
        double planHours = liveHours(new StaffingPlan(config).plan(rows, pools, plan));
        double leastHours = liveHours(new StaffingPlan(config).plan(rows, pools, least));
        assertThat(leastHours).isLessThanOrEqualTo(planHours);
        for (ReplaySummary.Line l : least.summary()) {
            assertThat(l.slots()).isPositive();
            assertThat(l.slotShare()).as(l.queue()).isEqualTo(1.0);
        }
    }

    @Test
    void liveContactsOutsideTheOpeningHoursGetNoAgentsAndAreNotReplayed(
            @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        // Monday 07:00 Paris: the switchboard is closed (opens 08:30)
        Instant closed = Instant.parse("2026-10-05T05:00:00Z");
        Instant open = Instant.parse("2026-10-05T07:00:00Z");
        List<ForecastRow> rows =
                List.of(
                        new ForecastRow(closed, "a", Channel.PHONE, 20, 240),
                        new ForecastRow(open, "a", Channel.PHONE, 20, 240));
        // with the built-in hours every live row is staffed (a single queue keeps Erlang's answer)
        StaffingPlan.Plan byDefault =
                new StaffingPlan(TargetsConfig.defaults()).plan(rows, Pools.perQueue(List.of("a")));
        assertThat(byDefault.rows().get(0).agents()).isEqualTo(byDefault.rows().get(1).agents());
        java.nio.file.Path file = dir.resolve("targets.yaml");
        java.nio.file.Files.writeString(
                file,
                "opening_hours: {days: [MON, TUE, WED, THU, FRI], open: \"08:30\", close: \"17:30\"}\n");
        TargetsConfig config = TargetsConfig.read(file);
        StaffingPlan.Plan plan = new StaffingPlan(config).plan(rows, Pools.perQueue(List.of("a")));
        assertThat(plan.rows().get(0).agents()).isZero();
        assertThat(plan.rows().get(0).scheduledAgents()).isZero();
        assertThat(plan.rows().get(0).serviceLevel()).isNaN();
        assertThat(plan.rows().get(1).agents()).isPositive();
        Replay.Workload w = new Replay.Workload(rows, config);
        assertThat(w.offered(0, w.indexOf(closed))).isZero();
        assertThat(w.offered(0, w.indexOf(open))).isEqualTo(20);
    }
}
