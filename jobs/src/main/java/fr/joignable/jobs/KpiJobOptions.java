package fr.joignable.jobs;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.kafka.Topics;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.time.Durations;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.configuration.Configuration;

/**
 * Every option of the KPI job, typed: key, type, default and description in one place. Read them
 * from a Flink {@link Configuration} with {@link #from(Configuration)}.
 */
public final class KpiJobOptions implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Defaults as text, constants so that command-line options show them ({@code Default:
     * ${DEFAULT-VALUE}}) and the options below parse them: one definition each.
     */
    public static final String DEFAULT_OUT_OF_ORDERNESS = "5m";

    public static final String DEFAULT_ALLOWED_LATENESS = "0s";

    public static final String DEFAULT_CHECKPOINT_INTERVAL = "10s";

    public static final ConfigOption<Duration> OUT_OF_ORDERNESS =
            ConfigOptions.key("joignable.out-of-orderness")
                    .durationType()
                    .defaultValue(Durations.parse(DEFAULT_OUT_OF_ORDERNESS))
                    .withDescription(
                            "Live runs: how far behind the latest event time of its Kafka"
                                    + " partition an event may arrive and still be on time"
                                    + " (bounded runs: only with joignable.files.judge-lateness).");

    public static final ConfigOption<Duration> ALLOWED_LATENESS =
            ConfigOptions.key("joignable.allowed-lateness")
                    .durationType()
                    .defaultValue(Durations.parse(DEFAULT_ALLOWED_LATENESS))
                    .withDescription(
                            "Extra lateness accepted beyond the out-of-orderness; later events go"
                                    + " to the late output.");

    public static final ConfigOption<Boolean> FILES_HASHED_KEYS =
            ConfigOptions.key("joignable.files.hashed-keys")
                    .booleanType()
                    .defaultValue(true)
                    .withDescription(
                            "Bounded runs only: key the sorts of batch mode by a 64-bit hash of"
                                    + " each id rather than the id itself (faster sorts; two ids"
                                    + " with one hash make the run start again with string keys,"
                                    + " so the tables are the same either way).");

    /** For tests: the bits of the key hash kept (0 makes every id collide). */
    public static final ConfigOption<Long> FILES_KEY_HASH_MASK =
            ConfigOptions.key("joignable.files.key-hash-mask")
                    .longType()
                    .defaultValue(-1L)
                    .withDescription(
                            "For tests: the bits of the bounded run's key hash kept (-1: all; 0"
                                    + " makes every id collide, which must give the same tables).");

    public static final ConfigOption<Boolean> FILES_JUDGE_LATENESS =
            ConfigOptions.key("joignable.files.judge-lateness")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Bounded runs only, opt-in: judge lateness per file in line order, as"
                                    + " a live run does per Kafka partition (to reproduce what a"
                                    + " live run made of the same records, one file per"
                                    + " partition). Off by default: a bounded run has no late"
                                    + " events and its result never depends on line or file"
                                    + " order.");

    public static final ConfigOption<Duration> IDLENESS =
            ConfigOptions.key("joignable.source-idleness")
                    .durationType()
                    .defaultValue(Duration.ofSeconds(30))
                    .withDescription(
                            "A Kafka partition without events for this long (wall clock) stops"
                                    + " holding the watermark back.");

    public static final ConfigOption<Duration> DUPLICATE_WINDOW =
            ConfigOptions.key("joignable.duplicate-window")
                    .durationType()
                    .defaultValue(ChannelThresholds.DEFAULT_DUPLICATE_WINDOW)
                    .withDescription(
                            "Window of the duplicate-contact KPI: same tenant, same intent.");

    public static final ConfigOption<Duration> DEDUP_TTL =
            ConfigOptions.key("joignable.dedup-ttl")
                    .durationType()
                    .defaultValue(Duration.ofHours(1))
                    .withDescription(
                            "How long (event time) an eventId is remembered to drop redeliveries.");

    public static final ConfigOption<Duration> CONTACT_HORIZON =
            ConfigOptions.key("joignable.contact-horizon")
                    .durationType()
                    .defaultValue(Duration.ofDays(7))
                    .withDescription(
                            "Live runs: how long after its offer a contact is followed; an"
                                    + " interval's contact row is final once the watermark passes"
                                    + " its end plus this horizon.");

    public static final ConfigOption<Duration> PHONE_SL =
            threshold("phone.service-level", Duration.ofSeconds(20));
    public static final ConfigOption<Duration> PHONE_SHORT =
            threshold("phone.short-abandon", Duration.ofSeconds(5));
    public static final ConfigOption<Duration> CHAT_SL =
            threshold("chat.service-level", Duration.ofSeconds(60));
    public static final ConfigOption<Duration> CHAT_SHORT =
            threshold("chat.short-abandon", Duration.ofSeconds(5));
    public static final ConfigOption<Duration> EMAIL_SL =
            threshold("email.service-level", Duration.ofHours(48));
    public static final ConfigOption<Duration> EMAIL_SHORT =
            threshold("email.short-abandon", Duration.ZERO);
    public static final ConfigOption<Duration> LETTER_SL =
            threshold("letter.service-level", Duration.ofHours(48));
    public static final ConfigOption<Duration> LETTER_SHORT =
            threshold("letter.short-abandon", Duration.ZERO);
    public static final ConfigOption<Duration> PORTAL_SL =
            threshold("portal.service-level", Duration.ofHours(48));
    public static final ConfigOption<Duration> PORTAL_SHORT =
            threshold("portal.short-abandon", Duration.ZERO);

    public static final ConfigOption<Integer> PARALLELISM =
            ConfigOptions.key("joignable.parallelism")
                    .intType()
                    .defaultValue(2)
                    .withDescription("Parallelism of the job.");

    public static final ConfigOption<Duration> CHECKPOINT_INTERVAL =
            ConfigOptions.key("joignable.checkpoint-interval")
                    .durationType()
                    .defaultValue(Durations.parse(DEFAULT_CHECKPOINT_INTERVAL))
                    .withDescription(
                            "Kafka runs: checkpoint interval; Parquet files and Kafka"
                                    + " transactions commit on checkpoints.");

    public static final ConfigOption<String> EVENTS_TOPIC =
            ConfigOptions.key("joignable.events-topic")
                    .stringType()
                    .defaultValue(Topics.EVENTS)
                    .withDescription("Kafka topic of the interaction events.");

    public static final ConfigOption<String> KPI_TOPIC =
            ConfigOptions.key("joignable.kpi-topic")
                    .stringType()
                    .defaultValue(Topics.KPIS)
                    .withDescription(
                            "Kafka topic of KPI rows (upserts; key interval_start|queue|channel or"
                                    + " interval_start|team).");

    public static final ConfigOption<String> LIVE_TOPIC =
            ConfigOptions.key("joignable.live-topic")
                    .stringType()
                    .defaultValue(Topics.LIVE)
                    .withDescription("Kafka topic of the live-view snapshots.");

    public static final ConfigOption<String> REJECTED_TOPIC =
            ConfigOptions.key("joignable.rejected-topic")
                    .stringType()
                    .defaultValue(Topics.REJECTED)
                    .withDescription("Kafka topic of rejected and late events (with reasons).");

    public static final ConfigOption<String> GROUP_ID =
            ConfigOptions.key("joignable.group-id")
                    .stringType()
                    .defaultValue(Topics.KPI_GROUP)
                    .withDescription("Kafka consumer group of the job.");

    public static final ConfigOption<Boolean> PSEUDONYMIZE =
            ConfigOptions.key("joignable.pseudonymize")
                    .booleanType()
                    .defaultValue(false)
                    .withDescription(
                            "Replace tenantId by HMAC-SHA-256(key, tenantId) before any state or"
                                    + " output (RGPD). The key is read on the tasks from"
                                    + " joignable.tenant-key-file, or from the environment"
                                    + " variable JOIGNABLE_TENANT_KEY.");

    public static final ConfigOption<String> TENANT_KEY_FILE =
            ConfigOptions.key("joignable.tenant-key-file")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "File holding the pseudonymisation key (empty: the environment"
                                    + " variable JOIGNABLE_TENANT_KEY).");

    public static final ConfigOption<String> CONFIG_FILE =
            ConfigOptions.key("joignable.config-file")
                    .stringType()
                    .defaultValue("")
                    .withDescription(
                            "The centre's joignable.yaml (docs/configuration.md): its service-level"
                                    + " targets give the thresholds per channel and per queue, and"
                                    + " its duplicate window; a joignable.threshold.* or"
                                    + " joignable.duplicate-window set explicitly wins. Read where"
                                    + " the job graph is built (empty: built-in defaults).");

    public static final List<ConfigOption<?>> ALL =
            List.of(
                    CONFIG_FILE,
                    OUT_OF_ORDERNESS,
                    ALLOWED_LATENESS,
                    FILES_JUDGE_LATENESS,
                    FILES_HASHED_KEYS,
                    FILES_KEY_HASH_MASK,
                    IDLENESS,
                    DUPLICATE_WINDOW,
                    DEDUP_TTL,
                    CONTACT_HORIZON,
                    PHONE_SL,
                    PHONE_SHORT,
                    CHAT_SL,
                    CHAT_SHORT,
                    EMAIL_SL,
                    EMAIL_SHORT,
                    LETTER_SL,
                    LETTER_SHORT,
                    PORTAL_SL,
                    PORTAL_SHORT,
                    PARALLELISM,
                    CHECKPOINT_INTERVAL,
                    EVENTS_TOPIC,
                    KPI_TOPIC,
                    LIVE_TOPIC,
                    REJECTED_TOPIC,
                    GROUP_ID,
                    PSEUDONYMIZE,
                    TENANT_KEY_FILE);

    private static ConfigOption<Duration> threshold(String name, Duration value) {
        return ConfigOptions.key("joignable.threshold." + name)
                .durationType()
                .defaultValue(value)
                .withDescription("KPI threshold (docs/kpis.md): " + name + ".");
    }

    public final long outOfOrdernessMs;
    public final long allowedLatenessMs;
    public final boolean filesJudgeLateness;
    public final boolean filesHashedKeys;
    public final long filesKeyHashMask;
    public final long idlenessMs;
    public final long dedupTtlMs;
    public final long contactHorizonMs;
    public final int parallelism;
    public final long checkpointIntervalMs;
    public final String eventsTopic;
    public final String kpiTopic;
    public final String liveTopic;
    public final String rejectedTopic;
    public final String groupId;
    public final ChannelThresholds thresholds;
    public final boolean pseudonymize;
    public final String tenantKeyFile;

    /**
     * Standard Kafka client properties (security, timeouts) for every client of the job: {@code
     * joignable.kafka.<key>} entries of the configuration ({@link
     * fr.joignable.jobs.io.KafkaClientConfig}).
     */
    public final java.util.TreeMap<String, String> kafkaProperties;

    private KpiJobOptions(Configuration c) {
        outOfOrdernessMs = c.get(OUT_OF_ORDERNESS).toMillis();
        allowedLatenessMs = c.get(ALLOWED_LATENESS).toMillis();
        filesJudgeLateness = c.get(FILES_JUDGE_LATENESS);
        filesHashedKeys = c.get(FILES_HASHED_KEYS);
        filesKeyHashMask = c.get(FILES_KEY_HASH_MASK);
        idlenessMs = c.get(IDLENESS).toMillis();
        dedupTtlMs = c.get(DEDUP_TTL).toMillis();
        contactHorizonMs = c.get(CONTACT_HORIZON).toMillis();
        parallelism = c.get(PARALLELISM);
        checkpointIntervalMs = c.get(CHECKPOINT_INTERVAL).toMillis();
        eventsTopic = c.get(EVENTS_TOPIC);
        kpiTopic = c.get(KPI_TOPIC);
        liveTopic = c.get(LIVE_TOPIC);
        rejectedTopic = c.get(REJECTED_TOPIC);
        groupId = c.get(GROUP_ID);
        pseudonymize = c.get(PSEUDONYMIZE);
        tenantKeyFile = c.get(TENANT_KEY_FILE);
        kafkaProperties = new java.util.TreeMap<>(fr.joignable.jobs.io.KafkaClientConfig.from(c));
        thresholds = thresholds(c);
        if (outOfOrdernessMs < 0 || allowedLatenessMs < 0 || dedupTtlMs <= 0) {
            throw new IllegalArgumentException(
                    "out-of-orderness and lateness must not be negative, dedup TTL positive");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
    }

    /**
     * The thresholds: those of the configuration file when one is named, else the defaults of
     * {@code docs/kpis.md}; then every threshold option set explicitly in {@code c}.
     */
    private static ChannelThresholds thresholds(Configuration c) {
        String file = c.get(CONFIG_FILE);
        ChannelThresholds t =
                file.isBlank()
                        ? ChannelThresholds.defaults()
                        : JoignableConfig.read(Path.of(file)).thresholds();
        if (c.contains(DUPLICATE_WINDOW)) {
            t = t.withDuplicateWindow(c.get(DUPLICATE_WINDOW));
        }
        t = channel(c, t, Channel.PHONE, PHONE_SL, PHONE_SHORT);
        t = channel(c, t, Channel.CHAT, CHAT_SL, CHAT_SHORT);
        t = channel(c, t, Channel.EMAIL, EMAIL_SL, EMAIL_SHORT);
        t = channel(c, t, Channel.LETTER, LETTER_SL, LETTER_SHORT);
        return channel(c, t, Channel.PORTAL, PORTAL_SL, PORTAL_SHORT);
    }

    private static ChannelThresholds channel(
            Configuration c,
            ChannelThresholds t,
            Channel channel,
            ConfigOption<Duration> serviceLevel,
            ConfigOption<Duration> shortAbandon) {
        if (!c.contains(serviceLevel) && !c.contains(shortAbandon)) {
            return t;
        }
        ChannelThresholds.Threshold base = t.byChannel().get(channel);
        Duration sl =
                c.contains(serviceLevel)
                        ? c.get(serviceLevel)
                        : Duration.ofMillis(base.serviceLevelMillis());
        Duration sa =
                c.contains(shortAbandon)
                        ? c.get(shortAbandon)
                        : Duration.ofMillis(base.shortAbandonMillis());
        return t.withChannel(channel, sl, sa);
    }

    public static KpiJobOptions from(Configuration c) {
        return new KpiJobOptions(c);
    }

    public static KpiJobOptions defaults() {
        return new KpiJobOptions(new Configuration());
    }

    /** Total tolerance behind a source's latest event time. */
    public long latenessBoundMs() {
        return outOfOrdernessMs + allowedLatenessMs;
    }
}
