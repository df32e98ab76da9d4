package fr.joignable.jobs;

import fr.joignable.domain.time.Intervals;
import fr.joignable.jobs.model.ContactDelta;
import fr.joignable.jobs.model.DuplicateCandidate;
import fr.joignable.jobs.model.DuplicateState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keyed by (tenant, intent): a contact is a duplicate when the same tenant has an earlier offer
 * with the same intent less than the duplicate window before (half-open; equal times: smaller
 * contactId is earlier), on any channel and queue; "after abandon" when the most recent such
 * earlier contact was abandoned. Decided when the watermark passes the contact's offer, revised
 * (with a retraction) if its predecessor is later seen abandoned. A contact is forgotten once the
 * watermark is a window past its offer; its successor's decision is then frozen.
 */
public final class DuplicateFunction
        extends KeyedProcessFunction<Object, DuplicateCandidate, ContactDelta> {

    private static final long serialVersionUID = 1L;
    private static final Comparator<DuplicateState> ORDER =
            Comparator.<DuplicateState>comparingLong(d -> d.offerTs)
                    .thenComparing(d -> d.contactId);

    private final long windowMs;
    private final boolean hashedKeys;
    private transient SortKeys.Ids ids;
    private transient MapState<String, DuplicateState> contacts;

    public DuplicateFunction(long windowMs) {
        this(windowMs, false);
    }

    /** {@code hashedKeys}: keyed by a hash of (tenant, intent) ({@link SortKeys}, bounded runs). */
    public DuplicateFunction(long windowMs, boolean hashedKeys) {
        this.windowMs = windowMs;
        this.hashedKeys = hashedKeys;
    }

    @Override
    public void open(OpenContext ctx) {
        if (hashedKeys) {
            ids = new SortKeys.Ids(getRuntimeContext(), "duplicates");
        }
        contacts =
                getRuntimeContext()
                        .getMapState(
                                new MapStateDescriptor<>(
                                        "contacts", String.class, DuplicateState.class));
    }

    @Override
    public void processElement(DuplicateCandidate e, Context ctx, Collector<ContactDelta> out)
            throws Exception {
        if (hashedKeys) {
            ids.check(e.dupKey);
        }
        DuplicateState s = contacts.get(e.contactId);
        if (s == null) {
            s = new DuplicateState();
            s.contactId = e.contactId;
        }
        s.offerTs = e.offerTs;
        s.queue = e.queue;
        s.channel = e.channel;
        s.intent = e.intent;
        s.abandoned = e.abandoned;
        contacts.put(e.contactId, s);
        ctx.timerService().registerEventTimeTimer(e.offerTs);
        ctx.timerService().registerEventTimeTimer(expiry(e.offerTs));
    }

    private long expiry(long offerTs) {
        return offerTs > Long.MAX_VALUE - windowMs ? Long.MAX_VALUE : offerTs + windowMs;
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<ContactDelta> out)
            throws Exception {
        long wm = Math.max(timestamp, ctx.timerService().currentWatermark());
        List<DuplicateState> all = new ArrayList<>();
        for (Map.Entry<String, DuplicateState> e : contacts.entries()) {
            all.add(e.getValue());
        }
        if (all.isEmpty()) {
            return;
        }
        all.sort(ORDER);
        for (int i = 0; i < all.size(); i++) {
            DuplicateState s = all.get(i);
            if (s.offerTs > wm || s.frozen) {
                continue;
            }
            DuplicateState previous = i > 0 ? all.get(i - 1) : null;
            boolean duplicate =
                    previous != null
                            && Kpis.withinDuplicateWindow(previous.offerTs, s.offerTs, windowMs);
            boolean afterAbandon = duplicate && previous.abandoned;
            if (duplicate != s.sentDuplicate || afterAbandon != s.sentAfterAbandon) {
                ContactDelta d =
                        new ContactDelta(
                                Intervals.startOf(s.offerTs), s.queue, s.channel, s.intent);
                d.contactId = s.contactId;
                d.duplicates = (duplicate ? 1 : 0) - (s.sentDuplicate ? 1 : 0);
                d.duplicatesAfterAbandon = (afterAbandon ? 1 : 0) - (s.sentAfterAbandon ? 1 : 0);
                out.collect(d);
                s.sentDuplicate = duplicate;
                s.sentAfterAbandon = afterAbandon;
                contacts.put(s.contactId, s);
            }
        }
        for (int i = 0; i < all.size(); i++) {
            DuplicateState s = all.get(i);
            if (wm == Long.MAX_VALUE || expiry(s.offerTs) <= wm) {
                contacts.remove(s.contactId);
                if (i + 1 < all.size()) {
                    DuplicateState next = all.get(i + 1);
                    next.frozen = true;
                    if (contacts.contains(next.contactId)) {
                        contacts.put(next.contactId, next);
                    }
                }
            }
        }
    }
}
