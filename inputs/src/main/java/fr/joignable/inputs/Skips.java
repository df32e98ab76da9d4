package fr.joignable.inputs;

import fr.joignable.domain.table.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every input line that gave no event, with its reason and where it was: nothing is dropped
 * silently. Also the ledger of the other lines: the ones used ({@link #used()}) and the ones that
 * hold no data ({@link #notData()}), so that every line read is accounted for once: read = used +
 * skipped + not data. Keeps a count per reason and the first {@value #KEPT_PER_REASON} places of
 * each for the printed summary; with a {@link Writer} attached, every skipped line is also written
 * there as {@code file,line,reason}.
 */
public final class Skips {

    /** Places remembered per reason for the summary. */
    public static final int KEPT_PER_REASON = 10;

    private final Map<String, Reason> reasons = new LinkedHashMap<>();

    /** The header of the skipped-lines file ({@code convert --skipped}); its rows are CSV. */
    public static final String HEADER = "file,line,reason";

    private final Writer all;
    private long total;
    private long used;
    private long notData;

    public Skips() {
        this(null);
    }

    /**
     * @param all where to write every skipped line, or {@code null}
     */
    public Skips(Writer all) {
        this.all = all;
    }

    /** Records one skipped line. {@code reason} should not vary per line (it is a group key). */
    public void add(SourceRef where, String reason) {
        total++;
        Reason r = reasons.computeIfAbsent(reason, k -> new Reason());
        r.count++;
        if (r.first.size() < KEPT_PER_REASON) {
            r.first.add(where);
        }
        if (all != null) {
            try {
                all.write(Csv.line(List.of(where.file(), Long.toString(where.line()), reason)));
                all.write('\n');
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    public long total() {
        return total;
    }

    /** Records one line that gave events or fed the agent states. */
    public void used() {
        used++;
    }

    /** Records one line that holds no data: a blank line, a CSV header. */
    public void notData() {
        notData++;
    }

    /** Lines that gave events (or agent-state input). */
    public long usedLines() {
        return used;
    }

    /** Blank lines and CSV headers. */
    public long notDataLines() {
        return notData;
    }

    /** Skipped lines per reason, in order of first appearance. */
    public Map<String, Long> counts() {
        Map<String, Long> m = new LinkedHashMap<>();
        reasons.forEach((k, v) -> m.put(k, v.count));
        return m;
    }

    /** The summary lines: {@code N × reason (file:line, ...)}. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        reasons.forEach(
                (reason, r) -> {
                    StringBuilder b = new StringBuilder();
                    b.append(r.count).append(" × ").append(reason).append(" (");
                    for (int i = 0; i < r.first.size(); i++) {
                        b.append(i == 0 ? "" : ", ").append(r.first.get(i));
                    }
                    b.append(r.count > r.first.size() ? ", …)" : ")");
                    lines.add(b.toString());
                });
        return lines;
    }

    private static final class Reason {
        long count;
        final List<SourceRef> first = new ArrayList<>();
    }
}
