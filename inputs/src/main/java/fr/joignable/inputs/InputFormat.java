package fr.joignable.inputs;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The export formats {@code convert}, {@code kpi --from} and {@code ingest} read. */
public enum InputFormat {
    ASTERISK_QUEUE_LOG("asterisk-queue-log"),
    QUEUE_LOG_CSV("queue-log-csv"),
    CALLS_CSV("calls-csv");

    private final String cliName;

    InputFormat(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    /** The format named {@code name} on the command line, or {@code null}. */
    public static InputFormat byName(String name) {
        for (InputFormat f : values()) {
            if (f.cliName.equalsIgnoreCase(name) || f.name().equalsIgnoreCase(name)) {
                return f;
            }
        }
        return null;
    }

    public static String names() {
        return Arrays.stream(values()).map(InputFormat::cliName).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return cliName;
    }
}
