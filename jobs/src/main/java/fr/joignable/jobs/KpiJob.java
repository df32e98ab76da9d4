package fr.joignable.jobs;

import fr.joignable.domain.kpi.AgentIntervalRow;
import fr.joignable.domain.kpi.ContactIntervalRow;
import fr.joignable.jobs.model.AgentSegment;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.DuplicateCandidate;
import fr.joignable.jobs.model.HandoffRow;
import fr.joignable.jobs.model.JobEvent;
import fr.joignable.jobs.model.LiveInput;
import fr.joignable.jobs.model.Problem;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.BroadcastStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;

/**
 * The KPI job graph, the same for a bounded run over files and a live run from Kafka: only the
 * source and the sinks differ.
 *
 * <pre>
 * events ─ late-filter ─┬─ rejected / late
 *                       ├─ live-view(arrivals) ─ snapshots
 *                       ├─ max-ts (broadcast) ───────────────────┐
 *                       └─ dedup(eventId) ─┬─ contacts(contactId) ─┬─ contact-aggregate(interval|queue|channel) ─ rows
 *                                          │                       ├─ duplicates(tenant|intent) ─┘
 *                                          │                       └─ handoffs(handoffId) ─ rows
 *                                          ├─ agents(agentId) ─ agent-aggregate(interval|team) ─ rows
 *                                          └─ handoff closings ─┘
 * </pre>
 */
public final class KpiJob {

    /**
     * The one timer per key of the redelivery, contact and agent stages in a bounded run. Batch
     * mode fires a key's timers only when all its input is in, and the first to fire decides the
     * key whole; a timer per event (an agent has tens of thousands in a year) only filled the timer
     * heap with timers that found nothing left to do. Their time is the time of what they emit,
     * which no later stage of a bounded run reads (each decides its key at its end).
     */
    static final long BOUNDED_TIMER = 0L;

    /** Network buffer timeout of the events sent to the live view (Flink's default: 100 ms). */
    static final long LIVE_BUFFER_TIMEOUT_MS = 5;

    private KpiJob() {}

