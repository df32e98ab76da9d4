package fr.joignable.forecasting.schedule;

import java.util.List;

/**
 * One way to work a day: start and end (minutes after local midnight) and the breaks inside it,
 * lunch included (each {@code [start, end)} in minutes after midnight, sorted). {@code paid} is the
 * span minus the unpaid lunch.
 *
 * @param lunch whether the first break that is {@code lunchLength} long is the unpaid lunch
 */
public record ShiftPattern(int start, int end, List<int[]> breaks, int paid, boolean lunch) {

    public ShiftPattern {
        breaks = List.copyOf(breaks);
    }

    /** Minutes worked (present, not on a break) in {@code [from, from + length)}. */
    public int workedIn(int from, int length) {
        int to = from + length;
        int worked = Math.max(0, Math.min(end, to) - Math.max(start, from));
        if (worked == 0) {
            return 0;
        }
        for (int[] b : breaks) {
            worked -= Math.max(0, Math.min(b[1], to) - Math.max(b[0], from));
        }
        return worked;
    }

    /** {@code HH:MM-HH:MM} */
    public String label() {
        return hhmm(start) + "-" + hhmm(end);
    }

    static String hhmm(int minutes) {
        return String.format("%02d:%02d", minutes / 60, minutes % 60);
    }
}
