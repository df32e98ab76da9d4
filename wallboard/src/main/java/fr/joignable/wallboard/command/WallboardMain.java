package fr.joignable.wallboard.command;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * {@code joignable wallboard} on its own class path (domain, Kafka clients, Jackson, picocli: no
 * Flink, no Kafka broker): the launcher starts this class when the first argument is {@code
 * wallboard}, with the same options, messages and exit codes as the full command line.
 */
public final class WallboardMain {

    private WallboardMain() {}

    /** The root {@code joignable} with the one {@code wallboard} subcommand. */
    @Command(name = "joignable", mixinStandardHelpOptions = true)
    static final class Root implements Callable<Integer> {

        @Option(
                names = "--verbose",
                description = "Print stack traces of failures.",
                scope = ScopeType.INHERIT)
        boolean verbose;

        @Override
        public Integer call() {
            return CommandLines.EXIT_USAGE;
        }
    }

    /** The command line: {@code joignable wallboard ...}. */
    public static CommandLine create(PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Root());
        cli.addSubcommand(new WallboardCommand());
        return CommandLines.configure(cli, out, err);
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = create(out, err).execute(args);
        out.flush();
        err.flush();
        System.exit(status);
    }
}