    public static void defineWorkflow(
            DataStream<JobEvent> input, KpiSinks sinks, KpiJobOptions options) {
        DataStream<JobEvent> events =
                options.pseudonymize
                        ? input.map(new PseudonymizeFunction(options.tenantKeyFile))
                                .name("pseudonymize-tenants")
                                .uid("pseudonymize-tenants")
                        : input;
        // a bounded run sees complete data: nothing is late unless asked for (docs/kpi-job.md)
        boolean judgeLateness = !sinks.bounded() || options.filesJudgeLateness;
        SingleOutputStreamOperator<JobEvent> checked =
                events.transform(
                                "metrics-read",
                                TypeInformation.of(JobEvent.class),
                                new JobMetrics.ReadTap())
                        .uid("metrics-read")
                        .transform(
                                "late-filter",
                                TypeInformation.of(JobEvent.class),
                                judgeLateness
                                        ? new LateFilterOperator(
                                                options.latenessBoundMs(),
                                                options.allowedLatenessMs)
                                        : LateFilterOperator.neverLate())
                        .uid("late-filter");
        DataStream<Problem> rejected = checked.getSideOutput(Tags.REJECTED);
        // counted as eventsLate by the late filter itself (docs/operations.md)
        DataStream<Problem> late = checked.getSideOutput(Tags.LATE);
        DataStream<Long> maxTs = checked.getSideOutput(Tags.MAX_TS);

        // a bounded run sorts by a hash of each id rather than the id (SortKeys)
        boolean hashed = sinks.bounded() && options.filesHashedKeys;
        long mask = options.filesKeyHashMask;
        SingleOutputStreamOperator<JobEvent> unique =
                SortKeys.byId(checked, e -> e.eventId, hashed, mask)
                        .process(new DedupFunction(options.dedupTtlMs, sinks.bounded()))
                        .name("dedup-event-id")
                        .uid("dedup-event-id");

        DataStream<JobEvent> contactEvents =
                unique.filter(JobEvent::isContactEvent)
                        .name("contact-events")
                        .uid("contact-events");
        DataStream<JobEvent> agentEvents =
                unique.filter(JobEvent::isAgentEvent).name("agent-events").uid("agent-events");
        DataStream<JobEvent> closings =
                unique.filter(JobEvent::isHandoffClosed)
                        .name("handoff-closings")
                        .uid("handoff-closings");

        SingleOutputStreamOperator<ContactDelta> contacts =
                SortKeys.byId(contactEvents, e -> e.contactId, hashed, mask)
                        .process(
                                new ContactFunction(
                                        options.thresholds,
                                        options.contactHorizonMs,
                                        hashed,
                                        sinks.bounded()))
                        .name("contacts")
                        .uid("contacts");

        DataStream<ContactDelta> duplicates =
                SortKeys.byId(
                                contacts.getSideOutput(Tags.DUP_ENTRIES),
                                (DuplicateCandidate d) -> d.dupKey,
                                hashed,
                                mask)
                        .process(
                                new DuplicateFunction(
                                        options.thresholds.duplicateWindowMillis(), hashed))
                        .name("duplicates")
                        .uid("duplicates");

        long contactFinality = options.contactHorizonMs + options.allowedLatenessMs;
        SingleOutputStreamOperator<ContactIntervalRow> contactRows =
                SortKeys.byCell(
                                contacts.union(duplicates),
                                d -> d.intervalStart,
                                ContactDelta::cellKey,
                                hashed,
                                mask)
                        .process(
                                new ContactAggregator(
                                        contactFinality, sinks.wantsUpserts(), hashed))
                        .name("contact-intervals")
                        .uid("contact-intervals");

        BroadcastStream<Long> endOfData = maxTs.broadcast(AgentFunction.MAX_TS);
        DataStream<AgentSegment> segments =
                SortKeys.byId(agentEvents, e -> e.agentId, hashed, mask)
                        .connect(endOfData)
                        .process(new AgentFunction(hashed, sinks.bounded()))
                        .name("agent-states")
                        .uid("agent-states");
        DataStream<AgentIntervalRow> agentRows =
                SortKeys.byCell(segments, g -> g.intervalStart, AgentSegment::cellKey, hashed, mask)
                        .process(new AgentAggregator(options.allowedLatenessMs, hashed))
                        .name("agent-intervals")
                        .uid("agent-intervals");

        DataStream<HandoffRow> handoffs =
                SortKeys.byId(contacts.getSideOutput(Tags.HANDOFFS), h -> h.handoffId, hashed, mask)
                        .connect(SortKeys.byId(closings, e -> e.handoffId, hashed, mask))
                        .process(new HandoffFunction(options.contactHorizonMs, hashed))
                        .name("handoffs")
                        .uid("handoffs");

        if (sinks.wantsLiveView()) {
            // Arrivals, not the watermark: the accepted events straight from the late filter
            // (merging a redelivery twice changes nothing), flushed within 5 ms.
            DataStream<LiveInput> liveInputs =
                    checked.filter(e -> e.isAgentEvent() || e.isContactEvent())
                            .name("live-events")
                            .uid("live-events")
                            .map((JobEvent e) -> LiveInput.of(e))
                            .returns(TypeInformation.of(LiveInput.class))
                            .setBufferTimeout(LIVE_BUFFER_TIMEOUT_MS)
                            .name("live-event-inputs")
                            .uid("live-event-inputs")
                            .union(
                                    duplicates
                                            .map((ContactDelta d) -> LiveInput.of(d))
                                            .returns(TypeInformation.of(LiveInput.class))
                                            .name("live-duplicate-inputs")
                                            .uid("live-duplicate-inputs"));
            DataStream<String> snapshots =
                    liveInputs
                            .keyBy(x -> "live")
                            .process(
                                    new LiveViewFunction(
                                            options.thresholds,
                                            options.contactHorizonMs,
                                            LiveViewFunction.DEFAULT_HEARTBEAT_MS))
                            .setParallelism(1)
                            .name("live-view")
                            .uid("live-view");
            sinks.liveView(
                    snapshots
                            .map(new JobMetrics.SnapshotTap())
                            .setParallelism(1)
                            .name("metrics-live-view")
                            .uid("metrics-live-view"));
        }
        sinks.contactRows(contactRows);
        if (sinks.wantsUpserts()) {
            sinks.contactUpserts(contactRows.getSideOutput(Tags.CONTACT_UPSERTS));
        }
        sinks.intentRows(contactRows.getSideOutput(Tags.INTENT_ROWS));
        sinks.agentRows(agentRows);
        sinks.handoffs(handoffs);
        sinks.rejected(rejected);
        sinks.late(late);
    }
}
