package fr.joignable.forecasting.training;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** A month of 15-minute intervals, 6 queues, 25 agents: must stay well under a second or two. */
class MonthSizedPlanTest {

    static final List<String> QUEUES =
            List.of("ACCUEIL", "DEMANDES", "GESTION_LOCATIVE", "LOYERS", "PROXIMITE", "TECHNIQUE");

    /** Demand with a daily profile (peaks mid-morning and early afternoon) and noise. */
    static QueueDemand month(Random random, double scale) {
        int days = 30;
        double[] weight = {0.8, 0.6, 0.9, 1.4, 0.5, 1.3};
        double[][] demand = new double[days * 96][QUEUES.size()];
        for (int i = 0; i < demand.length; i++) {
            int slot = i % 96;
            double hour = slot / 4.0;
            boolean open = hour >= 8 && hour < 18 && (i / 96) % 7 < 5;
            for (int q = 0; q < QUEUES.size(); q++) {
                if (!open) {
                    continue;
                }
                double profile =
                        1 + Math.exp(-Math.pow(hour - 10, 2)) + Math.exp(-Math.pow(hour - 14, 2));
                demand[i][q] =
                        Math.max(0, Math.ceil(scale * weight[q] * profile + random.nextGaussian()));
            }
        }
        return Fixtures.plan(QUEUES, demand);
    }

    static Roster roster(Random random, int agents) {
        List<Agent> list = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            List<String> skills = new ArrayList<>();
            skills.add(QUEUES.get(a % QUEUES.size()));
            if (random.nextInt(3) == 0) {
                skills.add(QUEUES.get(random.nextInt(QUEUES.size())));
            }
            double fte = random.nextInt(4) == 0 ? 0.8 : 1;
            list.add(
                    new Agent(
                            String.format("AG%03d", a),
                            "T" + (a % 3),
                            skills.stream().distinct().toList(),
                            fte,
                            a + 2));
        }
        return Fixtures.roster(list.toArray(new Agent[0]));
    }

    @Test
    void aMonthSizedPlanIsAnalysedAndVerified() {
        Random random = new Random(1L);
        Roster roster = roster(random, 25);
        QueueDemand plan = month(random, 1.6);

        TrainingGaps.analyse(roster, plan); // warm-up
        long start = System.nanoTime();
        TrainingGapsResult r = TrainingGaps.analyse(roster, plan);
        double seconds = (System.nanoTime() - start) / 1e9;

        assertThat(r.intervals()).isEqualTo(30 * 96);
        assertThat(r.uncoveredAgentHours()).isPositive();
        assertThat(r.plan()).isNotEmpty();
        assertThat(r.verified()).isTrue();
        // no timing assertion: speed is measured by ./bench/run, not by tests
        System.out.printf(
                "month: %.3f s, %d trainings (%s, bound %d), %s h uncovered, %s h hiring%n",
                seconds,
                r.plan().size(),
                r.planOptimal() ? "optimal" : "heuristic",
                r.planLowerBound(),
                r.uncoveredAgentHours(),
                r.hiringAgentHours());
    }
}
