package fr.joignable.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code joignable}: lists the commands. */
@Command(
        name = "joignable",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Live KPIs, forecasts, staffing plans and monthly reports for the contact centres of"
                    + " social-housing landlords.",
            ""
        },
        commandListHeading = "%nCommands:%n",
        footer = {"", "Run 'joignable COMMAND --help' for the options of a command."})
public final class RootCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @picocli.CommandLine.Option(
            names = "--verbose",
            description = "Print stack traces of failures.",
            scope = picocli.CommandLine.ScopeType.INHERIT)
    boolean verbose;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return JoignableCli.EXIT_OK;
    }
}
