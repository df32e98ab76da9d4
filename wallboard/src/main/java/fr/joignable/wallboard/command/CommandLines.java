package fr.joignable.wallboard.command;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * The exit codes of {@code docs/cli.md} and their one-line messages, for every {@code joignable}
 * command line (the full one of {@code cli} and the wallboard's own, which runs without Flink):
 *
 * <ul>
 *   <li>0: success;
 *   <li>2: usage error (unknown option, missing argument, value out of range or of the wrong form,
 *       {@link UsageException}), with a pointer to {@code --help};
 *   <li>1: any other failure, with a one-line reason ({@link InputException}: its message only);
 *       the stack trace only with {@code --verbose}.
 * </ul>
 */
public final class CommandLines {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private CommandLines() {}

    /** Sets the streams, the exit codes and the error messages of {@code cli}. */
    public static CommandLine configure(CommandLine cli, PrintWriter out, PrintWriter err) {
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(CommandLines::onUsageError);
        cli.setExecutionExceptionHandler(CommandLines::onFailure);
        cli.setExitCodeExceptionMapper(t -> EXIT_FAILURE);
        return cli;
    }

    private static int onUsageError(CommandLine.ParameterException e, String[] args) {
        CommandLine cmd = e.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println("joignable: " + oneLine(e.getMessage()));
        err.println(
                "Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return EXIT_USAGE;
    }

    private static int onFailure(
            Exception e, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        if (e instanceof UsageException usage) {
            err.println("joignable: " + oneLine(usage.getMessage()));
            err.println(
                    "Try '"
                            + cmd.getCommandSpec().qualifiedName()
                            + " --help' for more information.");
            err.flush();
            return EXIT_USAGE;
        }
        String message =
                e instanceof InputException
                        ? e.getMessage()
                        : e.getClass().getSimpleName()
                                + (e.getMessage() == null ? "" : ": " + e.getMessage());
        err.println("joignable: " + oneLine(message));
        if (parseResult.originalArgs().contains("--verbose")) {
            e.printStackTrace(err);
        } else if (!(e instanceof InputException)) {
            err.println("(run again with --verbose for the details)");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    /** The first line of {@code message}, stripped ("unknown error" when there is none). */
    public static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
