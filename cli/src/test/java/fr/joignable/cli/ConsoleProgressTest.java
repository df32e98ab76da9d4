package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The progress report on a terminal (redrawn in place) and in a log (a line every 10 s). */
class ConsoleProgressTest {

    private final StringWriter text = new StringWriter();
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private ConsoleProgress progress(boolean terminal) {
        return new ConsoleProgress(new PrintWriter(text), "replay", false, terminal, now::get);
    }

    @Test
    void inALogOneLinePerTenSecondsAndOneAtTheEnd() {
        ConsoleProgress p = progress(false);
        // 120 s of work reported 5 times a second: 600 updates
        for (int i = 1; i <= 600; i++) {
            now.addAndGet(200_000_000L);
            p.update(i, 600);
        }
        p.finish();
        String[] lines = text.toString().split("\n");
        // the first update, then one each 10 s of the 120 s (12), then the end line
        assertThat(lines).hasSize(1 + 11 + 1);
        assertThat(lines[0]).isEqualTo("replay: 0% 1/600 0s");
        assertThat(lines[1]).startsWith("replay: ").endsWith("% 51/600 10s");
        assertThat(lines[lines.length - 1]).isEqualTo("replay: done 600/600 in 120s");
        assertThat(text.toString()).doesNotContain("\r");
    }

    @Test
    void onATerminalTheBarIsRedrawnInPlace() {
        ConsoleProgress p = progress(true);
        for (int i = 1; i <= 10; i++) {
            now.addAndGet(300_000_000L);
            p.update(i, 10);
        }
        p.finish();
        assertThat(text.toString()).startsWith("\rreplay [").endsWith("\n");
        assertThat(text.toString().chars().filter(c -> c == '\r').count()).isEqualTo(10);
        assertThat(text.toString()).contains("100% 10/10 3s");
    }

    @Test
    void quietSaysNothing() {
        ConsoleProgress p =
                new ConsoleProgress(new PrintWriter(text), "replay", true, false, now::get);
        p.update(1, 2);
        p.finish();
        assertThat(text.toString()).isEmpty();
    }
}
