package fr.joignable.jobs.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.junit.jupiter.api.Test;

/**
 * The FLINK-31006 wrapper against a stand-in for the connector's enumerator that behaves as {@code
 * KafkaSourceEnumerator} 5.0.0-2.2 does: {@code start()} schedules one discovery; its callback
 * returns early when nothing changed (a restored source) and otherwise schedules the split
 * initialisation, whose callback signals "no more splits" to the registered readers. The wrapper
 * must make the first case end exactly like the second, and add nothing to the second. (End to end:
 * {@code CrashRecoveryITCase.aRestoredBoundedStreamRunEnds}.)
 */
class BoundedKafkaSourceTest {

    @Test
    void aRestoredDiscoveryWithoutChangeEndsEveryReaderOnce() throws Exception {
        FakeContext ctx = new FakeContext();
        ctx.readers.put(0, new ReaderInfo(0, "localhost"));
        BoundedKafkaSource.EndSignalling e = new BoundedKafkaSource.EndSignalling(ctx);
        e.inner = new ConnectorLike(e.wrappedContext, false);
        e.start();
        assertThat(ctx.signalled).as("nothing before the discovery ran").isEmpty();
        ctx.runAsyncCalls();
        assertThat(ctx.signalled).containsExactly(0);
        assertThat(e.signalsEnd()).isTrue();
        // a reader registering later (restored subtask 1) is told too, after its own splits
        ctx.readers.put(1, new ReaderInfo(1, "localhost"));
        e.addReader(1);
        assertThat(ctx.signalled).containsExactly(0, 1);
    }

    @Test
    void aDiscoveryWithNewPartitionsIsLeftToTheConnector() throws Exception {
        FakeContext ctx = new FakeContext();
        ctx.readers.put(0, new ReaderInfo(0, "localhost"));
        ctx.readers.put(1, new ReaderInfo(1, "localhost"));
        BoundedKafkaSource.EndSignalling e = new BoundedKafkaSource.EndSignalling(ctx);
        e.inner = new ConnectorLike(e.wrappedContext, true);
        e.start();
        ctx.runAsyncCalls();
        assertThat(e.signalsEnd()).isFalse();
        // the connector's own signals, once per reader: none added by the wrapper
        assertThat(ctx.signalled).containsExactly(0, 1);
    }

    /** Discovery → (change ? initialise splits → signal registered readers : return). */
    static final class ConnectorLike
            implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
        private final SplitEnumeratorContext<KafkaPartitionSplit> ctx;
        private final boolean findsChange;
        private boolean noMore;

        ConnectorLike(SplitEnumeratorContext<KafkaPartitionSplit> ctx, boolean findsChange) {
            this.ctx = ctx;
            this.findsChange = findsChange;
        }

        @Override
        public void start() {
            ctx.callAsync(
                    () -> "partitions",
                    (partitions, t) -> {
                        if (!findsChange) {
                            return; // FLINK-31006: the early return
                        }
                        ctx.callAsync(
                                () -> "splits",
                                (splits, t2) -> {
                                    noMore = true;
                                    ctx.registeredReaders()
                                            .keySet()
                                            .forEach(ctx::signalNoMoreSplits);
                                });
                    });
        }

        @Override
        public void addReader(int subtaskId) {
            if (noMore) {
                ctx.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {}

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {}

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) {
            return null;
        }

        @Override
        public void close() {}
    }

    /** The coordinator: asynchronous calls queued and run on demand, signals recorded. */
    static final class FakeContext implements SplitEnumeratorContext<KafkaPartitionSplit> {
        final Map<Integer, ReaderInfo> readers = new TreeMap<>();
        final List<Integer> signalled = new ArrayList<>();
        private final Deque<Runnable> async = new ArrayDeque<>();

        void runAsyncCalls() {
            while (!async.isEmpty()) {
                async.poll().run();
            }
        }

        @Override
        public <T> void callAsync(Callable<T> callable, BiConsumer<T, Throwable> handler) {
            async.add(
                    () -> {
                        try {
                            handler.accept(callable.call(), null);
                        } catch (Exception e) {
                            handler.accept(null, e);
                        }
                    });
        }

        @Override
        public <T> void callAsync(
                Callable<T> callable, BiConsumer<T, Throwable> handler, long delay, long period) {
            callAsync(callable, handler);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            signalled.add(subtask);
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return readers;
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return null;
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {}

        @Override
        public int currentParallelism() {
            return 2;
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> newSplitAssignments) {}

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            runnable.run();
        }
    }
}
