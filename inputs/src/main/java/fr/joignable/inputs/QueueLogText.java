package fr.joignable.inputs;

import java.io.BufferedReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Asterisk's {@code queue_log} text format, as Asterisk (1.8 and later), FreePBX, Issabel, VitalPBX
 * and Wazo/XiVO write it: one event per line, {@code
 * epoch|callid|queuename|agent|event|data1|data2|...}. The number of data fields varies with the
 * version (e.g. {@code CONNECT} without its ringtime before 1.6, {@code ENTERQUEUE} with or without
 * the position); fields are read by position and missing ones are empty. The old single {@code
 * data} field form ({@code epoch|callid|queue|agent|event|a|b|c} is the same thing) needs nothing
 * special. A blank line is not an event and is not counted.
 */
public final class QueueLogText {

    private QueueLogText() {}

    /** Parses one line; {@code null} with the reason in {@code skips} if it is not one. */
    public static QueueLogLine parse(String raw, SourceRef where, Skips skips) {
        String line = raw;
        int n = line.length();
        while (n > 0 && (line.charAt(n - 1) == '\r' || line.charAt(n - 1) == '\n')) {
            n--;
        }
        line = line.substring(0, n);
        List<String> f = split(line);
        if (f.size() < 5) {
            skips.add(where, "not a queue_log line (fewer than 5 '|'-separated fields)");
            return null;
        }
        String t = f.get(0).strip();
        long millis;
        if (t.isEmpty() || !Times.isEpoch(t)) {
            skips.add(where, "not a queue_log line (the first field is not an epoch time)");
            return null;
        }
        try {
            millis = Times.epoch(t).toEpochMilli();
        } catch (RuntimeException e) {
            skips.add(where, "not a queue_log line (the first field is not an epoch time)");
            return null;
        }
        int last = f.size();
        while (last > 5 && f.get(last - 1).isEmpty()) {
            last--;
        }
        return new QueueLogLine(
                millis, f.get(1), f.get(2), f.get(3), f.get(4), f.subList(5, last), where);
    }

    /** Reads every line of {@code in}, giving each queue_log line to {@code sink}. */
    public static long read(
            BufferedReader in, String file, Skips skips, Consumer<QueueLogLine> sink)
            throws IOException {
        long lineNo = 0;
        String s;
        while ((s = in.readLine()) != null) {
            lineNo++;
            if (s.isBlank()) {
                skips.notData();
                continue;
            }
            QueueLogLine l = parse(s, new SourceRef(file, lineNo), skips);
            if (l != null) {
                sink.accept(l);
            }
        }
        return lineNo;
    }

    private static List<String> split(String line) {
        List<String> f = new ArrayList<>(10);
        int start = 0;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == '|') {
                f.add(line.substring(start, i));
                start = i + 1;
            }
        }
        f.add(line.substring(start));
        return f;
    }
}
