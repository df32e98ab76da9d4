package fr.joignable.forecasting.staffing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.forecasting.staffing.StaffingPlan.StaffingRow;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StaffingPlanTest {

    private static final double EXACT = 1e-12;

    /** Monday 2026-10-05 10:00 Paris. */
    private static final Instant MONDAY = Instant.parse("2026-10-05T08:00:00Z");

    @TempDir Path dir;

    private TargetsConfig yaml(String text) throws Exception {
        Path f = dir.resolve("targets.yaml");
        Files.writeString(f, text);
        return TargetsConfig.read(f);
    }

    @Test
    void aSinglePhoneQueueIsExactlyErlangAWithTheDefaultPatience() {
        ForecastRow row = new ForecastRow(MONDAY, "q", Channel.PHONE, 50, 180);
        StaffingRow staffed = new StaffingPlan(TargetsConfig.defaults()).plan(List.of(row)).get(0);
        QueueMetrics expected =
                RequiredAgents.solve(
                        ErlangA.of(10, 180, 180),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        assertThat(staffed.agents()).isEqualTo((double) expected.agents());
        assertThat(staffed.serviceLevel()).isEqualTo(expected.serviceLevel());
        assertThat(staffed.asaSeconds()).isEqualTo(expected.asaSeconds());
        // absence 5 %: ceil(N / 0.95)
        assertThat(staffed.scheduledAgents())
                .isEqualTo((double) Shrinkage.of(0.05).scheduledAgents(expected.agents()));
    }

    @Test
    void withoutPatienceASingleQueueIsExactlyErlangC() throws Exception {
        TargetsConfig config =
                yaml("channels:\n  PHONE: {patience: none, service_level: 80/20, absence: 0.3}\n");
        ForecastRow row = new ForecastRow(MONDAY, "q", Channel.PHONE, 120, 240 * 0.5);
        StaffingRow staffed = new StaffingPlan(config).plan(List.of(row)).get(0);
        // A = 120 x 120 / 900 = 16 erlangs; Erlang C 80/20 needs 20 (erlang command, by hand)
        QueueMetrics expected =
                RequiredAgents.solve(
                        ErlangC.of(16, 120),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        assertThat(staffed.agents()).isEqualTo((double) expected.agents());
        assertThat(staffed.scheduledAgents()).isEqualTo(Math.ceil(expected.agents() / 0.7));
    }

    @Test
    void chatWithConcurrencyOneIsExactlyErlangA() throws Exception {
        TargetsConfig config = yaml("channels:\n  CHAT: {chat_concurrency: 1}\n");
        ForecastRow row = new ForecastRow(MONDAY, "q", Channel.CHAT, 20, 450);
        StaffingRow staffed = new StaffingPlan(config).plan(List.of(row)).get(0);
        QueueMetrics expected =
                RequiredAgents.solve(
                        ErlangA.of(10, 450, 360),
                        StaffingTargets.none().withServiceLevel(80, 60).withMaxOccupancy(0.85));
        assertThat(staffed.agents()).isEqualTo((double) expected.agents());
    }

    @Test
    void twoChatsAtOnceNeedFewerAgents() {
        // k = 2, growth 0.25: each chat takes 450 x 1.25 / 2 = 281.25 s of an agent
        ForecastRow row = new ForecastRow(MONDAY, "q", Channel.CHAT, 20, 450);
        StaffingRow staffed = new StaffingPlan(TargetsConfig.defaults()).plan(List.of(row)).get(0);
        QueueMetrics expected =
                RequiredAgents.solve(
                        ErlangA.of(20 * 281.25 / 900, 281.25, 360),
                        StaffingTargets.none().withServiceLevel(80, 60).withMaxOccupancy(0.85));
        assertThat(staffed.agents()).isEqualTo((double) expected.agents());
    }

    @Test
    void aQueuesPhoneAndChatAreOnePoolRoundedOnce() {
        // identical handle times and patience: the pool is one Erlang A of the summed traffic
        TargetsConfig config = TargetsConfig.defaults();
        List<ForecastRow> rows =
                List.of(
                        new ForecastRow(MONDAY, "q", Channel.PHONE, 30, 240),
                        new ForecastRow(MONDAY, "r", Channel.PHONE, 3, 240));
        StaffRoster roster =
                new StaffRoster(List.of(new StaffRoster.Agent("A1", "T", List.of("q", "r"), 1)));
        StaffingPlan.Plan plan =
                new StaffingPlan(config).plan(rows, Pools.fromRoster(roster, List.of("q", "r")));
        QueueMetrics pooled =
                RequiredAgents.solve(
                        ErlangA.of(33 * 240 / 900.0, 240, 180),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        double sum = plan.rows().get(0).agents() + plan.rows().get(1).agents();
        assertThat(sum).isCloseTo(pooled.agents(), within(1e-9));
        assertThat(plan.pools()).hasSize(1);
        assertThat(plan.pools().get(0).liveAgents()).isEqualTo(pooled.agents());
        // separately: 30 calls need more than their share, 3 calls need at least 2 agents
        QueueMetrics small =
                RequiredAgents.solve(
                        ErlangA.of(3 * 240 / 900.0, 240, 180),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        QueueMetrics big =
                RequiredAgents.solve(
                        ErlangA.of(30 * 240 / 900.0, 240, 180),
                        StaffingTargets.none().withServiceLevel(80, 20).withMaxOccupancy(0.85));
        assertThat(pooled.agents()).isLessThan(small.agents() + big.agents());
        // square-root allocation: the small queue gets its load plus a larger relative margin
        double aSmall = 0.8;
        double aBig = 8;
        double extra = pooled.agents() - aSmall - aBig;
        double expectedSmall =
                aSmall + extra * Math.sqrt(aSmall) / (Math.sqrt(aSmall) + Math.sqrt(aBig));
        assertThat(plan.rows().get(1).agents()).isCloseTo(expectedSmall, within(1e-9));
        // one rounding: the pool's scheduled agents are whole, rows add up to them
        int scheduled = plan.pools().get(0).scheduledAgents();
        assertThat(scheduled).isEqualTo(Shrinkage.of(0.05).scheduledAgents(pooled.agents()));
        double rowsScheduled =
                plan.rows().get(0).scheduledAgents() + plan.rows().get(1).scheduledAgents();
        assertThat(rowsScheduled).isCloseTo(scheduled, within(1e-9));
    }

    @Test
    void deferredWorkIsDoneByItsDueDateInTheQuietIntervals() throws Exception {
        // Monday 10:00-11:00 Paris: a phone queue busy in the first two intervals, quiet after;
        // 10 emails of 459 s at 10:00 must be done within 1 h (response_percent 100)
        TargetsConfig config =
                yaml(
                        "channels:\n  EMAIL: {response_target: 1h, response_percent: 100}\n"
                                + "  PHONE: {patience: none}\n");
        List<ForecastRow> rows = new ArrayList<>();
        double[] calls = {60, 60, 4, 4};
        for (int i = 0; i < 4; i++) {
            Instant t = MONDAY.plus(Duration.ofMinutes(15L * i));
            rows.add(new ForecastRow(t, "q", Channel.PHONE, calls[i], 180));
            rows.add(new ForecastRow(t, "q", Channel.EMAIL, i == 0 ? 10 : 0, 459));
        }
        StaffingPlan.Plan plan = new StaffingPlan(config).plan(rows, Pools.perQueue(List.of("q")));
        double work = 10 * 459 / 0.85 / 900; // 6 agent-intervals
        double deferred = 0;
        int peak = 0;
        for (StaffingPlan.PoolRow p : plan.pools()) {
            deferred += p.deferredAgents();
            peak = Math.max(peak, (int) Math.ceil(p.agents() - 1e-9));
        }
        assertThat(deferred).isCloseTo(work, within(1e-6));
        // the live peak (busy intervals) is not raised: the work goes to the quiet half hour
        int livePeak = plan.pools().get(0).liveAgents();
        assertThat(peak).isEqualTo(livePeak);
        assertThat(plan.pools().get(0).deferredAgents()).isZero();
        // every email is answered within its target
        assertThat(plan.rows().get(1).serviceLevel()).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void publicHolidaysAreClosedForDeferredWork() {
        // Tuesday 2026-11-10 17:15 Paris (16:15Z), the last open interval; Wednesday 11 November
        // is a holiday: work received then is done on Thursday, not Wednesday
        Instant tuesday = Instant.parse("2026-11-10T16:15:00Z");
        List<ForecastRow> rows = new ArrayList<>();
        for (int i = 0; i < 4 * 48; i++) {
            rows.add(
                    new ForecastRow(
                            tuesday.plus(Duration.ofMinutes(15L * i)),
                            "q",
                            Channel.EMAIL,
                            i == 0 ? 20 : 0,
                            900));
        }
        List<StaffingRow> plan = new StaffingPlan(TargetsConfig.defaults()).plan(rows);
        for (StaffingRow r : plan) {
            java.time.ZonedDateTime local =
                    r.forecast().intervalStart().atZone(java.time.ZoneId.of("Europe/Paris"));
            if (local.getDayOfMonth() == 11) {
                assertThat(r.agents()).isZero();
            }
        }
        double total = plan.stream().mapToDouble(StaffingRow::agents).sum();
        assertThat(total).isCloseTo(20 * 900 / 0.85 / 900, within(1e-6));
    }
}
