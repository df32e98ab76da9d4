package fr.joignable.wallboard.command;

import fr.joignable.domain.io.InputException;
import fr.joignable.domain.io.UsageException;
import fr.joignable.domain.options.KafkaClientOptions;
import fr.joignable.domain.options.LiveTopicOption;
import fr.joignable.domain.targets.Targets;
import fr.joignable.wallboard.AccessToken;
import fr.joignable.wallboard.KafkaLiveFeed;
import fr.joignable.wallboard.WallboardServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code joignable wallboard}: the supervisors' live page, fed by the live-view topic. */
@Command(
        name = "wallboard",
        mixinStandardHelpOptions = true,
        description = {
            "Serves the supervisors' live page (wallboard) fed by the KPI job's live-view topic:"
                    + " waiting contacts, longest wait, service level, abandon rate, agents and"
                    + " occupancy against their targets, pushed at least once a second; plus"
                    + " /api/live, /metrics (Prometheus) and /healthz.",
            "Listens on 127.0.0.1 unless --bind says otherwise; another address needs an access"
                    + " token (--token-file or the environment variable "
                    + WallboardCommand.TOKEN_ENV
                    + "). Runs until interrupted."
        })
public final class WallboardCommand implements Callable<Integer> {

    public static final String TOKEN_ENV = "JOIGNABLE_WALLBOARD_TOKEN";

    @Spec CommandSpec spec;

    @picocli.CommandLine.Mixin KafkaClientOptions kafka;

    @picocli.CommandLine.Mixin ConfigFileOptions configFile;

    @picocli.CommandLine.Mixin LiveTopicOption live;

    /** The option's older name, kept for scripts written before {@code --live-topic}. */
    @Option(names = "--topic", hidden = true, paramLabel = "TOPIC")
    String topicAlias;

    @Option(
            names = "--port",
            defaultValue = "8080",
            paramLabel = "PORT",
            description = "Port to listen on, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(
            names = "--bind",
            defaultValue = "127.0.0.1",
            paramLabel = "ADDRESS",
            description =
                    "Address to listen on (default: ${DEFAULT-VALUE}); a non-loopback one needs"
                            + " an access token.")
    String bind;

    @Option(
            names = "--token-file",
            paramLabel = "FILE",
            description =
                    "File holding the access token (at least "
                            + AccessToken.MIN_LENGTH
                            + " characters); else the environment variable "
                            + TOKEN_ENV
                            + ".")
    Path tokenFile;

    @Option(
            names = "--lang",
            defaultValue = "fr",
            paramLabel = "fr|en",
            description = "Language of the page (default: ${DEFAULT-VALUE}).")
    WallboardServer.Language language;

    /** The environment the token is read from (replaced in tests). */
    public Map<String, String> environment = System.getenv();

    /** Counted down to stop the server (tests); otherwise it runs until the JVM exits. */
    public final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new UsageException("--port must be between 0 and 65535, not " + port);
        }
        String bootstrapServers = kafka.bootstrapServers();
        String topic = topicAlias != null ? topicAlias : live.liveTopic();
        if (topic.isBlank()) {
            throw new UsageException("--live-topic must not be empty");
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(bind);
        } catch (UnknownHostException e) {
            throw new UsageException("--bind: unknown address " + bind);
        }
        Map<String, String> kafkaProperties = kafka.properties();
        Optional<AccessToken> token = token();
        if (token.isEmpty() && !address.isLoopbackAddress()) {
            throw new UsageException(
                    "--bind "
                            + bind
                            + " is not a loopback address: an access token is required"
                            + " (--token-file or "
                            + TOKEN_ENV
                            + ")");
        }
        WallboardServer.Config config =
                new WallboardServer.Config(
                        new InetSocketAddress(address, port),
                        token,
                        language,
                        Targets.from(configFile.load()),
                        Clock.systemUTC());
        PrintWriter out = spec.commandLine().getOut();
        CountDownLatch closed = new CountDownLatch(1);
        // on Ctrl-C / SIGTERM: stop, and give the server and the consumer a moment to close
        Thread hook =
                new Thread(
                        () -> {
                            stop.countDown();
                            try {
                                closed.await(5, TimeUnit.SECONDS);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                        },
                        "wallboard-stop");
        try (KafkaLiveFeed feed = KafkaLiveFeed.start(bootstrapServers, topic, kafkaProperties);
                WallboardServer server = startServer(feed, config)) {
            out.println(
                    "Wallboard on "
                            + server.uri()
                            + " (topic "
                            + topic
                            + (token.isPresent() ? ", access token required" : "")
                            + "); Ctrl-C to stop.");
            out.flush();
            Runtime.getRuntime().addShutdownHook(hook);
            stop.await();
        } finally {
            closed.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the JVM is exiting: the hook is running
            }
        }
        return CommandLines.EXIT_OK;
    }

    private static WallboardServer startServer(KafkaLiveFeed feed, WallboardServer.Config config) {
        try {
            return WallboardServer.start(feed, config);
        } catch (IOException e) {
            throw new InputException(
                    "cannot listen on "
                            + config.address().getAddress().getHostAddress()
                            + ":"
                            + config.address().getPort()
                            + ": "
                            + e.getMessage());
        }
    }

    private void warnIfOthersCanRead(Path file) {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (permissions.contains(PosixFilePermission.OTHERS_READ)
                    || permissions.contains(PosixFilePermission.GROUP_READ)) {
                PrintWriter err = spec.commandLine().getErr();
                err.println(
                        "joignable: warning: "
                                + file
                                + " can be read by other users; restrict it (chmod 600)");
                err.flush();
            }
        } catch (IOException | UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
    }

    private Optional<AccessToken> token() {
        String text;
        String origin;
        if (tokenFile != null) {
            try {
                text = Files.readString(tokenFile, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new InputException("--token-file " + tokenFile + ": cannot read it");
            }
            origin = "--token-file " + tokenFile;
            warnIfOthersCanRead(tokenFile);
        } else {
            text = environment.get(TOKEN_ENV);
            origin = TOKEN_ENV;
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(AccessToken.of(text));
        } catch (IllegalArgumentException e) {
            throw new UsageException(origin + ": " + e.getMessage());
        }
    }
}
