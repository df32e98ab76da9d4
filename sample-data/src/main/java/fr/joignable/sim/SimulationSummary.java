package fr.joignable.sim;

import fr.joignable.domain.event.Channel;
import java.util.Map;

/**
 * What one simulation run produced. Counts are of the emitted events only (the period simulated);
 * duplicates follow the KPI definition ({@code docs/kpis.md}: same tenant and intent offered within
 * the previous 7 days, on any channel).
 *
 * @param events events emitted (before any delivery fault)
 * @param offeredByChannel contacts offered per channel
 * @param offeredByQueue contacts offered per queue
 * @param liveOffered phone and chat contacts offered
 * @param answered contacts answered (all channels)
 * @param abandoned live contacts abandoned after 5 s or more
 * @param shortAbandoned live contacts abandoned within 5 s
 * @param identified contacts offered with a tenant id
 * @param duplicates identified contacts that repeat an earlier one of the same tenant and intent
 *     within 7 days
 * @param duplicatesAfterAbandon duplicates whose most recent such earlier contact was abandoned
 * @param repeats contacts the simulator generated as repeats (after an abandon, an unresolved
 *     answer or a slow handoff), identified or not
 * @param handoffsCreated handoffs created
 * @param handoffsClosed handoffs closed within the period
 * @param agents agents in the roster
 * @param backlogAtEnd deferred contacts still waiting to be opened at the end of the period
 * @param diverted live contacts turned away by the switchboard ({@code CONTACT_DIVERTED}: closed,
 *     queue full, wait limit; {@link Diversions})
 * @param closedCalls of those, the calls that came while the centre was closed
 */
public record SimulationSummary(
        long events,
        Map<Channel, Long> offeredByChannel,
        Map<String, Long> offeredByQueue,
        long liveOffered,
        long answered,
        long abandoned,
        long shortAbandoned,
        long identified,
        long duplicates,
        long duplicatesAfterAbandon,
        long repeats,
        long handoffsCreated,
        long handoffsClosed,
        int agents,
        long backlogAtEnd,
        long diverted,
        long closedCalls) {

    public SimulationSummary {
        offeredByChannel = Map.copyOf(offeredByChannel);
        offeredByQueue = Map.copyOf(offeredByQueue);
    }

    /** All contacts offered. */
    public long offered() {
        return offeredByChannel.values().stream().mapToLong(Long::longValue).sum();
    }
}
