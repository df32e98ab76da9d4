package fr.joignable.forecasting.staffing;

import com.fasterxml.jackson.databind.JsonNode;
import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.config.ServiceLevelTarget;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.io.InputException;
import fr.joignable.domain.time.Durations;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Staffing targets per channel and per queue, and the opening hours of deferred work, as read from
 * the centre's {@code joignable.yaml} ({@link JoignableConfig}: parsed once, its tree read here;
 * {@code docs/staffing.md}, {@code docs/targets-example.yaml}):
 *
 * <pre>
 * channels:                 # channel defaults (override the built-in ones key by key)
 *   PHONE: {service_level: 80/20, max_occupancy: 0.85, absence: 0.05, asa: 30s, patience: 180s}
 *   CHAT:  {service_level: 80/60, patience: 360s, chat_concurrency: 2, concurrency_growth: 0.25}
 *   EMAIL: {response_target: 48h, response_percent: 90, max_occupancy: 0.85}
 * queues:                   # queue-specific entries override the channel's, key by key
 *   urgences:
 *     PHONE: {service_level: 90/20}
 * opening_hours: {days: [MON, TUE, WED, THU, FRI], open: "08:30", close: "17:30",
 *                 zone: Europe/Paris, closed_on_public_holidays: true}
 * </pre>
 *
 * Built-in defaults: PHONE 80/20 with patience 180 s (Erlang A), CHAT 80/60 with patience 360 s and
 * 2 chats at once (each 25 % longer per extra chat), every channel max occupancy 0.85, absence 0.05
 * (the factor {@code staff} applies; {@code shrinkage} is its older name) and activities 0.08
 * (breaks, training: placed by a schedule, not applied), no ASA target, deferred work 90 % within
 * 48 h, opening hours Monday–Friday 08:30–17:30 Europe/Paris closed on public holidays. {@code
 * patience: none} gives Erlang C. The defaults are the simulator's own centre ({@code
 * docs/staffing.md}).
 */
public final class TargetsConfig {

    /** Mean patience of a caller, the simulator's own (exponential, 180 s). */
    public static final double DEFAULT_PHONE_PATIENCE_S = 180;

    /** Mean patience of a chat user: twice a caller's, as in the simulator. */
    public static final double DEFAULT_CHAT_PATIENCE_S = 360;

    /** Chats an agent handles at once. */
    public static final int DEFAULT_CHAT_CONCURRENCY = 2;

    /** Growth of one chat's handle time per extra concurrent chat (25 %: 2 chats take 1.25×). */
    public static final double DEFAULT_CONCURRENCY_GROWTH = 0.25;

    /**
     * Absence (sickness, leave), the factor {@code staff} applies: the simulator's centre has 5 %
     * of agents absent on a working day.
     */
    public static final double DEFAULT_ABSENCE = 0.05;

    /**
     * Activities a schedule places (breaks, training; lunch is unpaid), not applied by {@code
     * staff}: two 15-min breaks in a 7-h working day (7.1 %) plus training 4 % of days × 1.5 h (0.9
     * %) in the simulator's centre.
     */
    public static final double DEFAULT_ACTIVITIES = 0.08;

    /** Share of deferred work to answer within the response target. */
    public static final double DEFAULT_RESPONSE_PERCENT = 90;

    /** One level of settings; null fields inherit. */
    private record Settings(
            Double percent,
            Double threshold,
            Double asa,
            Double maxOccupancy,
            Double shrinkage,
            Double patience,
            Double responseTarget,
            Double responsePercent,
            Double activities,
            Integer concurrency,
            Double concurrencyGrowth) {

        Settings over(Settings base) {
            return new Settings(
                    percent != null ? percent : base.percent,
                    threshold != null ? threshold : base.threshold,
                    asa != null ? asa : base.asa,
                    maxOccupancy != null ? maxOccupancy : base.maxOccupancy,
                    shrinkage != null ? shrinkage : base.shrinkage,
                    patience != null ? patience : base.patience,
                    responseTarget != null ? responseTarget : base.responseTarget,
                    responsePercent != null ? responsePercent : base.responsePercent,
                    activities != null ? activities : base.activities,
                    concurrency != null ? concurrency : base.concurrency,
                    concurrencyGrowth != null ? concurrencyGrowth : base.concurrencyGrowth);
        }

        ChannelTargets resolve() {
            return new ChannelTargets(
                    percent,
                    threshold,
                    asa == null ? Double.NaN : asa,
                    maxOccupancy,
                    shrinkage,
                    patience == null ? Double.NaN : patience,
                    responseTarget,
                    responsePercent,
                    activities,
                    concurrency,
                    concurrencyGrowth);
        }
    }

