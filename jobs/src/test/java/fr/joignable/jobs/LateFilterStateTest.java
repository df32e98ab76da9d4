package fr.joignable.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.jobs.model.JobEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

/**
 * The late filter's memory survives a checkpoint: each test snapshots a harness, restores the
 * snapshot into a new operator (as Flink does after a crash, or from a savepoint) and feeds the
 * line that the uninterrupted run would judge late. Before the state was checkpointed the restored
 * filter had forgotten every source's latest time and the watermark, and accepted those lines.
 *
 * <p>Rule (see {@link LateFilterOperator}): late when more than {@code bound} behind the latest
 * time seen from the same source, or more than the allowed lateness behind the watermark. Here
 * bound = 60 s and allowed lateness = 10 s, so a line 10 minutes behind is late by either rule.
 */
class LateFilterStateTest {

    static final long T0 = Instant.parse("2026-10-05T08:00:00Z").toEpochMilli();
    static final long MINUTE = 60_000L;
    static final long BOUND_MS = MINUTE;
    static final long ALLOWED_LATENESS_MS = 10_000L;
    static final int MAX_PARALLELISM = 128;

    static int next;

    static JobEvent line(String source, long ts) {
        next++;
        return JobEvent.of(
                ContactOffered.anonymous(
                        "e" + next,
                        Instant.ofEpochMilli(ts),
                        "c" + next,
                        Channel.PHONE,
                        "LOYERS",
                        "CHARGES"),
                null,
                source,
                next);
    }

    static OneInputStreamOperatorTestHarness<JobEvent, JobEvent> harness(
            int parallelism, int subtask) throws Exception {
        return new OneInputStreamOperatorTestHarness<>(
                new LateFilterOperator(BOUND_MS, ALLOWED_LATENESS_MS),
                MAX_PARALLELISM,
                parallelism,
                subtask);
    }

    static OneInputStreamOperatorTestHarness<JobEvent, JobEvent> restored(
            OperatorSubtaskState state) throws Exception {
        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> h = harness(1, 0);
        h.initializeState(state);
        h.open();
        return h;
    }

    static void feed(OneInputStreamOperatorTestHarness<JobEvent, JobEvent> h, JobEvent ev)
            throws Exception {
        h.processElement(new StreamRecord<>(ev, ev.ts));
    }

    static int late(OneInputStreamOperatorTestHarness<JobEvent, JobEvent> h) {
        Queue<?> q = h.getSideOutput(Tags.LATE);
        return q == null ? 0 : q.size();
    }

    static List<Long> maxTs(OneInputStreamOperatorTestHarness<JobEvent, JobEvent> h) {
        List<Long> out = new ArrayList<>();
        Queue<StreamRecord<Long>> q = h.getSideOutput(Tags.MAX_TS);
        if (q != null) {
            q.forEach(r -> out.add(r.getValue()));
        }
        return out;
    }

    @Test
    void aSourcesLatestTimeSurvivesARestore() throws Exception {
        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> before = harness(1, 0);
        before.open();
        feed(before, line("p0", T0 + 10 * MINUTE));
        OperatorSubtaskState snapshot = before.snapshot(1L, T0);
        // the uninterrupted run: the line 10 minutes behind its source is late
        feed(before, line("p0", T0));
        assertThat(late(before)).as("late without a restore").isEqualTo(1);
        before.close();

        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> after = restored(snapshot);
        feed(after, line("p0", T0));
        feed(after, line("p1", T0)); // another source has no latest time: accepted
        assertThat(late(after)).as("late after the restore").isEqualTo(1);
        assertThat(after.extractOutputValues()).extracting(e -> e.ts).containsExactly(T0);
        after.close();
    }

    @Test
    void theWatermarkAndTheLargestTimeSurviveARestore() throws Exception {
        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> before = harness(1, 0);
        before.open();
        feed(before, line("p0", T0 + 10 * MINUTE));
        before.processWatermark(new Watermark(T0 + 9 * MINUTE));
        OperatorSubtaskState snapshot = before.snapshot(1L, T0);
        before.close();

        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> after = restored(snapshot);
        // a source never seen, 9 minutes behind the watermark (> 10 s allowed): late
        feed(after, line("p9", T0));
        // within the allowed lateness of the restored watermark: accepted
        feed(after, line("p9", T0 + 9 * MINUTE - 5_000));
        assertThat(late(after)).isEqualTo(1);
        after.endInput();
        // the end of the data is the largest accepted time of the whole run, not of the restored
        // part only (agents' last states last until then)
        assertThat(maxTs(after)).containsExactly(T0 + 10 * MINUTE);
        after.close();
    }

    @Test
    void twoSubtasksRestoredIntoOneKnowBothSources() throws Exception {
        List<OperatorSubtaskState> states = new ArrayList<>();
        long[] latest = {T0 + 10 * MINUTE, T0 + 20 * MINUTE};
        for (int i = 0; i < 2; i++) {
            OneInputStreamOperatorTestHarness<JobEvent, JobEvent> h = harness(2, i);
            h.open();
            feed(h, line("p" + i, latest[i]));
            h.processWatermark(new Watermark(latest[i] - MINUTE));
            states.add(h.snapshot(1L, T0));
            h.close();
        }
        OperatorSubtaskState merged =
                AbstractStreamOperatorTestHarness.repackageState(
                        states.toArray(new OperatorSubtaskState[0]));
        OperatorSubtaskState forOne =
                AbstractStreamOperatorTestHarness.repartitionOperatorState(
                        merged, MAX_PARALLELISM, 2, 1, 0);
        OneInputStreamOperatorTestHarness<JobEvent, JobEvent> after = restored(forOne);
        // p1's line 5 minutes behind its source: late; p0's at the same time: 15 minutes ahead
        // of its latest, accepted (the watermark is the lower of the two, 9 minutes past T0)
        feed(after, line("p1", T0 + 15 * MINUTE));
        feed(after, line("p0", T0 + 15 * MINUTE));
        // behind p0's latest by 2 minutes (p0's latest is now T0 + 15 min): late
        feed(after, line("p0", T0 + 13 * MINUTE));
        assertThat(late(after)).isEqualTo(2);
        assertThat(after.extractOutputValues())
                .extracting(e -> e.ts)
                .containsExactly(T0 + 15 * MINUTE);
        after.endInput();
        assertThat(maxTs(after)).containsExactly(T0 + 20 * MINUTE);
        after.close();
    }
}
