package fr.joignable.sim;

import java.time.LocalDate;
import java.util.Optional;

/**
 * Where the agents' shifts come from: drawn at random around the opening hours ({@link
 * RandomShifts}) or read from a schedule ({@link ScheduledShifts}).
 */
interface Shifts {

    /** Whether anyone may work on {@code date}; if not, {@link #shiftOf} is not asked. */
    boolean staffs(LocalDate date);

    /**
     * The shift of {@code agent} on {@code date}, or empty (a day off). Asked for each agent in
     * roster order, once a staffed date, in date order.
     *
     * @param position the agent's position in the roster (0-based)
     */
    Optional<ShiftPlan> shiftOf(AgentProfile agent, int position, LocalDate date);
}
