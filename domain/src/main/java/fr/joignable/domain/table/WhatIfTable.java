package fr.joignable.domain.table;

/**
 * The agreement between {@code joignable simulate} (which writes it) and the monthly report (which
 * reads it): a replay of a forecast's live workload by given agents, one row per (interval, queue,
 * live channel). The demo writes {@link #FILE_NAME} with today's roster as the history shows it
 * present ({@code simulate --presence-history}): "with these agents, what service level per queue
 * and hour?". Columns: {@link #HEADER}; instants UTC ISO-8601, rates fractions 0–1, empty when
 * undefined; {@code offered} the mean simulated arrivals over the seeds.
 */
public final class WhatIfTable {

    /** The file name in a data directory, next to {@code staffing.csv}. */
    public static final String FILE_NAME = "whatif.csv";

    public static final String HEADER =
            "interval_start,queue,channel,offered,service_level,abandon_rate,asa_s,occupancy,"
                    + "service_level_sd,agents_present";

    private WhatIfTable() {}
}
