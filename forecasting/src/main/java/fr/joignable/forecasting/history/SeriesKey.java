package fr.joignable.forecasting.history;

/** One forecast series: a queue on a channel. Ordered by queue, then channel. */
public record SeriesKey(String queue, String channel) implements Comparable<SeriesKey> {

    @Override
    public int compareTo(SeriesKey o) {
        int c = queue.compareTo(o.queue);
        return c != 0 ? c : channel.compareTo(o.channel);
    }

    @Override
    public String toString() {
        return queue + "/" + channel;
    }
}
