package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JoignableCliTest {

    record Run(int status, String out, String err) {}

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status =
                JoignableCli.create(new PrintWriter(out, true), new PrintWriter(err, true))
                        .execute(args);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void versionPrintsTheVersion() {
        Run run = run("--version");
        assertThat(run.status()).isZero();
        assertThat(run.out()).startsWith("joignable ");
    }

    @Test
    void helpListsTheCommands() {
        Run run = run("--help");
        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("Usage: joignable");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        Run run = run("--frobnicate");
        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option").contains("--help");
        assertThat(run.err().lines().count()).isEqualTo(2);
    }
}
