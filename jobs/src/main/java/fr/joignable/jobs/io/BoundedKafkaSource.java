package fr.joignable.jobs.io;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.BiConsumer;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.KafkaSourceEnumState;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded {@link KafkaSource} that ends after a restore too: the work-around for FLINK-31006
 * (flink-connector-kafka 5.0.0-2.2, upstream fix proposed in apache/flink-connector-kafka#318).
 *
 * <p>The bug: a bounded Kafka source tells its readers "no more splits" only from the callback that
 * assigns newly discovered partitions. An enumerator recreated from a checkpoint or savepoint runs
 * its one discovery, finds every partition already assigned, and returns early: the readers reach
 * their stopping offsets and then wait forever, so {@code stream --until-end} restored from a
 * checkpoint never ends.
 *
 * <p>The work-around wraps the enumerator's context: when the discovery callback started by {@code
 * start()} returns without scheduling the split initialisation (that is, it found no partition
 * change), discovery is over and nothing new will ever be assigned, so this enumerator signals "no
 * more splits" to every registered reader, and to every reader that registers later (after the
 * wrapped enumerator has assigned it its pending splits). When the discovery does find partitions,
 * the wrapped enumerator signals as usual and this class adds nothing. Readers, splits, state and
 * serializers are the wrapped source's own, so checkpoints and savepoints stay compatible both
 * ways. Unbounded sources are returned unwrapped ({@link #of}).
 */
public final class BoundedKafkaSource<T>
        implements Source<T, KafkaPartitionSplit, KafkaSourceEnumState>, ResultTypeQueryable<T> {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(BoundedKafkaSource.class);

    private final KafkaSource<T> delegate;

    private BoundedKafkaSource(KafkaSource<T> delegate) {
        this.delegate = delegate;
    }

    /** The source itself when unbounded, otherwise the source wrapped against FLINK-31006. */
    public static <T> Source<T, KafkaPartitionSplit, KafkaSourceEnumState> of(
            KafkaSource<T> source) {
        return source.getBoundedness() == Boundedness.BOUNDED
                ? new BoundedKafkaSource<>(source)
                : source;
    }

    @Override
    public Boundedness getBoundedness() {
        return delegate.getBoundedness();
    }

    @Override
    public SourceReader<T, KafkaPartitionSplit> createReader(SourceReaderContext context)
            throws Exception {
        return delegate.createReader(context);
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> createEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context) throws Exception {
        EndSignalling e = new EndSignalling(context);
        e.inner = delegate.createEnumerator(e.wrappedContext);
        return e;
    }

    @Override
    public SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> restoreEnumerator(
            SplitEnumeratorContext<KafkaPartitionSplit> context, KafkaSourceEnumState state)
            throws Exception {
        EndSignalling e = new EndSignalling(context);
        e.inner = delegate.restoreEnumerator(e.wrappedContext, state);
        return e;
    }

    @Override
    public SimpleVersionedSerializer<KafkaPartitionSplit> getSplitSerializer() {
        return delegate.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<KafkaSourceEnumState> getEnumeratorCheckpointSerializer() {
        return delegate.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<T> getProducedType() {
        return delegate.getProducedType();
    }

    /**
     * The wrapped enumerator, plus "no more splits" once its initial discovery found nothing new.
     * Every method runs in the source coordinator's thread (the discovery callback too), so the
     * fields need no synchronisation.
     */
    static final class EndSignalling
            implements SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> {
        private final SplitEnumeratorContext<KafkaPartitionSplit> context;
        final SplitEnumeratorContext<KafkaPartitionSplit> wrappedContext;
        SplitEnumerator<KafkaPartitionSplit, KafkaSourceEnumState> inner;
        private boolean starting;
        private long asyncCalls;
        private boolean discoveryOver;

        EndSignalling(SplitEnumeratorContext<KafkaPartitionSplit> context) {
            this.context = context;
            this.wrappedContext = new WatchingContext(context, this);
        }

        /** True once this class has taken over the end signal (discovery found no change). */
        boolean signalsEnd() {
            return discoveryOver;
        }

        @Override
        public void start() {
            starting = true;
            try {
                inner.start();
            } finally {
                starting = false;
            }
        }

        /** The discovery callback of {@code start()} returned; {@code callsBefore} on entry. */
        void discoveryHandled(long callsBefore) {
            if (asyncCalls == callsBefore && !discoveryOver) {
                // no split initialisation scheduled: the wrapped enumerator will never signal
                discoveryOver = true;
                LOG.info(
                        "Bounded Kafka source: discovery found no partition change (a restore);"
                                + " signalling the end to readers {} and later ones (FLINK-31006)",
                        context.registeredReaders().keySet());
                for (int reader : context.registeredReaders().keySet()) {
                    context.signalNoMoreSplits(reader);
                }
            }
        }

        @Override
        public void handleSplitRequest(int subtaskId, String requesterHostname) {
            inner.handleSplitRequest(subtaskId, requesterHostname);
        }

        @Override
        public void addSplitsBack(List<KafkaPartitionSplit> splits, int subtaskId) {
            inner.addSplitsBack(splits, subtaskId);
            if (discoveryOver && context.registeredReaders().containsKey(subtaskId)) {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public void addReader(int subtaskId) {
            inner.addReader(subtaskId); // assigns the reader's pending splits first
            if (discoveryOver) {
                context.signalNoMoreSplits(subtaskId);
            }
        }

        @Override
        public KafkaSourceEnumState snapshotState(long checkpointId) throws Exception {
            return inner.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            inner.notifyCheckpointComplete(checkpointId);
        }

        @Override
        public void notifyCheckpointAborted(long checkpointId) throws Exception {
            inner.notifyCheckpointAborted(checkpointId);
        }

        @Override
        public void handleSourceEvent(int subtaskId, SourceEvent sourceEvent) {
            inner.handleSourceEvent(subtaskId, sourceEvent);
        }

        @Override
        public void close() throws java.io.IOException {
            inner.close();
        }
    }

    /** The coordinator's context, watching the one-off asynchronous calls of the enumerator. */
    private static final class WatchingContext
            implements SplitEnumeratorContext<KafkaPartitionSplit> {
        private final SplitEnumeratorContext<KafkaPartitionSplit> context;
        private final EndSignalling owner;

        WatchingContext(SplitEnumeratorContext<KafkaPartitionSplit> context, EndSignalling owner) {
            this.context = context;
            this.owner = owner;
        }

        @Override
        public <R> void callAsync(Callable<R> callable, BiConsumer<R, Throwable> handler) {
            owner.asyncCalls++;
            if (!owner.starting) {
                context.callAsync(callable, handler);
                return;
            }
            // the one-time partition discovery of start()
            context.callAsync(
                    callable,
                    (R result, Throwable t) -> {
                        long before = owner.asyncCalls;
                        handler.accept(result, t);
                        if (t == null) {
                            owner.discoveryHandled(before);
                        }
                    });
        }

        @Override
        public <R> void callAsync(
                Callable<R> callable,
                BiConsumer<R, Throwable> handler,
                long initialDelay,
                long period) {
            owner.asyncCalls++;
            context.callAsync(callable, handler, initialDelay, period);
        }

        @Override
        public SplitEnumeratorMetricGroup metricGroup() {
            return context.metricGroup();
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, SourceEvent event) {
            context.sendEventToSourceReader(subtaskId, event);
        }

        @Override
        public void sendEventToSourceReader(int subtaskId, int attemptNumber, SourceEvent event) {
            context.sendEventToSourceReader(subtaskId, attemptNumber, event);
        }

        @Override
        public int currentParallelism() {
            return context.currentParallelism();
        }

        @Override
        public Map<Integer, ReaderInfo> registeredReaders() {
            return context.registeredReaders();
        }

        @Override
        public Map<Integer, Map<Integer, ReaderInfo>> registeredReadersOfAttempts() {
            return context.registeredReadersOfAttempts();
        }

        @Override
        public void assignSplits(SplitsAssignment<KafkaPartitionSplit> newSplitAssignments) {
            context.assignSplits(newSplitAssignments);
        }

        @Override
        public void assignSplit(KafkaPartitionSplit split, int subtask) {
            context.assignSplit(split, subtask);
        }

        @Override
        public void signalNoMoreSplits(int subtask) {
            context.signalNoMoreSplits(subtask);
        }

        @Override
        public void runInCoordinatorThread(Runnable runnable) {
            context.runInCoordinatorThread(runnable);
        }

        @Override
        public void setIsProcessingBacklog(boolean isProcessingBacklog) {
            context.setIsProcessingBacklog(isProcessingBacklog);
        }
    }
}
