package fr.joignable.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code joignable generate-completion} and the man pages the build generates. */
class CompletionAndManPagesTest {

    @TempDir Path dir;

    @Test
    void generateCompletionPrintsABashAndZshScriptForEveryCommand() {
        StringWriter out = new StringWriter();
        int status =
                JoignableCli.create(new PrintWriter(out), new PrintWriter(new StringWriter()))
                        .execute("generate-completion");
        assertThat(status).isZero();
        assertThat(out.toString())
                .contains("complete -F _complete_joignable")
                .contains("stream")
                .contains("wallboard")
                .contains("--kafka-config");
    }

    @Test
    void manPagesForTheToolAndEachCommand() throws Exception {
        ManPages.main(new String[] {dir.toString()});
        assertThat(dir.resolve("man/joignable.adoc")).exists();
        assertThat(Files.readString(dir.resolve("man/joignable-stream.adoc")))
                .contains(":doctype: manpage")
                .contains("--kafka-config");
        assertThat(dir.resolve("man/joignable-wallboard.adoc")).exists();
        assertThat(Files.readString(dir.resolve("completion/joignable_completion")))
                .contains("_complete_joignable");
    }
}
