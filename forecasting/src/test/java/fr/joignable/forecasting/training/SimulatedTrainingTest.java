package fr.joignable.forecasting.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.forecasting.staffing.Replay;
import fr.joignable.forecasting.staffing.ReplayAgents;
import fr.joignable.forecasting.staffing.ReplaySummary;
import fr.joignable.forecasting.staffing.StaffRoster;
import fr.joignable.forecasting.staffing.StaffingPlan.ForecastRow;
import fr.joignable.forecasting.staffing.TargetsConfig;
import fr.joignable.sim.PlanSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimulatedTrainingTest {

    /** Monday 2026-10-05 09:00 Paris. */
    private static final Instant MONDAY = Instant.parse("2026-10-05T07:00:00Z");

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private static final int SEEDS = 3;

    @TempDir Path dir;

    /**
     * Queue a: 40 calls a quarter-hour of 240 s (10.7 erlangs); queue b: 8 (2.1 erlangs); four
     * hours of two Mondays.
     */
    private static List<ForecastRow> forecast() {
        List<ForecastRow> rows = new ArrayList<>();
        for (int week = 0; week < 2; week++) {
            for (int i = 0; i < 16; i++) {
                Instant t =
                        MONDAY.plus(Duration.ofDays(7L * week)).plus(Duration.ofMinutes(15L * i));
                rows.add(new ForecastRow(t, "a", Channel.PHONE, 40, 240));
                rows.add(new ForecastRow(t, "b", Channel.PHONE, 8, 240));
            }
        }
        return rows;
    }

    /** 16 agents, all present 09:00–13:00 both Mondays. */
    private Path schedule(List<StaffRoster.Agent> agents) throws Exception {
        StringBuilder b = new StringBuilder(ReplayAgents.SCHEDULE_HEADER + "\n");
        for (String date : List.of("2026-10-05", "2026-10-12")) {
            for (StaffRoster.Agent a : agents) {
                b.append(a.agentId()).append(',').append(date).append(",09:00,13:00,\n");
            }
        }
        Path file = dir.resolve("schedule.csv");
        Files.writeString(file, b.toString());
        return file;
    }

    private static List<StaffRoster.Agent> agents(boolean everyoneInBoth) {
        List<StaffRoster.Agent> out = new ArrayList<>();
        for (int k = 1; k <= 15; k++) {
            out.add(
                    new StaffRoster.Agent(
                            String.format("A%02d", k),
                            "T",
                            everyoneInBoth ? List.of("a", "b") : List.of("a"),
                            1));
        }
        out.add(new StaffRoster.Agent("B01", "T", List.of("b"), 1));
        return out;
    }

    @Test
    void namesTheQueueShortOfTrainedAgentsAndTrainingRaisesItToTarget() throws Exception {
        List<StaffRoster.Agent> agents = agents(false);
        Replay.Workload w = new Replay.Workload(forecast(), TargetsConfig.defaults());
        SimulatedTraining.Outcome o =
                new SimulatedTraining(w, schedule(agents), PARIS, SEEDS)
                        .run(new StaffRoster(agents));

        // one agent for 2.1 erlangs: b is far below target, a (15 agents, 10.7 erlangs) is not
        SimulatedTraining.QueueLevel b0 =
                o.before().stream().filter(l -> l.queue().equals("b")).findFirst().orElseThrow();
        assertThat(b0.serviceLevel()).isLessThan(0.5);
        assertThat(o.named()).containsExactly("b");
        assertThat(o.steps())
                .isNotEmpty()
                .hasSizeLessThanOrEqualTo(SimulatedTraining.MAX_TRAININGS);
        assertThat(o.steps()).allSatisfy(s -> assertThat(s.queue()).isEqualTo("b"));
        SimulatedTraining.QueueLevel b1 =
                o.after().stream().filter(l -> l.queue().equals("b")).findFirst().orElseThrow();
        assertThat(b1.meets()).isTrue();

        // re-checked independently: a fresh replay of the trained roster gives the same level
        StaffRoster trained = new StaffRoster(agents);
        for (SimulatedTraining.Step s : o.steps()) {
            trained = SimulatedTraining.train(trained, s.agentId(), "b");
        }
        List<PlanSimulator.Agent> sim =
                ReplayAgents.fromSchedule(schedule(agents), w, trained, PARIS);
        List<PlanSimulator.Result> runs = Replay.runs(w, sim, SEEDS);
        ReplaySummary.Line line =
                ReplaySummary.lines(w, runs, PARIS).stream()
                        .filter(l -> l.queue().equals("b"))
                        .findFirst()
                        .orElseThrow();
        assertThat(line.serviceLevel()).isCloseTo(b1.serviceLevel(), within(1e-12));
        assertThat(line.serviceLevel()).isGreaterThan(b0.serviceLevel() + 0.3);
    }

    @Test
    void aRosterThatCoversThePlanNeedsNoTraining() throws Exception {
        List<StaffRoster.Agent> agents = agents(true);
        Replay.Workload w = new Replay.Workload(forecast(), TargetsConfig.defaults());
        SimulatedTraining.Outcome o =
                new SimulatedTraining(w, schedule(agents), PARIS, SEEDS)
                        .run(new StaffRoster(agents));
        assertThat(o.before()).hasSize(2).allSatisfy(l -> assertThat(l.meets()).isTrue());
        assertThat(o.named()).isEmpty();
        assertThat(o.steps()).isEmpty();
    }
}
