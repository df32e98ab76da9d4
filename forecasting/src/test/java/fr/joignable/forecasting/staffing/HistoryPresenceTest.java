package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HistoryPresenceTest {

    @TempDir Path dir;

    @Test
    void theSameHourOfTheLatestWeekGivesTheTeamsAvailableAgents() throws Exception {
        // history: Monday 2026-09-28 09:00 Paris, team N available 1,800 s (2 agents: 900 s
        // ready, 600 busy, 300 wrap-up; the 900 s not ready are breaks and do not count)
        Files.writeString(
                dir.resolve("agent_intervals.csv"),
                "interval_start,team,staffed_s,ready_s,busy_s,wrap_s,not_ready_s,occupancy\n"
                        + "2026-09-28T07:00:00Z,N,2700,900,600,300,900,0.5\n"
                        + "2026-09-28T07:15:00Z,N,900,900,0,0,0,0\n");
        List<ForecastRow> forecast =
                List.of(
                        new ForecastRow(
                                Instant.parse("2026-10-05T07:00:00Z"), "q", Channel.PHONE, 10, 200),
                        new ForecastRow(
                                Instant.parse("2026-10-05T07:15:00Z"),
                                "q",
                                Channel.PHONE,
                                10,
                                200));
        StaffRoster roster =
                new StaffRoster(
                        List.of(
                                new StaffRoster.Agent("A1", "N", List.of("q"), 1),
                                new StaffRoster.Agent("A2", "N", List.of("q"), 1),
                                new StaffRoster.Agent("B1", "S", List.of("q"), 1)));
        Replay.Workload w = new Replay.Workload(forecast, TargetsConfig.defaults());
        List<PlanSimulator.Agent> agents = HistoryPresence.agents(dir, w, roster);
        // 2 agents of team N in the first interval, 1 in the second; team S has no history
        assertThat(agents).hasSize(2);
        assertThat(agents.get(0).from()).containsExactly(0);
        assertThat(agents.get(0).to()).containsExactly(1800);
        assertThat(agents.get(1).to()).containsExactly(900);
        assertThat(agents).allMatch(a -> a.id().startsWith("A"));
    }
}
