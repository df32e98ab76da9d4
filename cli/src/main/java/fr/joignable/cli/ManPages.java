package fr.joignable.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * Build-time generator (run by {@code cli/pom.xml} at {@code package}, never by the tool itself):
 * the man pages of {@code joignable} and of every command, as AsciiDoc man-page sources made by
 * picocli-codegen's {@link ManPageGenerator} ({@code target/man/joignable-stream.adoc}, ..., turned
 * into troff with {@code asciidoctor -b manpage}), and the bash/zsh completion script ({@code
 * target/completion/joignable_completion}, the same as {@code joignable generate-completion}
 * prints).
 *
 * <p>picocli-codegen is a {@code provided} dependency: not on the tool's runtime class path.
 */
public final class ManPages {

    private ManPages() {}

    /** {@code ManPages OUTDIR}: writes {@code OUTDIR/man/*.adoc} and the completion script. */
    public static void main(String[] args) throws IOException {
        Path outdir = Path.of(args.length > 0 ? args[0] : "target");
        CommandLine cli =
                JoignableCli.create(
                        new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter()));
        File man = outdir.resolve("man").toFile();
        Files.createDirectories(man.toPath());
        int status =
                ManPageGenerator.generateManPage(
                        man, null, new boolean[0], false, cli.getCommandSpec());
        if (status != 0) {
            throw new IOException("ManPageGenerator failed with status " + status);
        }
        Path completion = outdir.resolve("completion").resolve("joignable_completion");
        Files.createDirectories(completion.getParent());
        Files.writeString(completion, AutoComplete.bash("joignable", cli), StandardCharsets.UTF_8);
    }
}
