package fr.joignable.sim;

import java.util.Locale;

/**
 * The ids the simulated systems give: event ids {@code E<tag>-0000000001} (zero-padded, so they
 * sort in emission order, the order the KPI job uses for one agent's events at the same
 * millisecond: READY then BUSY when a waiting call is taken at once), contact ids {@code C<tag>-1},
 * handoff ids {@code H<tag>-1}, tenant ids {@code T} + 10 hex digits (a keyed bijection of the home
 * number: every home a distinct, pseudonymous id) and residence ids {@code RES-0001} ({@code
 * homesPerResidence} consecutive homes each). The tag (6 hex digits) comes from the seed, so runs
 * of two seeds never share an id.
 */
final class Identifiers {

    private final String tag;
    private final String[] tenantIds;
    private final int homesPerResidence;
    private long events;
    private long contacts;
    private long handoffs;

    Identifiers(SimulatorOptions options) {
        long mixed = Draws.mix(options.seed());
        this.tag = String.format(Locale.ROOT, "%06x", (mixed >>> 40) & 0xFFFFFF);
        this.homesPerResidence = options.homesPerResidence();
        this.tenantIds = new String[options.homes()];
        for (int i = 0; i < options.homes(); i++) {
            tenantIds[i] = "T" + String.format(Locale.ROOT, "%010x", permute40(i, mixed));
        }
    }

    /** A fresh event id. */
    String nextEventId() {
        String n = Long.toString(++events);
        return "E" + tag + "-" + "0".repeat(Math.max(0, 10 - n.length())) + n;
    }

    /** The number of the next contact (1, 2, ...) and its id. */
    long nextContactNumber() {
        return ++contacts;
    }

    String contactId(long number) {
        return "C" + tag + "-" + number;
    }

    /** A fresh handoff id. */
    String nextHandoffId() {
        return "H" + tag + "-" + (++handoffs);
    }

    /** The tenant id of home {@code person} (0-based). */
    String tenantId(int person) {
        return tenantIds[person];
    }

    /** The residence of home {@code person} (0-based). */
    String residenceId(int person) {
        return String.format(Locale.ROOT, "RES-%04d", person / homesPerResidence + 1);
    }

    /** A bijection of [0, 2^40): distinct people always get distinct pseudonymous ids. */
    static long permute40(long x, long salt) {
        long mask = (1L << 40) - 1;
        x = (x * 0x9E3779B97FL + salt) & mask; // odd multiplier: bijective modulo 2^40
        x ^= x >>> 20;
        x = (x * 0xD6E8FEB865L) & mask;
        x ^= x >>> 17;
        x = (x * 0x5851F42D4DL) & mask;
        x ^= x >>> 21;
        return x;
    }
}
