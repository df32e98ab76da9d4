package fr.joignable.cli;

import fr.joignable.wallboard.command.CommandLines;
import fr.joignable.wallboard.command.WallboardCommand;
import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Builds the configured {@link CommandLine}: the command tree, with the exit codes of {@code
 * docs/cli.md} and one-line error messages of {@link CommandLines}.
 *
 * <ul>
 *   <li>0: success;
 *   <li>2: usage error (unknown option, missing argument, value out of range or of the wrong form),
 *       with a pointer to {@code --help};
 *   <li>1: any other failure, with a one-line reason; the stack trace only with {@code --verbose}.
 * </ul>
 */
public final class JoignableCli {

    public static final int EXIT_OK = CommandLines.EXIT_OK;
    public static final int EXIT_FAILURE = CommandLines.EXIT_FAILURE;
    public static final int EXIT_USAGE = CommandLines.EXIT_USAGE;

    private JoignableCli() {}

    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new RootCommand());
        for (Object sub : subcommands()) {
            cli.addSubcommand(sub);
        }
        return CommandLines.configure(cli, out, err);
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

    static String oneLine(String message) {
        return CommandLines.oneLine(message);
    }
}
