package fr.joignable.inputs;

import java.util.List;

/**
 * One event line of an Asterisk {@code queue_log}, whatever it was read from (the text file or a
 * database export): {@code time|callid|queuename|agent|event|data1|data2|...}.
 *
 * @param epochMillis the line's time (Asterisk writes whole seconds; database exports may carry
 *     fractions)
 * @param data the event's parameters, trailing empty ones removed
 * @param where where the line came from, for skip reports ({@code file:line})
 */
public record QueueLogLine(
        long epochMillis,
        String callId,
        String queue,
        String agent,
        String event,
        List<String> data,
        SourceRef where) {

    public QueueLogLine {
        data = List.copyOf(data);
    }

    /** The {@code i}-th parameter, 1-based as Asterisk's documentation counts, or "" if absent. */
    public String data(int i) {
        return i >= 1 && i <= data.size() ? data.get(i - 1) : "";
    }

    /**
     * The line's content in one canonical form, the same for the text and the CSV formats: the
     * basis of the stable event ids (a line repeated verbatim gives the same ids).
     */
    public String canonical() {
        return canonical(new StringBuilder(96)).toString();
    }

    /** {@link #canonical()} written into {@code b} (cleared first), for reuse. */
    public StringBuilder canonical(StringBuilder b) {
        b.setLength(0);
        b.append(epochMillis)
                .append('|')
                .append(callId)
                .append('|')
                .append(queue)
                .append('|')
                .append(agent)
                .append('|')
                .append(event);
        for (String d : data) {
            b.append('|').append(d);
        }
        return b;
    }
}
