package fr.joignable.cli;

import fr.joignable.reporting.SqlRunner;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code joignable sql}: a DuckDB query over the tables of a data directory. */
@Command(
        name = "sql",
        mixinStandardHelpOptions = true,
        description = {
            "Runs a DuckDB SQL query over the tables of a data directory and prints the result.",
            "Views: contact_intervals, agent_intervals, intent_intervals, handoffs (Parquet),"
                    + " staffing, forecast, training_gaps, training_plan (CSV), those present only."
        })
public final class SqlCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--data", required = true, paramLabel = "DIR", description = "Data directory.")
    Path data;

    @Option(names = "--csv", description = "Print CSV (header row) instead of a table.")
    boolean csv;

    @Parameters(index = "0", paramLabel = "QUERY", description = "The SQL query.")
    String query;

    @Override
    public Integer call() {
        SqlRunner.Result result = SqlRunner.run(data, query);
        PrintWriter out = spec.commandLine().getOut();
        if (csv) {
            SqlRunner.printCsv(result, out);
        } else {
            SqlRunner.printTable(result, out);
        }
        return JoignableCli.EXIT_OK;
    }
}
