package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulationCheckTest {

    /** Monday 2026-10-05 09:00 Paris. */
    private static final Instant MONDAY = Instant.parse("2026-10-05T07:00:00Z");

    @TempDir Path dir;

    /** Two queues, one small, over 4 hours of two weeks' Mondays: 8 hour-of-week slots judged. */
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

    @Test
    void theCheckedPlanMeetsEveryQueuesTargetInSimulation() {
        List<ForecastRow> rows = forecast();
        TargetsConfig config = TargetsConfig.defaults();
        // agents trained in a, in b, and one in both: one pool
        StaffRoster roster =
                new StaffRoster(
                        List.of(
                                new StaffRoster.Agent("A1", "T", List.of("a"), 1),
                                new StaffRoster.Agent("A2", "T", List.of("a", "b"), 1),
                                new StaffRoster.Agent("A3", "T", List.of("b"), 1)));
        Pools pools = Pools.fromRoster(roster, List.of("a", "b"));
        Replay.Workload w = new Replay.Workload(rows, config);
        SimulationCheck check =
                new SimulationCheck(w, pools, roster, 10, config.openingHours().zone());
        StaffingPlan.Plan plan = new StaffingPlan(config).plan(rows, pools, check);
        for (ReplaySummary.Line l : check.summary()) {
            assertThat(l.slots()).isPositive();
            assertThat(l.slotShare()).as(l.queue()).isGreaterThanOrEqualTo(0.9);
        }
        // the rows' service levels are what a replay of the written plan measures
        Map<Pools.Pool, int[]> counts = new java.util.LinkedHashMap<>();
        int[] n = new int[w.size()];
        for (StaffingPlan.PoolRow p : plan.pools()) {
            n[w.indexOf(p.intervalStart())] = p.liveAgents();
        }
        counts.put(pools.pools().get(0), n);
        List<PlanSimulator.Agent> agents = ReplayAgents.fromCounts(w, pools, roster, counts);
        List<Replay.Row> replay = Replay.rows(w, agents, Replay.runs(w, agents, 10));
        assertThat(replay.get(0).serviceLevel())
                .isCloseTo(plan.rows().get(0).serviceLevel(), within(1e-12));
    }

    @Test
    void aScheduleGivesPresenceFromStartToEndLessBreaks() throws Exception {
        List<ForecastRow> rows = forecast();
        Path schedule = dir.resolve("schedule.csv");
        Files.writeString(
                schedule,
                "agent_id,date,start,end,breaks\nA1,2026-10-05,09:00,12:00,10:00-10:15;11:00-11:15\n");
        StaffRoster roster =
                new StaffRoster(List.of(new StaffRoster.Agent("A1", "T", List.of("a"), 1)));
        TargetsConfig config = TargetsConfig.defaults();
        Replay.Workload w = new Replay.Workload(rows, config);
        List<PlanSimulator.Agent> agents =
                ReplayAgents.fromSchedule(schedule, w, roster, config.openingHours().zone());
        assertThat(agents).hasSize(1);
        // 09:00 Paris is the origin: present [0, 1 h), [1 h 15, 2 h), [2 h 15, 3 h)
        assertThat(agents.get(0).from()).containsExactly(0, 4500, 8100);
        assertThat(agents.get(0).to()).containsExactly(3600, 7200, 10800);
        assertThat(ReplayAgents.isSchedule(schedule)).isTrue();
    }
}
