package fr.joignable.cli;

import fr.joignable.domain.io.Progress;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Reports progress on the command's error stream; silent when {@code quiet}.
 *
 * <ul>
 *   <li>On a terminal: a one-line bar redrawn in place at most five times a second.
 *   <li>Otherwise (a log file, a pipe, CI): plain lines a log reader can follow — one when the
 *       stage starts reporting, then at most one every {@link #LOG_EVERY_NANOS 10 s}, and one when
 *       it ends (with its total and duration). A 2-minute stage writes about a dozen lines.
 * </ul>
 *
 * Whether standard error is a terminal comes from the launcher ({@code -Djoignable.stderr.tty}, set
 * by {@code ./joignable} from {@code [ -t 2 ]}); without it, from {@link System#console()}.
 */
public final class ConsoleProgress implements Progress {

    /** The launcher's answer to "is standard error a terminal?". */
    static final String TTY_PROPERTY = "joignable.stderr.tty";

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;
    static final long LOG_EVERY_NANOS = 10_000_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean quiet;
    private final boolean terminal;
    private final LongSupplier clock;
    private final long startNanos;
    private long lastDraw;
    private boolean drawn;
    private long lastDone;
    private long lastTotal;

    public ConsoleProgress(PrintWriter err, String label, boolean quiet) {
        this(err, label, quiet, stderrIsTerminal(), System::nanoTime);
    }

    ConsoleProgress(
            PrintWriter err, String label, boolean quiet, boolean terminal, LongSupplier clock) {
        this.err = err;
        this.label = label;
        this.quiet = quiet;
        this.terminal = terminal;
        this.clock = clock;
        this.startNanos = clock.getAsLong();
    }

    /** Whether standard error is a terminal (see the class comment). */
    static boolean stderrIsTerminal() {
        String told = System.getProperty(TTY_PROPERTY);
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        return System.console() != null;
    }

    @Override
    public synchronized void update(long done, long total) {
        if (quiet) {
            return;
        }
        lastDone = done;
        lastTotal = total;
        long now = clock.getAsLong();
        if (terminal) {
            if (drawn && now - lastDraw < REDRAW_NANOS && (total <= 0 || done < total)) {
                return;
            }
            lastDraw = now;
            drawn = true;
            err.print("\r" + bar(done, total, now));
        } else {
            if (drawn && now - lastDraw < LOG_EVERY_NANOS) {
                return;
            }
            lastDraw = now;
            drawn = true;
            err.println(line(done, total, now));
        }
        err.flush();
    }

    private String bar(long done, long total, long now) {
        double seconds = (now - startNanos) / 1e9;
        if (total > 0) {
            double fraction = fraction(done, total);
            int filled = (int) Math.round(fraction * WIDTH);
            return String.format(
                    Locale.ROOT,
                    "%s [%s%s] %3d%% %d/%d %.0fs",
                    label,
                    "#".repeat(filled),
                    " ".repeat(WIDTH - filled),
                    Math.round(fraction * 100),
                    done,
                    total,
                    seconds);
        }
        return String.format(Locale.ROOT, "%s %d %.0fs", label, done, seconds);
    }

    private String line(long done, long total, long now) {
        double seconds = (now - startNanos) / 1e9;
        if (total > 0) {
            return String.format(
                    Locale.ROOT,
                    "%s: %d%% %d/%d %.0fs",
                    label.strip(),
                    Math.round(fraction(done, total) * 100),
                    done,
                    total,
                    seconds);
        }
        return String.format(Locale.ROOT, "%s: %d %.0fs", label.strip(), done, seconds);
    }

    private static double fraction(long done, long total) {
        return Math.min(1.0, Math.max(0.0, (double) done / total));
    }

    @Override
    public synchronized void finish() {
        if (quiet || !drawn) {
            return;
        }
        if (terminal) {
            err.println();
        } else {
            long now = clock.getAsLong();
            String total = lastTotal > 0 ? "/" + lastTotal : "";
            err.println(
                    String.format(
                            Locale.ROOT,
                            "%s: done %d%s in %.0fs",
                            label.strip(),
                            lastDone,
                            total,
                            (now - startNanos) / 1e9));
        }
        err.flush();
    }
}
