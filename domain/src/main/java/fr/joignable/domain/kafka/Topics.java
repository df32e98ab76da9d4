package fr.joignable.domain.kafka;

/**
 * The default Kafka names of {@code docs/events.md}: one definition for the KPI job ({@code
 * KpiJobOptions}), {@code ingest}, {@code stream} and the wallboard, constants so that command-line
 * options can show them as their defaults.
 */
public final class Topics {

    /** The interaction events, produced by {@code ingest}, read by the KPI job. */
    public static final String EVENTS = "joignable.events";

    /** KPI rows (upserts), written by the KPI job. */
    public static final String KPIS = "joignable.kpis";

    /** The live-view snapshots, written by the KPI job, read by the wallboard. */
    public static final String LIVE = "joignable.live";

    /** Rejected and late events with their reasons. */
    public static final String REJECTED = "joignable.rejected";

    /** The KPI job's consumer group. */
    public static final String KPI_GROUP = "joignable-kpi";

    /** {@code ingest}'s compacted topic of file positions. */
    public static final String INGEST_STATE = "joignable.ingest.state";

    private Topics() {}
}
