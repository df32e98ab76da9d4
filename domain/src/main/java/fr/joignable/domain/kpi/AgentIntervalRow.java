package fr.joignable.domain.kpi;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One row of the {@code agent_intervals} table: seconds spent by a team's agents in each state
 * during one 15-minute interval, and the resulting occupancy ({@code docs/kpis.md}).
 *
 * @param occupancy (busy + wrap-up) / (ready + busy + wrap-up), or {@code null} when that
 *     denominator is zero
 */
public record AgentIntervalRow(
        Instant intervalStart,
        String team,
        double staffedS,
        double readyS,
        double busyS,
        double wrapS,
        double notReadyS,
        Double occupancy) {

    public static final List<String> COLUMNS =
            List.of(
                    "interval_start",
                    "team",
                    "staffed_s",
                    "ready_s",
                    "busy_s",
                    "wrap_s",
                    "not_ready_s",
                    "occupancy");

    public AgentIntervalRow {
        Objects.requireNonNull(intervalStart, "intervalStart");
        Objects.requireNonNull(team, "team");
    }

    public List<String> csvValues() {
        return List.of(
                KpiFormat.instant(intervalStart),
                team,
                KpiFormat.decimal(staffedS),
                KpiFormat.decimal(readyS),
                KpiFormat.decimal(busyS),
                KpiFormat.decimal(wrapS),
                KpiFormat.decimal(notReadyS),
                KpiFormat.decimal(occupancy));
    }
}
