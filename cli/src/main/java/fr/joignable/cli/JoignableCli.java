package fr.joignable.cli;

import fr.joignable.domain.io.InputException;
import java.io.PrintWriter;
import java.util.Arrays;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine}: the command tree, the exit codes of {@code
 * docs/cli.md} and one-line error messages.
 *
 * <ul>
 *   <li>0: success;
 *   <li>2: usage error (unknown option, missing argument, value out of range or of the wrong form),
 *       with a pointer to {@code --help};
 *   <li>1: any other failure, with a one-line reason; the stack trace only with {@code --verbose}.
 * </ul>
 */
public final class JoignableCli {

    public static final int EXIT_OK = 0;
    public static final int EXIT_FAILURE = 1;
    public static final int EXIT_USAGE = 2;

    private JoignableCli() {}

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand());
        for (Object sub : subcommands()) {
            cli.addSubcommand(sub);
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setParameterExceptionHandler(JoignableCli::onUsageError);
        cli.setExecutionExceptionHandler(JoignableCli::onFailure);
        cli.setExitCodeExceptionMapper(t -> EXIT_FAILURE);
        return cli;
    }

    /** The commands that work, in the order {@code --help} lists them. */
    private static Object[] subcommands() {
        return new Object[] {
            new DemoCommand(),
            new GenerateCommand(),
            new KpiCommand(),
            new ConvertCommand(),
            new IngestCommand(),
            new StreamCommand(),
            new WallboardCommand(),
            new ErlangCommand(),
            new ForecastCommand(),
            new StaffCommand(),
            new SimulateCommand(),
            new ScheduleCommand(),
            new TrainingGapsCommand(),
            new ReportCommand(),
            new SqlCommand(),
            new RetentionCommand(),
            new picocli.AutoComplete.GenerateCompletion(),
        };
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
        if (verbose(parseResult)) {
            e.printStackTrace(err);
        } else if (!(e instanceof InputException)) {
            err.println("(run again with --verbose for the details)");
        }
        err.flush();
        return EXIT_FAILURE;
    }

    private static boolean verbose(CommandLine.ParseResult parseResult) {
        CommandLine.ParseResult root = parseResult;
        return Arrays.asList(root.originalArgs().toArray(new String[0])).contains("--verbose");
    }

    static String oneLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        String line = message.strip();
        int newline = line.indexOf('\n');
        return newline < 0 ? line : line.substring(0, newline).strip();
    }
}
