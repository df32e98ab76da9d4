package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.forecasting.staffing.StaffingPlan.StaffingRow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StaffingPlanTest {

    private static final double EXACT = 1e-12;

    @Test
    void deferredWorkBeforeAWeekendIsDoneOnFridayAfternoon() {
        // Friday 2026-10-09 16:00 Paris = 14:00Z: the 48 h window [Fri 16:00, Sun 16:00) holds
        // the 6 open intervals 16:00-17:30. 10 letters x 540 s = 5400 s -> 900 s per interval,
        // 900 / (900 x 0.85) = 1.176 agents (FTE) at occupancy 0.85; 1.176 / 0.7 = 1.681 scheduled.
        Instant friday = Instant.parse("2026-10-09T14:00:00Z");
        List<ForecastRow> rows = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            rows.add(
                    new ForecastRow(
                            friday.plus(Duration.ofMinutes(15L * i)),
                            "courrier",
                            Channel.LETTER,
                            i == 0 ? 10 : 0,
                            540));
        }
        List<StaffingRow> plan = new StaffingPlan(TargetsConfig.defaults()).plan(rows);
        for (int i = 0; i < 6; i++) {
            assertThat(plan.get(i).agents()).isEqualTo(1.176);
            assertThat(plan.get(i).scheduledAgents()).isEqualTo(1.68);
            assertThat(plan.get(i).occupancy()).isCloseTo(900 / (1.176 * 900), within(EXACT));
        }
        // 17:30 and 17:45: closed
        assertThat(plan.get(6).agents()).isZero();
        assertThat(plan.get(7).agents()).isZero();
        assertThat(plan.get(0).serviceLevel()).isEqualTo(1.0);
        // mean response: intervals 0..5 after arrival -> 2.5 x 900 s
        assertThat(plan.get(0).asaSeconds()).isCloseTo(2250, within(EXACT));
    }

    @Test
    void publicHolidaysAreClosed() {
        // Tuesday 2026-11-10 08:30 Paris = 07:30Z; Wednesday 11 November is a holiday, so the
        // window [Tue 08:30, Thu 08:30) holds only Tuesday's 36 intervals: 36 x 900 s of work
        // -> 900 s per interval -> 900 / (900 x 0.85) = 1.176 agents (max occupancy 0.85).
        Instant tuesday = Instant.parse("2026-11-10T07:30:00Z");
        List<ForecastRow> rows = new ArrayList<>();
        rows.add(new ForecastRow(tuesday, "q", Channel.EMAIL, 36, 900));
        Instant wednesday = Instant.parse("2026-11-11T07:30:00Z");
        rows.add(new ForecastRow(wednesday, "q", Channel.EMAIL, 0, 900));
        rows.add(new ForecastRow(tuesday.plus(Duration.ofHours(8)), "q", Channel.EMAIL, 0, 900));
        List<StaffingRow> plan = new StaffingPlan(TargetsConfig.defaults()).plan(rows);
        assertThat(plan.get(0).agents()).isEqualTo(1.176);
        assertThat(plan.get(1).agents()).isZero();
        assertThat(plan.get(2).agents()).isEqualTo(1.176);
    }

    @Test
    void liveRowsUseErlangAWhereAPatienceIsConfigured() throws Exception {
        java.nio.file.Path yaml = java.nio.file.Files.createTempFile("targets", ".yaml");
        java.nio.file.Files.writeString(
                yaml, "channels:\n  PHONE: {patience: 120s, service_level: 80/20}\n");
        TargetsConfig config = TargetsConfig.read(yaml);
        java.nio.file.Files.delete(yaml);
        ForecastRow row =
                new ForecastRow(Instant.parse("2026-10-05T08:00:00Z"), "q", Channel.PHONE, 50, 180);
        StaffingRow staffed = new StaffingPlan(config).plan(List.of(row)).get(0);
        QueueMetrics expected =
                RequiredAgents.solve(
                        ErlangA.of(10, 180, 120),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        assertThat(staffed.agents()).isEqualTo((double) expected.agents());
        // Erlang A needs no more than Erlang C (14 for A = 10 at 80/20)
        assertThat(staffed.agents()).isLessThanOrEqualTo(14);
    }
}
