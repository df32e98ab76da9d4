package fr.joignable.domain.kpi;

import fr.joignable.domain.event.Channel;
import java.time.Duration;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The thresholds behind the contact KPIs: per channel (and optionally per queue and channel) the
 * service-level threshold and the short-abandon threshold, and the duplicate window.
 *
 * <p>Defaults ({@code docs/kpis.md}): phone 20 s / 5 s, chat 60 s / 5 s, email, portal and letter
 * 48 h / 0 s; duplicate window 7 days. Immutable; build variants with the {@code with…} methods.
 */
public final class ChannelThresholds implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    /** Thresholds of one channel, in milliseconds. */
    public record Threshold(long serviceLevelMillis, long shortAbandonMillis)
            implements java.io.Serializable {
        public Threshold {
            if (serviceLevelMillis < 0 || shortAbandonMillis < 0) {
                throw new IllegalArgumentException("thresholds must not be negative");
            }
        }
    }

    /** The default duplicate window as text, for command-line help. */
    public static final String DEFAULT_DUPLICATE_WINDOW_TEXT = "7d";

    public static final Duration DEFAULT_DUPLICATE_WINDOW =
            fr.joignable.domain.time.Durations.parse(DEFAULT_DUPLICATE_WINDOW_TEXT);

    private final EnumMap<Channel, Threshold> byChannel;
    private final HashMap<String, Threshold> byQueueAndChannel;
    private final long duplicateWindowMillis;

    private ChannelThresholds(
            EnumMap<Channel, Threshold> byChannel,
            HashMap<String, Threshold> byQueueAndChannel,
            long duplicateWindowMillis) {
        if (duplicateWindowMillis <= 0) {
            throw new IllegalArgumentException("the duplicate window must be positive");
        }
        this.byChannel = byChannel;
        this.byQueueAndChannel = byQueueAndChannel;
        this.duplicateWindowMillis = duplicateWindowMillis;
    }

    /** The defaults of the KPI definitions. */
    public static ChannelThresholds defaults() {
        EnumMap<Channel, Threshold> map = new EnumMap<>(Channel.class);
        map.put(Channel.PHONE, new Threshold(20_000, 5_000));
        map.put(Channel.CHAT, new Threshold(60_000, 5_000));
        Threshold deferred = new Threshold(172_800_000L, 0);
        map.put(Channel.EMAIL, deferred);
        map.put(Channel.PORTAL, deferred);
        map.put(Channel.LETTER, deferred);
        return new ChannelThresholds(map, new HashMap<>(), DEFAULT_DUPLICATE_WINDOW.toMillis());
    }

    public ChannelThresholds withChannel(
            Channel channel, Duration serviceLevel, Duration shortAbandon) {
        EnumMap<Channel, Threshold> map = new EnumMap<>(byChannel);
        map.put(channel, new Threshold(serviceLevel.toMillis(), shortAbandon.toMillis()));
        return new ChannelThresholds(map, new HashMap<>(byQueueAndChannel), duplicateWindowMillis);
    }

    public ChannelThresholds withQueue(
            String queue, Channel channel, Duration serviceLevel, Duration shortAbandon) {
        HashMap<String, Threshold> map = new HashMap<>(byQueueAndChannel);
        map.put(
                key(queue, channel),
                new Threshold(serviceLevel.toMillis(), shortAbandon.toMillis()));
        return new ChannelThresholds(new EnumMap<>(byChannel), map, duplicateWindowMillis);
    }

    public ChannelThresholds withDuplicateWindow(Duration window) {
        return new ChannelThresholds(
                new EnumMap<>(byChannel), new HashMap<>(byQueueAndChannel), window.toMillis());
    }

    /** The thresholds for a queue on a channel: the queue's own where set, else the channel's. */
    public Threshold of(String queue, Channel channel) {
        if (!byQueueAndChannel.isEmpty()) {
            Threshold specific = byQueueAndChannel.get(key(queue, channel));
            if (specific != null) {
                return specific;
            }
        }
        return byChannel.get(channel);
    }

    public long duplicateWindowMillis() {
        return duplicateWindowMillis;
    }

    public Map<Channel, Threshold> byChannel() {
        return Map.copyOf(byChannel);
    }

    private static String key(String queue, Channel channel) {
        return Objects.requireNonNull(queue) + "\u0000" + channel.name();
    }
}
