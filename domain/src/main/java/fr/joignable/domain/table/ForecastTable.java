package fr.joignable.domain.table;

import java.util.List;

/**
 * The forecast table ({@code forecast.csv}), written by {@code forecast}, read by {@code staff} and
 * the report: one row per open interval and series, RFC 4180 quoting (a queue name may hold a
 * comma), optional quantile columns {@code p10,p50,p90} after these.
 */
public final class ForecastTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER = "interval_start,queue,channel,offered,aht_s";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The quantile columns {@code forecast --quantiles} appends. */
    public static final List<String> QUANTILES = List.of("p10", "p50", "p90");

    private ForecastTable() {}
}