    private static final Set<String> SETTING_KEYS =
            Set.of(
                    "service_level",
                    "asa",
                    "max_occupancy",
                    "shrinkage",
                    "patience",
                    "response_target",
                    "response_percent",
                    "absence",
                    "activities",
                    "chat_concurrency",
                    "concurrency_growth",
                    // joignable.yaml keys that the KPI job reads (docs/configuration.md)
                    "short_abandon");

    private final EnumMap<Channel, Settings> channels;
    private final Map<String, EnumMap<Channel, Settings>> queues;
    private final OpeningHours openingHours;
    private final boolean openingHoursGiven;

    private TargetsConfig(
            EnumMap<Channel, Settings> channels,
            Map<String, EnumMap<Channel, Settings>> queues,
            OpeningHours openingHours) {
        this(channels, queues, openingHours, false);
    }

    private TargetsConfig(
            EnumMap<Channel, Settings> channels,
            Map<String, EnumMap<Channel, Settings>> queues,
            OpeningHours openingHours,
            boolean openingHoursGiven) {
        this.channels = channels;
        this.queues = queues;
        this.openingHours = openingHours;
        this.openingHoursGiven = openingHoursGiven;
    }

    /**
     * Whether live contacts forecast outside the opening hours are turned away (no agents, not
     * replayed): only when the file gives {@code opening_hours} — with the built-in default hours a
     * forecast's live rows are all staffed, so that a single queue keeps Erlang's answer at any
     * hour.
     */
    public boolean closesLiveContacts() {
        return openingHoursGiven;
    }

    private static final JoignableConfig BUILT_IN = JoignableConfig.defaults();

    /** The built-in defaults. */
    public static TargetsConfig defaults() {
        EnumMap<Channel, Settings> map = new EnumMap<>(Channel.class);
        for (Channel c : Channel.values()) {
            // live channels: the built-in P/T of the one configuration (PHONE 80/20, CHAT 80/60)
            java.util.Optional<ServiceLevelTarget> live = BUILT_IN.serviceLevelTarget(c);
            double threshold = live.map(ServiceLevelTarget::thresholdSeconds).orElse(172_800.0);
            Double patience = null;
            if (c == Channel.PHONE) {
                patience = DEFAULT_PHONE_PATIENCE_S;
            } else if (c == Channel.CHAT) {
                patience = DEFAULT_CHAT_PATIENCE_S;
            }
            int concurrency = c == Channel.CHAT ? DEFAULT_CHAT_CONCURRENCY : 1;
            double percent = live.map(ServiceLevelTarget::percent).orElse(80.0);
            map.put(
                    c,
                    new Settings(
                            percent,
                            threshold,
                            null,
                            0.85,
                            DEFAULT_ABSENCE,
                            patience,
                            172_800.0,
                            DEFAULT_RESPONSE_PERCENT,
                            DEFAULT_ACTIVITIES,
                            concurrency,
                            DEFAULT_CONCURRENCY_GROWTH));
        }
        return new TargetsConfig(map, Map.of(), OpeningHours.defaults());
    }

    /** The resolved targets of {@code queue} on {@code channel}. */
    public ChannelTargets of(String queue, Channel channel) {
        Settings base = channels.get(channel);
        EnumMap<Channel, Settings> q = queues.get(queue);
        if (q != null && q.containsKey(channel)) {
            base = q.get(channel).over(base);
        }
        return base.resolve();
    }

    public OpeningHours openingHours() {
        return openingHours;
    }

    /**
     * Reads a targets file (a {@code joignable.yaml} or a targets-only file of the same keys): one
     * parse, {@link JoignableConfig#read}; any problem is an {@link InputException} naming the file
     * and key.
     */
    public static TargetsConfig read(Path file) {
        return from(JoignableConfig.read(file));
    }

