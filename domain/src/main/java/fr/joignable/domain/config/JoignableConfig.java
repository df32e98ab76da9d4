package fr.joignable.domain.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.time.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The one configuration file of a centre, {@code joignable.yaml} ({@code docs/configuration.md}):
 * every command reads the same file, so a threshold changed once changes what the KPI job measures,
 * what the wallboard colours and what the staffing plan aims at.
 *
 * <pre>
 * channels:                       # per channel; every key optional
 *   PHONE: {service_level: 80/20, short_abandon: 5s, max_occupancy: 0.85, patience: 180s}
 *   EMAIL: {response_target: 48h}
 * queues:                         # per queue and channel, overriding the channel key by key
 *   TECHNIQUE: {PHONE: {service_level: 90/20}}
 * duplicate_window: 7d
 * opening_hours: {days: [MON, TUE, WED, THU, FRI], open: "08:30", close: "17:30"}
 * </pre>
 *
 * <p>This class reads what the KPI job and the wallboard need (thresholds, service-level targets,
 * duplicate window) and keeps the whole tree for the planners' sections ({@link #tree()}). The
 * service-level threshold of a live channel is the T of its {@code service_level: P/T}; that of a
 * deferred channel (email, letter, portal) its {@code response_target}. Keys it does not know are
 * left to the modules that read them.
 *
 * <p>Search order ({@link #locate}): {@code --config FILE}, then {@code $JOIGNABLE_CONFIG}, then
 * {@code ./joignable.yaml}, then {@code ~/.config/joignable/joignable.yaml}; none found means the
 * built-in defaults of {@code docs/kpis.md}.
 */
public final class JoignableConfig {

    /** The file name looked for in the working directory and the user's configuration folder. */
    public static final String FILE_NAME = "joignable.yaml";

    /** The environment variable naming a configuration file. */
    public static final String ENV = "JOIGNABLE_CONFIG";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path source;
    private final JsonNode tree;
    private final ChannelThresholds thresholds;
    private final Map<Channel, ServiceLevelTarget> channelTargets;

    private JoignableConfig(Path source, JsonNode tree) {
        this.source = source;
        this.tree = tree;
        String where = source == null ? "configuration" : source.toString();
        this.channelTargets = new EnumMap<>(Channel.class);
        this.thresholds = readThresholds(where, tree, channelTargets);
    }

    /** The built-in defaults, as if no file were found. */
    public static JoignableConfig defaults() {
        return new JoignableConfig(null, MissingNode.getInstance());
    }

    /**
     * The configuration file to use: {@code explicit} when given (it must exist), else the first of
     * the search path that exists.
     */
    public static Optional<Path> locate(Path explicit) {
        return locate(explicit, System.getenv(ENV), Path.of(""), userConfigDir());
    }

    static Optional<Path> locate(Path explicit, String env, Path workingDir, Path userDir) {
        if (explicit != null) {
            return Optional.of(explicit);
        }
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        Path local = workingDir.resolve(FILE_NAME);
        if (Files.isRegularFile(local)) {
            return Optional.of(local);
        }
        if (userDir != null) {
            Path user = userDir.resolve(FILE_NAME);
            if (Files.isRegularFile(user)) {
                return Optional.of(user);
            }
        }
        return Optional.empty();
    }

    /** Loads the file {@link #locate} finds, or the defaults when there is none. */
    public static JoignableConfig load(Path explicit) {
        Optional<Path> path = locate(explicit);
        return path.isPresent() ? read(path.get()) : defaults();
    }

    /** Reads one file. */
    public static JoignableConfig read(Path path) {
        JsonNode tree;
        try {
            tree = YAML.readTree(Files.readAllBytes(path));
        } catch (NoSuchFileException e) {
            throw new InputException("configuration file " + path + " does not exist");
        } catch (IOException e) {
            throw new InputException(
                    "configuration file " + path + " is not valid YAML: " + firstLine(e));
        }
        if (tree == null || tree.isMissingNode() || tree.isNull()) {
            tree = MissingNode.getInstance();
        } else if (!tree.isObject()) {
            throw new InputException("configuration file " + path + " must be a YAML mapping");
        }
        return new JoignableConfig(path, tree);
    }

    /** The file read, or empty for the built-in defaults. */
    public Optional<Path> source() {
        return Optional.ofNullable(source);
    }

    /** The whole parsed tree, for the sections other modules read (targets, opening hours). */
    public JsonNode tree() {
        return tree;
    }

    /** The KPI thresholds: per channel, per queue and channel, and the duplicate window. */
    public ChannelThresholds thresholds() {
        return thresholds;
    }

    /**
     * The service-level target of a live channel: the file's {@code channels.X.service_level}, else
     * the built-in PHONE 80/20 and CHAT 80/60. Empty for deferred channels.
     */
    public Optional<ServiceLevelTarget> serviceLevelTarget(Channel channel) {
        ServiceLevelTarget own = channelTargets.get(channel);
        if (own != null) {
            return Optional.of(own);
        }
        return switch (channel) {
            case PHONE -> Optional.of(ServiceLevelTarget.parse("80/20"));
            case CHAT -> Optional.of(ServiceLevelTarget.parse("80/60"));
            default -> Optional.empty();
        };
    }

    private static ChannelThresholds readThresholds(
            String where, JsonNode tree, Map<Channel, ServiceLevelTarget> channelTargets) {
        ChannelThresholds result = ChannelThresholds.defaults();
        JsonNode channels = tree.path("channels");
        for (Iterator<Map.Entry<String, JsonNode>> it = channels.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            Channel channel = channel(where, "channels." + entry.getKey(), entry.getKey());
            String key = "channels." + entry.getKey();
            ChannelThresholds.Threshold base = result.of("", channel);
            ServiceLevelTarget target = target(where, key, entry.getValue());
            if (target != null) {
                channelTargets.put(channel, target);
            }
            result =
                    result.withChannel(
                            channel,
                            thresholdOf(where, key, entry.getValue(), channel, base, target),
                            shortAbandonOf(where, key, entry.getValue(), base));
        }
        JsonNode queues = tree.path("queues");
        for (Iterator<Map.Entry<String, JsonNode>> it = queues.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> queue = it.next();
            for (Iterator<Map.Entry<String, JsonNode>> cs = queue.getValue().fields();
                    cs.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = cs.next();
                String key = "queues." + queue.getKey() + "." + entry.getKey();
                Channel channel = channel(where, key, entry.getKey());
                ChannelThresholds.Threshold base = result.of(queue.getKey(), channel);
                ServiceLevelTarget target = target(where, key, entry.getValue());
                result =
                        result.withQueue(
                                queue.getKey(),
                                channel,
                                thresholdOf(where, key, entry.getValue(), channel, base, target),
                                shortAbandonOf(where, key, entry.getValue(), base));
            }
        }
        JsonNode window = tree.path("duplicate_window");
        if (!window.isMissingNode() && !window.isNull()) {
            Duration d = duration(where, "duplicate_window", window);
            if (d.isZero()) {
                throw new InputException(where + ": duplicate_window must be positive");
            }
            result = result.withDuplicateWindow(d);
        }
        return result;
    }

    private static Duration thresholdOf(
            String where,
            String key,
            JsonNode node,
            Channel channel,
            ChannelThresholds.Threshold base,
            ServiceLevelTarget target) {
        if (channel.isDeferred()) {
            JsonNode response = node.path("response_target");
            if (!response.isMissingNode() && !response.isNull()) {
                return duration(where, key + ".response_target", response);
            }
        }
        if (target != null) {
            return target.threshold();
        }
        return Duration.ofMillis(base.serviceLevelMillis());
    }

    private static Duration shortAbandonOf(
            String where, String key, JsonNode node, ChannelThresholds.Threshold base) {
        JsonNode value = node.path("short_abandon");
        if (value.isMissingNode() || value.isNull()) {
            return Duration.ofMillis(base.shortAbandonMillis());
        }
        return duration(where, key + ".short_abandon", value);
    }

    private static ServiceLevelTarget target(String where, String key, JsonNode node) {
        if (!node.isObject()) {
            throw new InputException(where + ": " + key + " must be a mapping");
        }
        JsonNode value = node.path("service_level");
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        try {
            return ServiceLevelTarget.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + key + ".service_level: " + e.getMessage());
        }
    }

    private static Duration duration(String where, String key, JsonNode value) {
        try {
            return Durations.parse(value.asText());
        } catch (IllegalArgumentException e) {
            throw new InputException(where + ": " + key + ": " + e.getMessage());
        }
    }

    private static Channel channel(String where, String key, String name) {
        try {
            return Channel.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InputException(
                    where
                            + ": "
                            + key
                            + ": unknown channel '"
                            + name
                            + "' (PHONE, EMAIL, LETTER, CHAT, PORTAL)");
        }
    }

    private static Path userConfigDir() {
        String xdg = System.getenv("XDG_CONFIG_HOME");
        if (xdg != null && !xdg.isBlank()) {
            return Path.of(xdg, "joignable");
        }
        String home = System.getProperty("user.home");
        return home == null ? null : Path.of(home, ".config", "joignable");
    }

    private static String firstLine(IOException e) {
        String message = String.valueOf(e.getMessage());
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
