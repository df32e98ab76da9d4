package fr.joignable.forecasting.training;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The plan against a brute force over all sets of trainings, on small random cases; and the three
 * coverage computations (min cut over queue sets, Dinic, fair split) against each other.
 */
class TrainingPlanOptimalityTest {

    private static final List<String> QUEUES = List.of("A", "B", "C");
    private static final String[] TEAMS = {"T1", "T2"};

    @Test
    void thePlanHasTheFewestTrainingsABruteForceFinds() {
        Random random = new Random(20261128L);
        int nonEmpty = 0;
        int searched = 0;
        for (int round = 0; round < 40; round++) {
            Roster roster = randomRoster(random, 5);
            QueueDemand plan = randomPlan(random, 6);

            TrainingGapsResult r = TrainingGaps.analyse(roster, plan);
            int fewest = bruteForceFewest(roster, plan);

            assertThat(r.verified()).as("round %d", round).isTrue();
            assertThat(r.planOptimal()).as("round %d", round).isTrue();
            assertThat(r.plan()).as("round %d", round).hasSize(fewest);
            nonEmpty += fewest > 0 ? 1 : 0;
            searched += r.searchNodes() > 0 ? 1 : 0;
        }
        assertThat(nonEmpty).as("cases that need training").isGreaterThan(10);
        assertThat(searched).as("cases where the exact search ran").isGreaterThan(5);
    }

    @Test
    void theExactSearchIsOptimalOnLargerRostersWithFractionalFte() {
        Random random = new Random(99L);
        for (int round = 0; round < 40; round++) {
            Roster roster = randomRoster(random, 6, new double[] {0.5, 0.8, 1});
            QueueDemand plan = randomPlan(random, 8);

            TrainingGapsResult r = TrainingGaps.analyse(roster, plan);
            int fewest = bruteForceFewest(roster, plan);

            assertThat(r.verified()).as("round %d", round).isTrue();
            assertThat(r.planOptimal()).as("round %d", round).isTrue();
            assertThat(r.plan()).as("round %d", round).hasSize(fewest);
        }
    }

    @Test
    void withoutSearchBudgetTheGreedyPlanIsFeasibleAndBracketsTheOptimum() {
        Random random = new Random(7L);
        for (int round = 0; round < 40; round++) {
            Roster roster = randomRoster(random, 5);
            QueueDemand plan = randomPlan(random, 6);

            TrainingGapsResult r = TrainingGaps.analyse(roster, plan, 0);
            int fewest = bruteForceFewest(roster, plan);

            assertThat(r.verified()).as("round %d", round).isTrue();
            assertThat(r.planLowerBound()).as("round %d", round).isLessThanOrEqualTo(fewest);
            assertThat(r.plan().size()).as("round %d", round).isGreaterThanOrEqualTo(fewest);
            if (r.planOptimal()) {
                assertThat(r.plan()).hasSize(fewest);
            }
        }
    }

    @Test
    void minCutDinicAndFairSplitAgree() {
        Random random = new Random(42L);
        for (int round = 0; round < 200; round++) {
            int nq = 1 + random.nextInt(5);
            int na = 1 + random.nextInt(8);
            int[] masks = new int[na];
            double[] fte = new double[na];
            for (int a = 0; a < na; a++) {
                masks[a] = random.nextInt(1 << nq);
                fte[a] = (1 + random.nextInt(10)) / 10.0;
            }
            CoverageModel model = new CoverageModel(nq, masks, fte);
            double[] demand = new double[nq];
            for (int q = 0; q < nq; q++) {
                demand[q] = random.nextInt(4);
            }
            double cut = model.maxServed(demand, model.newSetTable());
            double flow = model.maxFlow(demand);
            double[] fair = model.fairServed(demand);
            assertThat(cut).isCloseTo(flow, within(1e-9));
            assertThat(Arrays.stream(fair).sum()).isCloseTo(flow, within(1e-9));
            for (int q = 0; q < nq; q++) {
                assertThat(fair[q]).isBetween(-1e-9, demand[q] + 1e-9);
            }
        }
    }

    private static Roster randomRoster(Random random, int agents) {
        return randomRoster(random, agents, new double[] {0.5, 1});
    }

    private static Roster randomRoster(Random random, int agents, double[] ftes) {
        List<Agent> list = new ArrayList<>();
        for (int a = 0; a < agents; a++) {
            List<String> skills = new ArrayList<>();
            for (String q : QUEUES) {
                if (random.nextInt(3) == 0) {
                    skills.add(q);
                }
            }
            double fte = ftes[random.nextInt(ftes.length)];
            list.add(new Agent("ag" + a, TEAMS[random.nextInt(2)], skills, fte, a + 2));
        }
        return Fixtures.roster(list.toArray(new Agent[0]));
    }

    private static QueueDemand randomPlan(Random random, int intervals) {
        double[][] demand = new double[intervals][QUEUES.size()];
        for (double[] row : demand) {
            for (int q = 0; q < row.length; q++) {
                row[q] = random.nextInt(3);
            }
        }
        return Fixtures.plan(QUEUES, demand);
    }

    /** Smallest k such that some k trainings let every interval reach min(demand, roster FTE). */
    private static int bruteForceFewest(Roster roster, QueueDemand plan) {
        int nq = QUEUES.size();
        int na = roster.agents().size();
        int[] masks = new int[na];
        double[] fte = new double[na];
        List<int[]> candidates = new ArrayList<>();
        for (int a = 0; a < na; a++) {
            Agent agent = roster.agents().get(a);
            fte[a] = agent.fte();
            for (int q = 0; q < nq; q++) {
                if (agent.skills().contains(QUEUES.get(q))) {
                    masks[a] |= 1 << q;
                } else {
                    candidates.add(new int[] {a, q});
                }
            }
        }
        double total = Arrays.stream(fte).sum();
        int n = candidates.size();
        for (int k = 0; k <= n; k++) {
            if (anyFeasible(candidates, 0, k, masks, fte, total, plan)) {
                return k;
            }
        }
        throw new AssertionError("full training must be feasible");
    }

    private static boolean anyFeasible(
            List<int[]> candidates,
            int from,
            int k,
            int[] masks,
            double[] fte,
            double total,
            QueueDemand plan) {
        if (k == 0) {
            CoverageModel model = new CoverageModel(QUEUES.size(), masks, fte);
            for (double[] d : plan.demand()) {
                double need = Math.min(Arrays.stream(d).sum(), total);
                if (model.maxFlow(d) < need - 1e-9) {
                    return false;
                }
            }
            return true;
        }
        for (int i = from; i <= candidates.size() - k; i++) {
            int[] c = candidates.get(i);
            int before = masks[c[0]];
            masks[c[0]] |= 1 << c[1];
            boolean ok = anyFeasible(candidates, i + 1, k - 1, masks, fte, total, plan);
            masks[c[0]] = before;
            if (ok) {
                return true;
            }
        }
        return false;
    }
}
