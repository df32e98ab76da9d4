package fr.joignable.domain.table;

import java.util.List;

/**
 * The agent roster ({@code roster.csv}), written by {@code generate}, read by {@code staff}, {@code
 * schedule} and {@code training-gaps}: {@code skills} are queue names separated by {@code ;},
 * {@code fte} a decimal in (0, 1]; RFC 4180 quoting.
 */
public final class RosterTable {

    /** The header line (without line end; a constant, for help texts). */
    public static final String HEADER = "agent_id,team,skills,fte";

    /** The columns, in order. */
    public static final List<String> COLUMNS = List.of(HEADER.split(","));

    /** The separator of the skills inside their field. */
    public static final String SKILL_SEPARATOR = ";";

    private RosterTable() {}
}
