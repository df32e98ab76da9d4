package fr.joignable.domain.kpi;

import fr.joignable.domain.event.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the {@code contact_intervals} table: the contact metrics of one queue and channel in
 * one 15-minute interval ({@code docs/kpis.md}). Counts are attributed to the interval of the
 * contact's offer; {@code handled} and {@code ahtS} to the interval of its end. A rate or mean
 * whose denominator is zero is {@code null} (an empty field in CSV). {@code diverted} counts the
 * contacts whose outcome is a diversion, {@code closed} those of them diverted because the centre
 * was closed (left out of the service-level and abandon-rate denominators).
 */
public record ContactIntervalRow(
        Instant intervalStart,
        String queue,
        Channel channel,
        long offered,
        long answered,
        long shortAbandoned,
        long abandoned,
        long answeredInSl,
        Double serviceLevel,
        Double abandonRate,
        Double asaS,
        long handled,
        Double ahtS,
        long identified,
        long duplicates,
        long duplicatesAfterAbandon,
        Double duplicateRate,
        long diverted,
        long closed) {

    /** Column names, in the order of the CSV and Parquet files. */
    public static final List<String> COLUMNS =
            List.of(
                    "interval_start",
                    "queue",
                    "channel",
                    "offered",
                    "answered",
                    "short_abandoned",
                    "abandoned",
                    "answered_in_sl",
                    "service_level",
                    "abandon_rate",
                    "asa_s",
                    "handled",
                    "aht_s",
                    "identified",
                    "duplicates",
                    "duplicates_after_abandon",
                    "duplicate_rate",
                    "diverted",
                    "closed");

    public ContactIntervalRow {
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(channel, "channel");
    }

    /** The values of {@link #COLUMNS}, in order, formatted for CSV. */
    public List<String> csvValues() {
        return List.of(
                KpiFormat.instant(intervalStart),
                queue,
                channel.name(),
                Long.toString(offered),
                Long.toString(answered),
                Long.toString(shortAbandoned),
                Long.toString(abandoned),
                Long.toString(answeredInSl),
                KpiFormat.decimal(serviceLevel),
                KpiFormat.decimal(abandonRate),
                KpiFormat.decimal(asaS),
                Long.toString(handled),
                KpiFormat.decimal(ahtS),
                Long.toString(identified),
                Long.toString(duplicates),
                Long.toString(duplicatesAfterAbandon),
                KpiFormat.decimal(duplicateRate),
                Long.toString(diverted),
                Long.toString(closed));
    }
}
