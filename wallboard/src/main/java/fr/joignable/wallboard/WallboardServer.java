package fr.joignable.wallboard;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import fr.joignable.domain.live.LiveView;
import fr.joignable.domain.targets.Targets;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The supervisors' live page over HTTP (JDK {@link HttpServer}), fed by any {@link
 * LiveSnapshotSource}.
 *
 * <ul>
 *   <li>{@code /}, {@code /app.css}, {@code /app.js}: the page (no inline script or style);
 *   <li>{@code /events}: Server-Sent Events, the page's {@link WallboardView} pushed at once when a
 *       new snapshot arrives and at least once a second;
 *   <li>{@code /api/live}: the newest snapshot (documented fields only), 503 before the first;
 *   <li>{@code /metrics}: Prometheus text format 0.0.4;
 *   <li>{@code /healthz}: {@code ok}, without a token (it tells nothing else).
 * </ul>
 *
 * <p>Closed by default: any other path is 404, any method but GET/HEAD 405, every response carries
 * the security headers of {@link #SECURITY_HEADERS}. Bound to a non-loopback address the server
 * needs an {@link AccessToken} (a {@code Authorization: Bearer} header, or {@code ?token=} on the
 * page, which then sets an HttpOnly SameSite=Strict cookie); without a token it answers only
 * requests whose {@code Host} is a loopback name (no DNS rebinding).
 */
public final class WallboardServer implements AutoCloseable {

    /** The page's language. */
    public enum Language {
        FR,
        EN;

        String code() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * How to serve: where to listen, the token (required unless the address is a loopback one), the
     * page's language, the targets and the clock.
     */
    public record Config(
            InetSocketAddress address,
            Optional<AccessToken> token,
            Language language,
            Targets targets,
            Clock clock) {
        public Config {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(language, "language");
            Objects.requireNonNull(targets, "targets");
            Objects.requireNonNull(clock, "clock");
            if (address.isUnresolved()) {
                throw new IllegalArgumentException("unresolved address " + address.getHostString());
            }
            if (token.isEmpty() && !address.getAddress().isLoopbackAddress()) {
                throw new IllegalArgumentException(
                        "binding to "
                                + address.getAddress().getHostAddress()
                                + " needs an access token");
            }
        }

        /** Loopback, the given port, no token, French, default targets. */
        public static Config local(int port) {
            return new Config(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
                    Optional.empty(),
                    Language.FR,
                    Targets.DEFAULTS,
                    Clock.systemUTC());
        }

        public Config withToken(AccessToken t) {
            return new Config(address, Optional.of(t), language, targets, clock);
        }

        public Config withLanguage(Language l) {
            return new Config(address, token, l, targets, clock);
        }
    }

    /** The headers on every response. */
    public static final String[][] SECURITY_HEADERS = {
        {
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self';"
                    + " connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none';"
                    + " form-action 'none'; frame-ancestors 'none'"
        },
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
        {"Cache-Control", "no-store"},
        {"Cross-Origin-Opener-Policy", "same-origin"},
        {"Cross-Origin-Resource-Policy", "same-origin"},
    };

    /** The session cookie's name. */
    public static final String COOKIE = "joignable_wallboard";

    /** At most this many pages connected to {@code /events} at once; more get 503. */
    public static final int MAX_EVENT_CLIENTS = 64;

    private static final long PUSH_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final String RESOURCES = "/fr/joignable/wallboard/";

    private final LiveSnapshotSource source;
    private final Config config;
    private final HttpServer http;
    private final ExecutorService executor;
    private final AtomicInteger eventClients = new AtomicInteger();
    private final byte[] page;
    private final byte[] css;
    private final byte[] js;
    private volatile boolean running = true;

    private WallboardServer(LiveSnapshotSource source, Config config) throws IOException {
        this.source = Objects.requireNonNull(source, "source");
        this.config = config;
        this.page =
                new String(resource("index.html"), StandardCharsets.UTF_8)
                        .replace("{{lang}}", config.language().code())
                        .getBytes(StandardCharsets.UTF_8);
        this.css = resource("app.css");
        this.js = resource("app.js");
        this.http = HttpServer.create(config.address(), 50);
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        http.setExecutor(executor);
        http.createContext("/", this::handle);
    }

    /** Starts serving; the port is {@link #port()} (a free one when the config asks for 0). */
    public static WallboardServer start(LiveSnapshotSource source, Config config)
            throws IOException {
        WallboardServer server = new WallboardServer(source, config);
        server.http.start();
        return server;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    /** The page's address (a literal IP; {@code localhost} is not assumed to resolve). */
    public URI uri() {
        InetAddress address = http.getAddress().getAddress();
        String host =
                address.isAnyLocalAddress()
                        ? InetAddress.getLoopbackAddress().getHostAddress()
                        : address.getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The number of pages connected to {@code /events} now. */
    public int eventClients() {
        return eventClients.get();
    }

    @Override
    public void close() {
        running = false;
        http.stop(0);
        executor.shutdownNow();
        try {
            executor.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(HttpExchange ex) {
        try {
            Headers out = ex.getResponseHeaders();
            for (String[] header : SECURITY_HEADERS) {
                out.set(header[0], header[1]);
            }
            String method = ex.getRequestMethod();
            boolean head = "HEAD".equals(method);
            if (!head && !"GET".equals(method)) {
                out.set("Allow", "GET, HEAD");
                text(ex, 405, "method not allowed", false);
                return;
            }
            String path = ex.getRequestURI().getRawPath();
            if (config.token().isEmpty()
                    && !loopbackHost(ex.getRequestHeaders().getFirst("Host"))) {
                text(ex, 403, "forbidden", head);
                return;
            }
            if ("/healthz".equals(path)) {
                text(ex, 200, "ok", head);
                return;
            }
            if (config.token().isPresent() && !authorised(ex, config.token().get())) {
                if ("/".equals(path) && queryTokenMatches(ex, config.token().get())) {
                    out.add(
                            "Set-Cookie",
                            COOKIE
                                    + "="
                                    + config.token().get().cookieValue()
                                    + "; Path=/; HttpOnly; SameSite=Strict");
                    out.set("Location", "/");
                    text(ex, 303, "see /", head);
                    return;
                }
                out.set("WWW-Authenticate", "Bearer realm=\"joignable-wallboard\"");
                text(ex, 401, "unauthorized", head);
                return;
            }
            switch (path) {
                case "/" -> send(ex, 200, "text/html; charset=utf-8", page, head);
                case "/app.css" -> send(ex, 200, "text/css; charset=utf-8", css, head);
                case "/app.js" -> send(ex, 200, "text/javascript; charset=utf-8", js, head);
                case "/api/live" -> live(ex, head);
                case "/metrics" ->
                        send(
                                ex,
                                200,
                                PrometheusMetrics.CONTENT_TYPE,
                                PrometheusMetrics.render(source.latest(), config.clock().instant())
                                        .getBytes(StandardCharsets.UTF_8),
                                head);
                case "/events" -> events(ex, head);
                default -> text(ex, 404, "not found", head);
            }
        } catch (IOException e) {
            // the client went away; nothing to do
        } catch (RuntimeException e) {
            // never let a failure reach the dispatcher
        } finally {
            ex.close();
        }
    }

    private void live(HttpExchange ex, boolean head) throws IOException {
        Optional<LiveSnapshot> latest = source.latest();
        if (latest.isEmpty()) {
            ex.getResponseHeaders().set("Retry-After", "1");
            send(
                    ex,
                    503,
                    "application/json",
                    "{\"error\":\"no snapshot yet\"}".getBytes(StandardCharsets.UTF_8),
                    head);
            return;
        }
        send(
                ex,
                200,
                "application/json",
                latest.get().view().toJson().getBytes(StandardCharsets.UTF_8),
                head);
    }

    private void events(HttpExchange ex, boolean head) throws IOException {
        Headers h = ex.getResponseHeaders();
        if (eventClients.incrementAndGet() > MAX_EVENT_CLIENTS) {
            eventClients.decrementAndGet();
            h.set("Retry-After", "5");
            text(ex, 503, "too many connected pages", head);
            return;
        }
        try {
            h.set("Content-Type", "text/event-stream; charset=utf-8");
            h.set("X-Accel-Buffering", "no");
            if (head) {
                ex.sendResponseHeaders(200, -1);
                return;
            }
            ex.sendResponseHeaders(200, 0);
            OutputStream body = ex.getResponseBody();
            body.write("retry: 2000\n\n".getBytes(StandardCharsets.UTF_8));
            body.flush();
            LiveSnapshot sent = null;
            long sentAt = 0;
            boolean first = true;
            while (running && !Thread.currentThread().isInterrupted()) {
                LiveSnapshot latest = source.latest().orElse(null);
                long now = System.nanoTime();
                if (first || latest != sent || now - sentAt >= PUSH_EVERY_NANOS) {
                    String view =
                            LiveView.json()
                                    .writeValueAsString(
                                            WallboardView.build(
                                                    Optional.ofNullable(latest),
                                                    config.targets(),
                                                    config.clock().instant()));
                    body.write(("data: " + view + "\n\n").getBytes(StandardCharsets.UTF_8));
                    body.flush();
                    sent = latest;
                    sentAt = now;
                    first = false;
                }
                try {
                    // wake on the next snapshot, or for the once-a-second push
                    long left = PUSH_EVERY_NANOS - (System.nanoTime() - sentAt);
                    source.awaitOther(sent, Math.max(1, left / 1_000_000));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        } finally {
            eventClients.decrementAndGet();
        }
    }

    private static boolean authorised(HttpExchange ex, AccessToken token) {
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        if (authorization != null
                && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && token.matches(authorization.substring(7).strip())) {
            return true;
        }
        for (String header : ex.getRequestHeaders().getOrDefault("Cookie", java.util.List.of())) {
            for (String part : header.split(";")) {
                int eq = part.indexOf('=');
                if (eq > 0
                        && part.substring(0, eq).strip().equals(COOKIE)
                        && token.matchesCookie(part.substring(eq + 1).strip())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean queryTokenMatches(HttpExchange ex, AccessToken token) {
        String query = ex.getRequestURI().getRawQuery();
        if (query == null) {
            return false;
        }
        for (String part : query.split("&")) {
            if (part.startsWith("token=")) {
                try {
                    return token.matches(
                            URLDecoder.decode(part.substring(6), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException e) {
                    return false;
                }
            }
        }
        return false;
    }

    /** Whether a {@code Host} header names this machine's loopback interface. */
    static boolean loopbackHost(String hostHeader) {
        if (hostHeader == null) {
            return false;
        }
        String host = hostHeader.strip().toLowerCase(Locale.ROOT);
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            return end > 0 && host.substring(1, end).equals("::1");
        }
        int colon = host.indexOf(':');
        if (colon >= 0) {
            host = host.substring(0, colon);
        }
        return host.equals("localhost") || host.matches("127(\\.\\d{1,3}){3}");
    }

    private static void text(HttpExchange ex, int status, String message, boolean head)
            throws IOException {
        send(
                ex,
                status,
                "text/plain; charset=utf-8",
                (message + "\n").getBytes(StandardCharsets.UTF_8),
                head);
    }

    private static void send(
            HttpExchange ex, int status, String contentType, byte[] body, boolean head)
            throws IOException {
        ex.getResponseHeaders().set("Content-Type", contentType);
        if (head || body.length == 0) {
            ex.sendResponseHeaders(status, -1);
            return;
        }
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = WallboardServer.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCES + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "wallboard-http-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
