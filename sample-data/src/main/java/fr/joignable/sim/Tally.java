package fr.joignable.sim;

import static fr.joignable.sim.Millis.DAY;
import static fr.joignable.sim.Millis.SECOND;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.InteractionEvent;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The counts of a run ({@link SimulationSummary}). Duplicates follow the KPI definition ({@code
 * docs/kpis.md}): an identified contact is a duplicate when the same tenant offered a contact of
 * the same intent, on any channel, within the previous 7 days; "after an abandon" when that most
 * recent earlier contact was abandoned (as known when the duplicate is offered).
 */
final class Tally {

    static final long DUPLICATE_WINDOW = 7 * DAY;
    static final long SHORT_ABANDON = 5 * SECOND;

    private final Map<Channel, Long> offeredByChannel = new EnumMap<>(Channel.class);
    private final Map<String, Long> offeredByQueue = new TreeMap<>();

    /** The last contact offered per (tenant, intent), for the duplicates. */
    private final Map<Long, Contact> lastOffer = new HashMap<>();

    private long events;
    private long liveOffered;
    private long answered;
    private long abandoned;
    private long shortAbandoned;
    private long identified;
    private long duplicates;
    private long duplicatesAfterAbandon;
    private long repeats;
    private long diverted;
    private long closedCalls;
    private long handoffsCreated;
    private long handoffsClosed;

    void offered(Contact c) {
        offeredByChannel.merge(c.channel, 1L, Long::sum);
        offeredByQueue.merge(c.queue, 1L, Long::sum);
        if (c.channel.isLive()) {
            liveOffered++;
        }
        if (c.identified) {
            identified++;
            long key = (long) c.person * 64 + c.intent.ordinal();
            Contact previous = lastOffer.put(key, c);
            if (previous != null && previous.offeredAt > c.offeredAt - DUPLICATE_WINDOW) {
                duplicates++;
                if (previous.outcome() == Contact.Outcome.ABANDONED) {
                    duplicatesAfterAbandon++;
                }
            }
        }
        if (c.attempt > 1) {
            repeats++;
        }
    }

    void answered() {
        answered++;
    }

    /** An abandon {@code waited} ms after the offer: short under {@link #SHORT_ABANDON}. */
    void abandoned(long waited) {
        if (waited < SHORT_ABANDON) {
            shortAbandoned++;
        } else {
            abandoned++;
        }
    }

    void diverted(DivertReason reason) {
        diverted++;
        if (reason == DivertReason.CLOSED) {
            closedCalls++;
        }
    }

    void handoffCreated() {
        handoffsCreated++;
    }

    /** An event handed to the sink. */
    void delivered(InteractionEvent e) {
        if (e instanceof HandoffClosed) {
            handoffsClosed++;
        }
        events++;
    }

    /** Forgets the offers at or before {@code horizon}: no later contact can duplicate them. */
    void forgetOffersUntil(long horizon) {
        lastOffer.values().removeIf(c -> c.offeredAt <= horizon);
    }

    SimulationSummary summary(int agents, long backlogAtEnd) {
        return new SimulationSummary(
                events,
                offeredByChannel,
                offeredByQueue,
                liveOffered,
                answered,
                abandoned,
                shortAbandoned,
                identified,
                duplicates,
                duplicatesAfterAbandon,
                repeats,
                handoffsCreated,
                handoffsClosed,
                agents,
                backlogAtEnd,
                diverted,
                closedCalls);
    }
}
