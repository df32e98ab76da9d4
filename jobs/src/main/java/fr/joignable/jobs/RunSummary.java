package fr.joignable.jobs;

import java.util.Locale;
import org.apache.flink.api.common.JobExecutionResult;

/** The counts a run prints: events read, rejected, late, orphans, redeliveries dropped. */
public record RunSummary(
        long read, long rejected, long late, long orphans, long redeliveries, long millis) {

    static RunSummary of(JobExecutionResult result, long millis) {
        return new RunSummary(
                count(result, Tags.READ),
                count(result, Tags.REJECTED_COUNT),
                count(result, Tags.LATE_COUNT),
                count(result, Tags.ORPHANS),
                count(result, Tags.REDELIVERED),
                millis);
    }

    private static long count(JobExecutionResult result, String name) {
        Object value = result.getAccumulatorResult(name);
        return value instanceof Number n ? n.longValue() : 0L;
    }

    /** One line per count, for the console. */
    public String format() {
        return String.format(
                Locale.ROOT,
                "events read: %d%nrejected: %d%nlate: %d%norphans: %d%nredeliveries dropped: %d%n",
                read,
                rejected,
                late,
                orphans,
                redeliveries);
    }
}
