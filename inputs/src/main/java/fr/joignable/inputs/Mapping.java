package fr.joignable.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mapping file ({@code --mapping}, YAML): what an export cannot say by itself. Without one the
 * documented defaults apply: channel {@code PHONE}, intent {@code OTHER}, team = queue name,
 * priority 2, local times in UTC, the caller id not used as a tenant key.
 *
 * <pre>
 * time_zone: Europe/Paris          # zone of times written without an offset
 * default: {channel: PHONE, intent: OTHER, priority: 2}   # for queues not listed
 * queues:
 *   q_loyers: {name: LOYERS, intent: RENT_PAYMENT, channel: PHONE, team: LOYERS}
 * agents: {"Agent/1001": LOYERS}     # agent → team (else the team of its first queue)
 * caller_id_as_tenant: false         # queue_log: ENTERQUEUE's caller id as the tenant key
 * calls: {...}                       # calls-csv only: see CallsLayout
 * </pre>
 */
public final class Mapping {

    public static final String DEFAULT_INTENT = "OTHER";
    public static final Channel DEFAULT_CHANNEL = Channel.PHONE;
    public static final String DEFAULT_AGENT_TEAM = "DEFAULT";

    private static final Set<String> TOP_KEYS =
            Set.of("time_zone", "default", "queues", "agents", "caller_id_as_tenant", "calls");
    private static final Set<String> QUEUE_KEYS =
            Set.of("name", "intent", "channel", "team", "priority");

    private final ZoneId zone;
    private final String defaultIntent;
    private final Channel defaultChannel;
    private final int defaultPriority;
    private final Map<String, QueueSpec> queues;
    private final Map<String, String> agentTeams;
    private final boolean callerIdAsTenant;
    private final CallsLayout calls;
    private final Map<String, QueueSpec> cache = new HashMap<>();

    private Mapping(
            ZoneId zone,
            String defaultIntent,
            Channel defaultChannel,
            int defaultPriority,
            Map<String, QueueSpec> queues,
            Map<String, String> agentTeams,
            boolean callerIdAsTenant,
            CallsLayout calls) {
        this.zone = zone;
        this.defaultIntent = defaultIntent;
        this.defaultChannel = defaultChannel;
        this.defaultPriority = defaultPriority;
        this.queues = Map.copyOf(queues);
        this.agentTeams = Map.copyOf(agentTeams);
        this.callerIdAsTenant = callerIdAsTenant;
        this.calls = calls;
    }

    /** The documented defaults. */
    public static Mapping defaults() {
        return new Mapping(
                ZoneOffset.UTC,
                DEFAULT_INTENT,
                DEFAULT_CHANNEL,
                ContactOffered.DEFAULT_PRIORITY,
                Map.of(),
                Map.of(),
                false,
                null);
    }

