package fr.joignable.forecasting.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The weeks' models solved side by side, their results handed out in week order.
 *
 * <p>Each solve stops on a node count or a deterministic time ({@link SolverLimits}), not on the
 * clock, so solving two weeks at once gives each the same result as solving them one after the
 * other: only the wall time changes. Each solve writes its progress lines to its own list, given to
 * the caller's consumer when that week's result is taken, so the lines come in the same order as
 * with one thread. With one thread (or one open week) the solves run in the caller's thread, when
 * their result is asked for, and their lines stream as they come.
 */
final class WeekSolves implements AutoCloseable {

    /** One week's solve. */
    interface Solve {
        WeekModel.Solution solve(Scheduler.WeekJob job, Consumer<String> progress);
    }

    private record Done(WeekModel.Solution solution, List<String> lines) {}

    private final List<Scheduler.WeekJob> jobs;
    private final Solve solve;
    private final ExecutorService pool;
    private final List<Future<Done>> results = new ArrayList<>();

    /** Starts the solves of {@code jobs} (null: a closed week) on {@code threads} threads. */
    WeekSolves(int threads, List<Scheduler.WeekJob> jobs, Solve solve) {
        this.jobs = jobs;
        this.solve = solve;
        long open = jobs.stream().filter(j -> j != null).count();
        if (threads <= 1 || open <= 1) {
            pool = null;
            return;
        }
        AtomicInteger n = new AtomicInteger();
        pool =
                Executors.newFixedThreadPool(
                        (int) Math.min(threads, open),
                        r -> {
                            Thread t = new Thread(r, "schedule-week-" + n.incrementAndGet());
                            t.setDaemon(true);
                            return t;
                        });
        for (Scheduler.WeekJob job : jobs) {
            results.add(
                    job == null
                            ? null
                            : pool.submit(
                                    () -> {
                                        List<String> lines = new ArrayList<>();
                                        return new Done(solve.solve(job, lines::add), lines);
                                    }));
        }
    }

    /** Week {@code w}'s solution, after its progress lines have gone to {@code progress}. */
    WeekModel.Solution result(int w, Consumer<String> progress) {
        if (pool == null) {
            return solve.solve(jobs.get(w), progress);
        }
        Done done;
        try {
            done = results.get(w).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while solving the week's model", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        done.lines().forEach(progress);
        return done.solution();
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdownNow();
        }
    }
}
