package fr.joignable.inputs;

import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.EventCodec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.GZIPInputStream;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Replays an events file into a Kafka topic at an accelerated pace: an event at event time {@code
 * t} is sent {@code (t − first) / speed} after the replay starts, so the live page moves as a
 * contact centre would, only faster. Quiet stretches (nights) longer than {@code maxGap} of event
 * time are skipped. Records are keyed as the contract says (contactId, agentId).
 */
public final class EventReplayer implements AutoCloseable {

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final double speed;
    private final long maxGapMillis;
    private volatile boolean stopped;

    public EventReplayer(String bootstrapServers, String topic, double speed, long maxGapMillis) {
        if (!(speed > 0)) {
            throw new IllegalArgumentException("speed must be positive");
        }
        this.producer =
                new KafkaProducer<>(
                        Map.of(
                                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                                bootstrapServers,
                                ProducerConfig.LINGER_MS_CONFIG,
                                5,
                                ProducerConfig.ACKS_CONFIG,
                                "all"),
                        new StringSerializer(),
                        new ByteArraySerializer());
        this.topic = topic;
        this.speed = speed;
        this.maxGapMillis = maxGapMillis;
    }

    /**
     * Sends the events of {@code file} with event time in [{@code from}, {@code until}), paced.
     *
     * @param onEventTime called with the event time (epoch ms) of each event sent
     * @return the number of events sent
     */
    public long replay(Path file, Instant from, Instant until, LongConsumer onEventTime)
            throws IOException, InterruptedException {
        long sent = 0;
        long startNanos = System.nanoTime();
        long firstTs = Long.MIN_VALUE;
        long previousTs = Long.MIN_VALUE;
        long skippedMillis = 0;
        EventCodec codec = EventCodec.instance();
        try (BufferedReader reader = open(file)) {
            String line;
            while (!stopped && (line = reader.readLine()) != null) {
                if (line.isBlank()) {
                    continue;
                }
                Decoded decoded = codec.decode(line);
                if (!(decoded instanceof Decoded.Accepted accepted)) {
                    continue;
                }
                long ts = accepted.event().tsMillis();
                if (ts < from.toEpochMilli() || ts >= until.toEpochMilli()) {
                    continue;
                }
                if (firstTs == Long.MIN_VALUE) {
                    firstTs = ts;
                    previousTs = ts;
                }
                if (ts - previousTs > maxGapMillis) {
                    skippedMillis += ts - previousTs - maxGapMillis;
                }
                previousTs = Math.max(previousTs, ts);
                long dueNanos =
                        startNanos + (long) ((ts - firstTs - skippedMillis) / speed * 1_000_000L);
                long waitNanos = dueNanos - System.nanoTime();
                if (waitNanos > 1_000_000L) {
                    producer.flush();
                    Thread.sleep(waitNanos / 1_000_000L, (int) (waitNanos % 1_000_000L));
                }
                producer.send(
                        new ProducerRecord<>(
                                topic,
                                accepted.event().key(),
                                line.getBytes(StandardCharsets.UTF_8)));
                sent++;
                onEventTime.accept(ts);
            }
        }
        producer.flush();
        return sent;
    }

    /** Makes a running {@link #replay} return after its current event. */
    public void stop() {
        stopped = true;
    }

    private static BufferedReader open(Path file) throws IOException {
        InputStream in = Files.newInputStream(file);
        if (file.getFileName().toString().endsWith(".gz")) {
            in = new GZIPInputStream(in, 1 << 16);
        }
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void close() {
        producer.close();
    }
}