    public static Mapping load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(Files.newInputStream(file));
        } catch (IOException e) {
            throw new InputException(
                    "cannot read the mapping file " + file + ": " + firstLine(e.getMessage()));
        }
        return parse(root, file.toString());
    }

    /** Parses a mapping tree; {@code name} names the file in error messages. */
    public static Mapping parse(JsonNode root, String name) {
        if (root == null || root.isMissingNode() || root.isNull()) {
            return defaults();
        }
        Yaml y = new Yaml(name);
        y.object(root, "", TOP_KEYS);
        ZoneId zone = y.zone(root.get("time_zone"), "time_zone", ZoneOffset.UTC);
        JsonNode def = root.get("default");
        String intent = DEFAULT_INTENT;
        Channel channel = DEFAULT_CHANNEL;
        int priority = ContactOffered.DEFAULT_PRIORITY;
        if (def != null) {
            y.object(def, "default", Set.of("intent", "channel", "priority"));
            intent = y.intent(def.get("intent"), "default.intent", intent);
            channel = y.channel(def.get("channel"), "default.channel", channel);
            priority = y.priority(def.get("priority"), "default.priority", priority);
        }
        Map<String, QueueSpec> queues = new HashMap<>();
        JsonNode qs = root.get("queues");
        if (qs != null) {
            y.object(qs, "queues", null);
            for (Iterator<Map.Entry<String, JsonNode>> it = qs.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String where = "queues." + e.getKey();
                JsonNode q = e.getValue();
                y.object(q, where, QUEUE_KEYS);
                String qName = y.text(q.get("name"), where + ".name", e.getKey());
                queues.put(
                        e.getKey(),
                        new QueueSpec(
                                qName,
                                y.intent(q.get("intent"), where + ".intent", intent),
                                y.channel(q.get("channel"), where + ".channel", channel),
                                y.text(q.get("team"), where + ".team", qName),
                                y.priority(q.get("priority"), where + ".priority", priority)));
            }
        }
        Map<String, String> agents = new HashMap<>();
        JsonNode as = root.get("agents");
        if (as != null) {
            y.object(as, "agents", null);
            as.fields()
                    .forEachRemaining(
                            e ->
                                    agents.put(
                                            e.getKey(),
                                            y.text(e.getValue(), "agents." + e.getKey(), null)));
        }
        boolean callerId = y.bool(root.get("caller_id_as_tenant"), "caller_id_as_tenant", false);
        CallsLayout calls =
                root.has("calls") ? CallsLayout.parse(root.get("calls"), y, zone) : null;
        return new Mapping(zone, intent, channel, priority, queues, agents, callerId, calls);
    }

    /** The zone of local times. */
    public ZoneId zone() {
        return zone;
    }

    /** What to use for a source queue; unknown queues get the defaults, team = queue name. */
    public QueueSpec queue(String sourceQueue) {
        QueueSpec s = cache.get(sourceQueue);
        if (s == null) {
            s = queues.get(sourceQueue);
            if (s == null) {
                s =
                        new QueueSpec(
                                sourceQueue,
                                defaultIntent,
                                defaultChannel,
                                sourceQueue,
                                defaultPriority);
            }
            cache.put(sourceQueue, s);
        }
        return s;
    }

    /** The team the mapping gives an agent, or {@code null}. */
    public String agentTeam(String agent) {
        return agentTeams.get(agent);
    }

    public boolean callerIdAsTenant() {
        return callerIdAsTenant;
    }

    /** The calls-csv column layout, or {@code null} when the mapping has no {@code calls}. */
    public CallsLayout calls() {
        return calls;
    }

    static String firstLine(String s) {
        if (s == null) {
            return "unreadable";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Reads values of a mapping tree with one-line errors naming the file and the key. */
    static final class Yaml {
        private final String file;

        Yaml(String file) {
            this.file = file;
        }

        InputException error(String key, String what) {
            return new InputException(file + ": " + key + ": " + what);
        }

        void object(JsonNode n, String key, Set<String> allowed) {
            if (!n.isObject()) {
                throw error(key.isEmpty() ? "(top level)" : key, "expected a mapping of keys");
            }
            if (allowed != null) {
                n.fieldNames()
                        .forEachRemaining(
                                f -> {
                                    if (!allowed.contains(f)) {
                                        throw error(
                                                key.isEmpty() ? f : key + "." + f,
                                                "unknown key (expected one of "
                                                        + String.join(", ", sorted(allowed))
                                                        + ")");
                                    }
                                });
            }
        }

        String text(JsonNode n, String key, String fallback) {
            if (n == null || n.isNull()) {
                if (fallback == null) {
                    throw error(key, "a value is required");
                }
                return fallback;
            }
            if (!n.isValueNode() || n.asText().isBlank()) {
                throw error(key, "expected a non-empty text value");
            }
            return n.asText().strip();
        }

        String intent(JsonNode n, String key, String fallback) {
            String v = text(n, key, fallback);
            if (!v.matches("[A-Z][A-Z0-9_]*")) {
                throw error(key, "an intent is an upper-case code, was '" + v + "'");
            }
            return v;
        }

        Channel channel(JsonNode n, String key, Channel fallback) {
            if (n == null || n.isNull()) {
                return fallback;
            }
            return channelValue(n.asText(), key);
        }

        Channel channelValue(String v, String key) {
            try {
                return Channel.valueOf(v.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(
                        key, "unknown channel '" + v + "' (PHONE, EMAIL, LETTER, CHAT, PORTAL)");
            }
        }

        int priority(JsonNode n, String key, int fallback) {
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.canConvertToInt() || n.asInt() < 1 || n.asInt() > 3) {
                throw error(key, "a priority is 1, 2 or 3, was '" + n.asText() + "'");
            }
            return n.asInt();
        }

        boolean bool(JsonNode n, String key, boolean fallback) {
            if (n == null || n.isNull()) {
                return fallback;
            }
            if (!n.isBoolean()) {
                throw error(key, "expected true or false, was '" + n.asText() + "'");
            }
            return n.asBoolean();
        }

        ZoneId zone(JsonNode n, String key, ZoneId fallback) {
            if (n == null || n.isNull()) {
                return fallback;
            }
            try {
                return ZoneId.of(n.asText().strip());
            } catch (DateTimeException e) {
                throw error(key, "unknown time zone '" + n.asText() + "' (e.g. Europe/Paris)");
            }
        }

        private static String[] sorted(Set<String> s) {
            return s.stream().sorted().toArray(String[]::new);
        }
    }
}
