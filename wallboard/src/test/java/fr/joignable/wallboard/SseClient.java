package fr.joignable.wallboard;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.live.LiveView;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Reads a {@code text/event-stream}: each event's data, parsed, with its arrival time. */
final class SseClient implements AutoCloseable {

    record Event(JsonNode data, long arrivedNanos) {}

    final HttpResponse<Stream<String>> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;

    SseClient(HttpClient client, URI uri, String... headers) throws Exception {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        response =
                client.sendAsync(request.build(), HttpResponse.BodyHandlers.ofLines())
                        .get(5, TimeUnit.SECONDS);
        reader =
                new Thread(
                        () -> {
                            try {
                                response.body()
                                        .filter(l -> l.startsWith("data: "))
                                        .forEach(
                                                l ->
                                                        events.add(
                                                                new Event(
                                                                        parse(l),
                                                                        System.nanoTime())));
                            } catch (RuntimeException closed) {
                                // stream closed
                            }
                        },
                        "sse-test-reader");
        reader.setDaemon(true);
        reader.start();
    }

    private static JsonNode parse(String line) {
        try {
            return LiveView.json().readTree(line.substring("data: ".length()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The next event within the timeout, or null. */
    Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Skips events until one satisfies the test; null when none comes within the timeout. */
    Event until(java.util.function.Predicate<JsonNode> test, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            Event e = events.poll(left, TimeUnit.NANOSECONDS);
            if (e != null && test.test(e.data())) {
                return e;
            }
        }
    }

    void clear() {
        events.clear();
    }

    @Override
    public void close() {
        response.body().close();
        reader.interrupt();
    }
}
