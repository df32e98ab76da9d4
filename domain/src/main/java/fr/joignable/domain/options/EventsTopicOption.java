package fr.joignable.domain.options;

import fr.joignable.domain.io.UsageException;
import fr.joignable.domain.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * {@code --events-topic}, shared by the commands that write or read the events ({@code ingest},
 * {@code stream}).
 */
public class EventsTopicOption {

    @Option(
            names = "--events-topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.EVENTS,
            description = "Kafka topic of the interaction events (default: ${DEFAULT-VALUE}).")
    String eventsTopic;

    /** The topic, checked non-blank. */
    public String eventsTopic() {
        return nonBlank("--events-topic", eventsTopic);
    }

    static String nonBlank(String option, String value) {
        if (value == null || value.isBlank()) {
            throw new UsageException(option + " must not be empty");
        }
        return value;
    }
}
