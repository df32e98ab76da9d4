package fr.joignable.wallboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.live.LiveView;
import fr.joignable.domain.targets.Targets;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WallboardServerTest {

    private static final Duration ONE_SECOND = Duration.ofSeconds(1);

    /** Scheduling slack allowed on top of the one-second push period (a loaded 2-core machine). */
    private static final Duration PUSH_SLACK = Duration.ofMillis(250);

    private static final String TOKEN = "wallboard-test-token-0123456789";

    private final HttpClient client =
            HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
    private final InMemoryLiveSource source = new InMemoryLiveSource();
    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    private WallboardServer start(WallboardServer.Config config) throws Exception {
        WallboardServer server = WallboardServer.start(source, config);
        open.add(server);
        return server;
    }

    private WallboardServer start() throws Exception {
        return start(WallboardServer.Config.local(0));
    }

    private HttpResponse<String> request(URI uri, String method, String... headers)
            throws Exception {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(uri)
                        .timeout(Duration.ofSeconds(5))
                        .method(method, HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(WallboardServer server, String path, String... headers)
            throws Exception {
        return request(server.uri().resolve(path), "GET", headers);
    }

    private static LiveView snapshot(long loyersWaiting) {
        Instant now = Instant.now();
        return Samples.view(now.minusSeconds(3600 * 24 * 50), now, loyersWaiting);
    }

    private static void assertSecurityHeaders(HttpResponse<?> response) {
        var h = response.headers();
        assertThat(h.firstValue("Content-Security-Policy"))
                .hasValueSatisfying(
                        csp ->
                                assertThat(csp)
                                        .startsWith("default-src 'self'")
                                        .contains("frame-ancestors 'none'")
                                        .doesNotContain("unsafe-inline")
                                        .doesNotContain("unsafe-eval"));
        assertThat(h.firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(h.firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(h.firstValue("Referrer-Policy")).hasValue("no-referrer");
        assertThat(h.firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void servesThePageWithItsScriptAndStyleAsSeparateResources() throws Exception {
        WallboardServer server = start();
        HttpResponse<String> page = get(server, "/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertSecurityHeaders(page);
        assertThat(page.body())
                .contains("<html lang=\"fr\">")
                .contains("<script src=\"/app.js\" defer></script>")
                .contains("<link rel=\"stylesheet\" href=\"/app.css\">")
                .doesNotContain("<style")
                .doesNotContain(" style=")
                .doesNotContain("http://")
                .doesNotContain("https://");
        assertThat(page.body().split("<script").length - 1).isEqualTo(1);

        HttpResponse<String> js = get(server, "/app.js");
        assertThat(js.statusCode()).isEqualTo(200);
        assertThat(js.headers().firstValue("Content-Type"))
                .hasValue("text/javascript; charset=utf-8");
        assertThat(js.body()).contains("new EventSource('/events')").doesNotContain("innerHTML");
        assertSecurityHeaders(js);
        HttpResponse<String> css = get(server, "/app.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(css.headers().firstValue("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.body()).doesNotContain("@import").doesNotContain("url(");
    }

    @Test
    void theLanguageIsChosenByTheConfig() throws Exception {
        WallboardServer server =
                start(WallboardServer.Config.local(0).withLanguage(WallboardServer.Language.EN));
        assertThat(get(server, "/").body()).contains("<html lang=\"en\">");
    }

    @Test
    void apiLiveReturnsTheNewestSnapshotWithoutUndocumentedFields() throws Exception {
        WallboardServer server = start();
        HttpResponse<String> none = get(server, "/api/live");
        assertThat(none.statusCode()).isEqualTo(503);
        assertSecurityHeaders(none);

        source.publish(snapshot(3));
        source.publish(snapshot(9));
        HttpResponse<String> live = get(server, "/api/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.headers().firstValue("Content-Type")).hasValue("application/json");
        assertSecurityHeaders(live);
        JsonNode json = LiveView.json().readTree(live.body());
        assertThat(json.at("/queues/0/queue").asText()).isEqualTo("LOYERS");
        assertThat(json.at("/queues/0/waiting").asLong()).isEqualTo(9);
        assertThat(live.body()).doesNotContain("tenant").doesNotContain("T-123456");
    }

    @Test
    void metricsAndHealth() throws Exception {
        WallboardServer server = start();
        source.publish(snapshot(4));
        HttpResponse<String> metrics = get(server, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type"))
                .hasValue("text/plain; version=0.0.4; charset=utf-8");
        assertThat(metrics.body()).contains("joignable_waiting_contacts{queue=\"LOYERS\"} 4\n");
        assertSecurityHeaders(metrics);
        HttpResponse<String> health = get(server, "/healthz");
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("ok\n");
    }

    @Test
    void eventsPushANewSnapshotWithinASecondAndAtLeastOnceASecond() throws Exception {
        WallboardServer server = start();
        source.publish(snapshot(1));
        try (SseClient sse = new SseClient(client, server.uri().resolve("/events"))) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            assertThat(sse.response.headers().firstValue("Content-Type"))
                    .hasValue("text/event-stream; charset=utf-8");
            assertSecurityHeaders(sse.response);
            SseClient.Event first = sse.next(ONE_SECOND);
            assertThat(first).isNotNull();
            assertThat(first.data().get("state").asText()).isEqualTo("live");
            assertThat(first.data().at("/queues/0/waiting").asLong()).isEqualTo(1);

            // unchanged: still pushed at least once a second
            assertThat(sse.next(ONE_SECOND.plus(PUSH_SLACK))).isNotNull();
            assertThat(sse.next(ONE_SECOND.plus(PUSH_SLACK))).isNotNull();

            long published = System.nanoTime();
            source.publish(snapshot(42));
            SseClient.Event changed =
                    sse.until(v -> v.at("/queues/0/waiting").asLong() == 42, ONE_SECOND);
            assertThat(changed).as("the new snapshot within a second").isNotNull();
            assertThat(Duration.ofNanos(changed.arrivedNanos() - published)).isLessThan(ONE_SECOND);
            assertThat(changed.data().at("/queues/1/longestWaitStatus").asText()).isEqualTo("red");
        }
    }

    @Test
    void eventsSayStaleWhenTheNewestSnapshotIsOlderThanFiveSeconds() throws Exception {
        WallboardServer server = start();
        Instant old = Instant.now().minusSeconds(30);
        source.publish(Samples.view(old, old, 2));
        try (SseClient sse = new SseClient(client, server.uri().resolve("/events"))) {
            JsonNode view = sse.next(ONE_SECOND).data();
            assertThat(view.get("state").asText()).isEqualTo("stale");
            assertThat(view.get("ageS").asDouble()).isGreaterThan(29);
        }
    }

    @Test
    void onlyKnownPathsAreServed() throws Exception {
        WallboardServer server = start();
        for (String path :
                List.of(
                        "/index.html",
                        "/app.js/",
                        "/fr/joignable/wallboard/app.js",
                        "/api",
                        "/api/",
                        "/%2e%2e/%2e%2e/etc/passwd",
                        "/static/",
                        "/metrics/x",
                        "/api//live")) {
            HttpResponse<String> r = get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertSecurityHeaders(r);
        }
    }

    @Test
    void onlyGetAndHeadAreAllowed() throws Exception {
        WallboardServer server = start();
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS")) {
            HttpResponse<String> r = request(server.uri().resolve("/api/live"), method);
            assertThat(r.statusCode()).as(method).isEqualTo(405);
            assertThat(r.headers().firstValue("Allow")).hasValue("GET, HEAD");
            assertSecurityHeaders(r);
        }
        HttpResponse<String> head = request(server.uri(), "HEAD");
        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertSecurityHeaders(head);
    }

    @Test
    void withoutATokenOnlyLoopbackHostNamesAreAnswered() throws Exception {
        WallboardServer server = start();
        assertThat(rawStatus(server, "evil.example:" + server.port())).isEqualTo(403);
        assertThat(rawStatus(server, "localhost:" + server.port())).isEqualTo(200);
        assertThat(rawStatus(server, "127.0.0.1:" + server.port())).isEqualTo(200);
        assertThat(WallboardServer.loopbackHost("[::1]:8080")).isTrue();
        assertThat(WallboardServer.loopbackHost("127.0.0.1.evil.example")).isFalse();
        assertThat(WallboardServer.loopbackHost("localhost.evil.example:80")).isFalse();
        assertThat(WallboardServer.loopbackHost(null)).isFalse();
    }

    /** A request with a chosen Host header (HttpClient refuses to set it). */
    private static int rawStatus(WallboardServer server, String host) throws Exception {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(
                    ("GET /healthz HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String status =
                    new BufferedReader(
                                    new InputStreamReader(
                                            socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
            return Integer.parseInt(status.split(" ")[1]);
        }
    }

    @Test
    void aNonLoopbackAddressNeedsAToken() {
        assertThatThrownBy(
                        () ->
                                new WallboardServer.Config(
                                        new InetSocketAddress("0.0.0.0", 0),
                                        Optional.empty(),
                                        WallboardServer.Language.FR,
                                        Targets.DEFAULTS,
                                        Clock.systemUTC()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs an access token");
    }

    @Test
    void withATokenEverythingButHealthNeedsIt() throws Exception {
        WallboardServer server =
                start(WallboardServer.Config.local(0).withToken(AccessToken.of(TOKEN)));
        source.publish(snapshot(5));
        for (String path :
                List.of("/", "/app.js", "/app.css", "/api/live", "/metrics", "/events", "/nope")) {
            HttpResponse<String> r = get(server, path);
            assertThat(r.statusCode()).as(path).isEqualTo(401);
            assertThat(r.body()).doesNotContain("LOYERS");
            assertThat(r.headers().firstValue("WWW-Authenticate")).isPresent();
            assertSecurityHeaders(r);
            assertThat(
                            get(server, path, "Authorization", "Bearer wrong-token-0123456789")
                                    .statusCode())
                    .isEqualTo(401);
            assertThat(
                            get(server, path, "Cookie", WallboardServer.COOKIE + "=" + TOKEN)
                                    .statusCode())
                    .as("the raw token is not a valid cookie")
                    .isEqualTo(401);
        }
        assertThat(get(server, "/healthz").statusCode()).isEqualTo(200);
        // from another host name too: with a token the Host check is not needed
        assertThat(rawStatus(server, "wallboard.example:" + server.port())).isEqualTo(200);

        HttpResponse<String> bearer = get(server, "/api/live", "Authorization", "Bearer " + TOKEN);
        assertThat(bearer.statusCode()).isEqualTo(200);
        assertThat(bearer.body()).contains("LOYERS");
        assertThat(get(server, "/metrics", "Authorization", "bearer " + TOKEN).statusCode())
                .isEqualTo(200);
        assertThat(get(server, "/nope", "Authorization", "Bearer " + TOKEN).statusCode())
                .isEqualTo(404);
        // the query token is only for the page
        assertThat(get(server, "/api/live?token=" + TOKEN).statusCode()).isEqualTo(401);
        assertThat(get(server, "/?token=wrong-token-0123456789").statusCode()).isEqualTo(401);
    }

    @Test
    void theQueryTokenOnThePageSetsAStrictHttpOnlyCookie() throws Exception {
        WallboardServer server =
                start(WallboardServer.Config.local(0).withToken(AccessToken.of(TOKEN)));
        source.publish(snapshot(6));
        HttpResponse<String> login = get(server, "/?token=" + TOKEN);
        assertThat(login.statusCode()).isEqualTo(303);
        assertThat(login.headers().firstValue("Location")).hasValue("/");
        assertSecurityHeaders(login);
        String setCookie = login.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie)
                .startsWith(WallboardServer.COOKIE + "=")
                .contains("HttpOnly")
                .contains("SameSite=Strict")
                .contains("Path=/")
                .doesNotContain(TOKEN);
        String cookie = setCookie.substring(0, setCookie.indexOf(';'));

        HttpResponse<String> page = get(server, "/", "Cookie", "other=1; " + cookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(get(server, "/app.js", "Cookie", cookie).statusCode()).isEqualTo(200);
        assertThat(get(server, "/api/live", "Cookie", cookie).body()).contains("LOYERS");
        try (SseClient sse =
                new SseClient(client, server.uri().resolve("/events"), "Cookie", cookie)) {
            assertThat(sse.response.statusCode()).isEqualTo(200);
            assertThat(sse.next(ONE_SECOND).data().at("/queues/0/waiting").asLong()).isEqualTo(6);
        }
    }
}
