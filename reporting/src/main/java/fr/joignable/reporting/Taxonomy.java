package fr.joignable.reporting;

import java.util.List;

/**
 * The reference intent taxonomy's priorities ({@code events.md}): priority 1 (urgent) for water
 * damage, heating and lifts, 3 (low) for receipts, charges, cleanliness, housing applications,
 * transfers and "other", 2 for the rest and for any intent outside the taxonomy (the events'
 * default priority). The interval tables carry the intent, not the priority, so the report applies
 * this table.
 */
public final class Taxonomy {

    private Taxonomy() {}

    /** Priority-1 intents: "demandes urgentes". */
    public static final List<String> URGENT = List.of("WATER_DAMAGE", "HEATING", "ELEVATOR");

    /** Priority-3 intents. */
    public static final List<String> LOW =
            List.of(
                    "RENT_RECEIPT",
                    "CHARGES",
                    "CLEANLINESS",
                    "HOUSING_APPLICATION",
                    "TRANSFER_REQUEST",
                    "OTHER");

    /** A SQL list literal of {@code codes}: {@code ('A', 'B')}. */
    static String sqlList(List<String> codes) {
        return "(" + String.join(", ", codes.stream().map(Tables::literal).toList()) + ")";
    }

    /** The SQL expression of an intent's priority. */
    static String prioritySql(String column) {
        return "CASE WHEN "
                + column
                + " IN "
                + sqlList(URGENT)
                + " THEN 1 WHEN "
                + column
                + " IN "
                + sqlList(LOW)
                + " THEN 3 ELSE 2 END";
    }
}
