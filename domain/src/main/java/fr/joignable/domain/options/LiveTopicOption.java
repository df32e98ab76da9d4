package fr.joignable.domain.options;

import fr.joignable.domain.kafka.Topics;
import picocli.CommandLine.Option;

/**
 * {@code --live-topic}, shared by the KPI job that writes the live view ({@code stream}) and the
 * wallboard that reads it.
 */
public class LiveTopicOption {

    @Option(
            names = "--live-topic",
            paramLabel = "TOPIC",
            defaultValue = Topics.LIVE,
            description = "Kafka topic of the live-view snapshots (default: ${DEFAULT-VALUE}).")
    String liveTopic;

    /** The topic, checked non-blank. */
    public String liveTopic() {
        return EventsTopicOption.nonBlank("--live-topic", liveTopic);
    }
}
