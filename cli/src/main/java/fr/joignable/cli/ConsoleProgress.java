package fr.joignable.cli;

import fr.joignable.domain.io.Progress;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Draws a one-line progress bar on the command's error stream, redrawn in place at most a few times
 * a second; silent when {@code quiet}.
 */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String label;
    private final boolean quiet;
    private final long startNanos = System.nanoTime();
    private long lastDraw;
    private boolean drawn;

    public ConsoleProgress(PrintWriter err, String label, boolean quiet) {
        this.err = err;
        this.label = label;
        this.quiet = quiet;
    }

    @Override
    public synchronized void update(long done, long total) {
        if (quiet) {
            return;
        }
        long now = System.nanoTime();
        if (drawn && now - lastDraw < REDRAW_NANOS && (total <= 0 || done < total)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        double seconds = (now - startNanos) / 1e9;
        String line;
        if (total > 0) {
            double fraction = Math.min(1.0, Math.max(0.0, (double) done / total));
            int filled = (int) Math.round(fraction * WIDTH);
            line =
                    String.format(
                            Locale.ROOT,
                            "\r%s [%s%s] %3d%% %d/%d %.0fs",
                            label,
                            "#".repeat(filled),
                            " ".repeat(WIDTH - filled),
                            Math.round(fraction * 100),
                            done,
                            total,
                            seconds);
        } else {
            line = String.format(Locale.ROOT, "\r%s %d %.0fs", label, done, seconds);
        }
        err.print(line);
        err.flush();
    }

    @Override
    public synchronized void finish() {
        if (!quiet && drawn) {
            err.println();
            err.flush();
        }
    }
}