    /**
     * The staffing targets of a centre's configuration: its {@code channels}, {@code queues} and
     * {@code opening_hours} sections over the built-in defaults (the tree {@link JoignableConfig}
     * parsed; the KPI-only keys are accepted and ignored here). A wrong value is an {@link
     * InputException} naming the file and key.
     */
    public static TargetsConfig from(JoignableConfig source) {
        JsonNode root = source.tree();
        Path file = source.source().orElse(Path.of(JoignableConfig.FILE_NAME));
        TargetsConfig d = defaults();
        if (root == null || root.isMissingNode() || root.isNull()) {
            return d;
        }
        Reader r = new Reader(file);
        r.requireObject(root, "the document");
        EnumMap<Channel, Settings> channels = new EnumMap<>(d.channels);
        Map<String, EnumMap<Channel, Settings>> queues = new HashMap<>();
        OpeningHours hours = d.openingHours;
        boolean hoursGiven = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            switch (e.getKey()) {
                case "channels" -> {
                    r.requireObject(e.getValue(), "channels");
                    for (Iterator<Map.Entry<String, JsonNode>> c = e.getValue().fields();
                            c.hasNext(); ) {
                        Map.Entry<String, JsonNode> ce = c.next();
                        Channel channel = r.channel(ce.getKey(), "channels." + ce.getKey());
                        String where = "channels." + ce.getKey();
                        channels.put(
                                channel,
                                r.settings(ce.getValue(), where).over(channels.get(channel)));
                    }
                }
                case "queues" -> {
                    r.requireObject(e.getValue(), "queues");
                    for (Iterator<Map.Entry<String, JsonNode>> q = e.getValue().fields();
                            q.hasNext(); ) {
                        Map.Entry<String, JsonNode> qe = q.next();
                        String where = "queues." + qe.getKey();
                        r.requireObject(qe.getValue(), where);
                        EnumMap<Channel, Settings> perChannel = new EnumMap<>(Channel.class);
                        for (Iterator<Map.Entry<String, JsonNode>> c = qe.getValue().fields();
                                c.hasNext(); ) {
                            Map.Entry<String, JsonNode> ce = c.next();
                            String w = where + "." + ce.getKey();
                            perChannel.put(r.channel(ce.getKey(), w), r.settings(ce.getValue(), w));
                        }
                        queues.put(qe.getKey(), perChannel);
                    }
                }
                case "opening_hours" -> {
                    hours = r.openingHours(e.getValue());
                    hoursGiven = true;
                }
                // joignable.yaml sections read by other modules (docs/configuration.md)
                case "duplicate_window", "mapping", "wallboard", "report" -> {}
                default -> throw r.error(e.getKey(), "unknown key");
            }
        }
        TargetsConfig config = new TargetsConfig(channels, Map.copyOf(queues), hours, hoursGiven);
        // validate every resolved combination now, so a bad value is reported up front
        for (Channel c : Channel.values()) {
            r.check(() -> config.of("", c), "channels." + c);
        }
        for (Map.Entry<String, EnumMap<Channel, Settings>> q : queues.entrySet()) {
            for (Channel c : q.getValue().keySet()) {
                r.check(() -> config.of(q.getKey(), c), "queues." + q.getKey() + "." + c);
            }
        }
        return config;
    }

    /** Reading helpers that name the file and key in every error. */
    private static final class Reader {
        private final Path file;

        Reader(Path file) {
            this.file = file;
        }

        InputException error(String where, String what) {
            return new InputException(file + ": " + where + ": " + what);
        }

        void requireObject(JsonNode node, String where) {
            if (node == null || !node.isObject()) {
                throw error(where, "expected a mapping of keys to values");
            }
        }

        void check(Runnable r, String where) {
            try {
                r.run();
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }

        Channel channel(String name, String where) {
            try {
                return Channel.valueOf(name.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw error(
                        where,
                        "unknown channel '" + name + "' (PHONE, CHAT, EMAIL, LETTER, PORTAL)");
            }
        }

        Settings settings(JsonNode node, String where) {
            requireObject(node, where);
            Double percent = null;
            Double threshold = null;
            Double asa = null;
            Double occ = null;
            Double shrink = null;
            Double patience = null;
            Double response = null;
            Double responsePercent = null;
            Double activities = null;
            Integer concurrency = null;
            Double growth = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = e.getKey();
                String w = where + "." + key;
                if (!SETTING_KEYS.contains(key)) {
                    throw error(
                            w,
                            "unknown key (expected one of "
                                    + String.join(", ", SETTING_KEYS.stream().sorted().toList())
                                    + ")");
                }
                JsonNode v = e.getValue();
                switch (key) {
                    case "service_level" -> {
                        // the one P/T notation of joignable.yaml, parsed where the KPI job's is
                        if (!v.isValueNode()) {
                            throw error(w, "expected P/T (e.g. 80/20), got '" + v + "'");
                        }
                        ServiceLevelTarget target;
                        try {
                            target = ServiceLevelTarget.parse(v.asText());
                        } catch (IllegalArgumentException ex) {
                            throw error(w, ex.getMessage());
                        }
                        percent = target.percent();
                        threshold = target.thresholdSeconds();
                    }
                    case "asa" -> {
                        asa = duration(v.asText(), w);
                        if (!(asa > 0)) {
                            throw error(w, "must be > 0");
                        }
                    }
                    case "max_occupancy" -> {
                        occ = number(v.asText(), w);
                        if (!(occ > 0 && occ <= 1)) {
                            throw error(w, "must be in (0, 1], got " + v.asText());
                        }
                    }
                    case "shrinkage", "absence" -> {
                        shrink = number(v.asText(), w);
                        if (!(shrink >= 0 && shrink < 1)) {
                            throw error(w, "must be in [0, 1), got " + v.asText());
                        }
                    }
                    case "activities" -> {
                        activities = number(v.asText(), w);
                        if (!(activities >= 0 && activities < 1)) {
                            throw error(w, "must be in [0, 1), got " + v.asText());
                        }
                    }
                    case "response_percent" -> {
                        responsePercent = number(v.asText(), w);
                        if (!(responsePercent > 0 && responsePercent <= 100)) {
                            throw error(w, "must be in (0, 100], got " + v.asText());
                        }
                    }
                    case "chat_concurrency" -> {
                        double k = number(v.asText(), w);
                        if (!(k >= 1 && k <= 10 && k == Math.rint(k))) {
                            throw error(w, "must be a whole number in [1, 10], got " + v.asText());
                        }
                        concurrency = (int) k;
                    }
                    case "concurrency_growth" -> {
                        growth = number(v.asText(), w);
                        if (!(growth >= 0 && growth <= 1)) {
                            throw error(w, "must be in [0, 1], got " + v.asText());
                        }
                    }
                    case "patience" -> {
                        if ("none".equalsIgnoreCase(v.asText().strip())) {
                            patience = Double.NaN;
                        } else {
                            patience = duration(v.asText(), w);
                            if (!(patience > 0)) {
                                throw error(w, "must be > 0 (or none: Erlang C)");
                            }
                        }
                    }
                    case "short_abandon" -> {
                        // the KPI job's short-abandon threshold: no staffing meaning
                    }
                    case "response_target" -> {
                        response = duration(v.asText(), w);
                        if (!(response > 0)) {
                            throw error(w, "must be > 0");
                        }
                    }
                    default -> throw new IllegalStateException(key);
                }
            }
            return new Settings(
                    percent,
                    threshold,
                    asa,
                    occ,
                    shrink,
                    patience,
                    response,
                    responsePercent,
                    activities,
                    concurrency,
                    growth);
        }

        OpeningHours openingHours(JsonNode node) {
            requireObject(node, "opening_hours");
            Set<DayOfWeek> days = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
            LocalTime open = LocalTime.of(8, 30);
            LocalTime close = LocalTime.of(17, 30);
            ZoneId zone = ZoneId.of("Europe/Paris");
            boolean holidays = true;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String w = "opening_hours." + e.getKey();
                JsonNode v = e.getValue();
                try {
                    switch (e.getKey()) {
                        case "days" -> {
                            if (!v.isArray() || v.isEmpty()) {
                                throw error(w, "expected a list of days (MON … SUN)");
                            }
                            days = EnumSet.noneOf(DayOfWeek.class);
                            for (JsonNode day : v) {
                                days.add(day(day.asText(), w));
                            }
                        }
                        case "open" -> open = LocalTime.parse(v.asText());
                        case "close" -> close = LocalTime.parse(v.asText());
                        case "zone" -> zone = ZoneId.of(v.asText());
                        case "closed_on_public_holidays" -> {
                            if (!v.isBoolean()) {
                                throw error(w, "expected true or false");
                            }
                            holidays = v.asBoolean();
                        }
                        default ->
                                throw error(
                                        w,
                                        "unknown key (expected days, open, close, zone, closed_on_public_holidays)");
                    }
                } catch (java.time.DateTimeException ex) {
                    throw error(w, "bad value '" + v.asText() + "': " + ex.getMessage());
                }
            }
            try {
                return new OpeningHours(days, open, close, zone, holidays);
            } catch (IllegalArgumentException ex) {
                throw error("opening_hours", ex.getMessage());
            }
        }

        private DayOfWeek day(String text, String where) {
            String t = text.strip().toUpperCase(Locale.ROOT);
            for (DayOfWeek d : DayOfWeek.values()) {
                if (d.name().equals(t) || d.name().startsWith(t) && t.length() == 3) {
                    return d;
                }
            }
            throw error(where, "unknown day '" + text + "'");
        }

        private double number(String text, String where) {
            try {
                double v = Double.parseDouble(text.strip());
                if (!Double.isFinite(v)) {
                    throw new NumberFormatException();
                }
                return v;
            } catch (NumberFormatException e) {
                throw error(where, "'" + text + "' is not a number");
            }
        }

        private double duration(String text, String where) {
            try {
                return Durations.parseSeconds(text);
            } catch (IllegalArgumentException e) {
                throw error(where, e.getMessage());
            }
        }
    }
}
