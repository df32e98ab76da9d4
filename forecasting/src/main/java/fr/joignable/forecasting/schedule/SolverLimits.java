package fr.joignable.forecasting.schedule;

import com.google.ortools.sat.SatParameters;
import java.util.Locale;

/**
 * Limits that make a solve depend on its input only, not on the machine's load: the schedule of the
 * same plan and roster must be the same file on a quiet and on a busy machine (issue #20).
 *
 * <p>A wall-clock limit decides where a search stops, so a loaded machine stops it earlier with a
 * different incumbent. CP-SAT therefore runs with one worker and stops on its deterministic time
 * ({@code max_deterministic_time}, a count of work done, not seconds), SCIP on a node count ({@code
 * limits/totalnodes}) with its random seed fixed. A wall-clock cap stays on each solve only as a
 * safety net, {@link #SAFETY_FACTOR} times the budget plus {@link #SAFETY_SECONDS}: if it ever
 * binds (a machine many times slower than the calibration), that solve is no longer reproducible.
 */
final class SolverLimits {

    /**
     * Budget of a week that SCIP's root node is taken to fill: without cutting planes, the root
     * (presolve, LP, the RENS heuristic that finds the improvement) took 20–24 s of the demo's
     * weeks on the loaded 2-core machine; with SCIP's default cut rounds 42–81 s, and 8–16 nodes
     * filled 84 s.
     */
    static final double SCIP_ROOT_SECONDS = 30;

    /** SCIP nodes per second of budget beyond {@link #SCIP_ROOT_SECONDS} (measured: 0.1–0.2). */
    static final double SCIP_NODES_PER_SECOND =
            Double.parseDouble(System.getProperty("joignable.schedule.scipNodesPerSecond", "0.2"));

    /** SCIP nodes of one day's break placement. */
    static final long BREAK_NODES = Long.getLong("joignable.schedule.breakNodes", 2000);

    /** CP-SAT deterministic time per second of budget (about one on a current core). */
    static final double CP_SAT_DETERMINISTIC_PER_SECOND = 1.0;

    static final double SAFETY_FACTOR = 4;
    static final double SAFETY_SECONDS = 300;

    /**
     * Weeks solved at once: the cores (at most two: the machines this runs on have two, and the
     * rostering that follows is sequential), divided by each solve's own workers; {@code
     * joignable.schedule.weekThreads} overrides it (1: one week after the other).
     */
    static int weekThreads(int workersPerSolve) {
        Integer forced = Integer.getInteger("joignable.schedule.weekThreads");
        if (forced != null) {
            return Math.max(1, forced);
        }
        int cores = Math.min(2, Runtime.getRuntime().availableProcessors());
        return Math.max(1, cores / Math.max(1, workersPerSolve));
    }

    private SolverLimits() {}

    static double safetyCapSeconds(double budgetSeconds) {
        return SAFETY_FACTOR * budgetSeconds + SAFETY_SECONDS;
    }

    /** The root node, then nodes in proportion to the budget beyond it. */
    static long scipNodes(double budgetSeconds) {
        return 1
                + (long)
                        Math.floor(
                                SCIP_NODES_PER_SECOND
                                        * Math.max(0, budgetSeconds - SCIP_ROOT_SECONDS));
    }

    /**
     * SCIP's own settings (its settings-file syntax): a node limit and a fixed seed; without {@code
     * rootCuts} no cutting planes at the root (on the weekly model they doubled the root's time for
     * an incumbent 0.2 % cheaper; the week's bound is GLOP's LP anyway).
     */
    static String scip(long nodes, boolean rootCuts) {
        return String.format(
                Locale.ROOT,
                "limits/totalnodes = %d%nrandomization/randomseedshift = 0%n"
                        + "randomization/permutationseed = 0%nrandomization/lpseed = 0%n%s%s",
                nodes,
                rootCuts ? "" : "separating/maxroundsroot = 0\n",
                // with the root node alone no child is ever solved: strong branching at the root
                // only chose a branch nobody explores (a quarter of the root's time on the demo),
                // and RENS's sub-MIP within 500 nodes found the same incumbent as within its
                // default 5,000 (docs/scheduling.md, "Round 5")
                nodes <= 1
                        ? "branching/relpscost/maxreliable = 0\nbranching/relpscost/minreliable = 0\nheuristics/rens/maxnodes = 500\n"
                        : "");
    }

    /**
     * CP-SAT on one worker (the portfolio of several workers races them against the clock), or on
     * several in {@code interleave_search}, which is deterministic.
     */
    static void cpSat(SatParameters.Builder p, double budgetSeconds, int workers) {
        p.setNumWorkers(Math.max(1, workers));
        if (workers > 1) {
            p.setInterleaveSearch(true);
        }
        p.setRandomSeed(1);
        p.setMaxDeterministicTime(Math.max(0.5, CP_SAT_DETERMINISTIC_PER_SECOND * budgetSeconds));
        p.setMaxTimeInSeconds(safetyCapSeconds(budgetSeconds));
    }
}
