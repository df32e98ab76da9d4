package fr.joignable.jobs;

import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.Decoded;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import fr.joignable.domain.kpi.ChannelThresholds;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * An independent, straightforward batch computation of {@code docs/kpis.md} over lists of lines
 * (one list per file), to check the Flink job against. Written from the contract, sharing no code
 * with the job but the codec.
 */
public final class ReferenceKpis {

    public long read, rejected, late, orphans, redeliveries;

    /** Contact rows as maps column → value (null = undefined), keyed by "start|queue|channel". */
    public final TreeMap<String, Map<String, Object>> contactRows = new TreeMap<>();

    public final TreeMap<String, Map<String, Object>> agentRows = new TreeMap<>();

    private static final long Q = 900_000L;

    /** The bound of a bounded run: nothing is late. */
    public static final long NO_LATENESS = Long.MAX_VALUE;

    static long floor15(long t) {
        return Math.floorDiv(t, Q) * Q;
    }

    public ReferenceKpis(List<List<byte[]>> files, long boundMs, ChannelThresholds th) {
        // 1. decode, judge lateness per file in line order (live runs and the opt-in only)
        List<InteractionEvent> accepted = new ArrayList<>();
        for (List<byte[]> file : files) {
            long max = Long.MIN_VALUE;
            for (byte[] line : file) {
                if (new String(line, java.nio.charset.StandardCharsets.ISO_8859_1).isBlank()) {
                    continue;
                }
                read++;
                Decoded d = EventCodec.instance().decode(line);
                if (!(d instanceof Decoded.Accepted a)) {
                    rejected++;
                    continue;
                }
                long ts = a.event().tsMillis();
                if (boundMs != NO_LATENESS && max != Long.MIN_VALUE && ts < max - boundMs) {
                    late++;
                    continue;
                }
                max = Math.max(max, ts);
                accepted.add(a.event());
            }
        }
        // 2. redeliveries
        Set<String> seen = new HashSet<>();
        List<InteractionEvent> events = new ArrayList<>();
        for (InteractionEvent e : accepted) {
            if (seen.add(e.eventId())) {
                events.add(e);
            } else {
                redeliveries++;
            }
        }
        long endOfData = events.stream().mapToLong(InteractionEvent::tsMillis).max().orElse(0);

        // 3. contacts
        Map<String, ContactOffered> offers = new HashMap<>();
        Map<String, Long> answers = new HashMap<>(), abandons = new HashMap<>();
        Map<String, ContactDiverted> diversions = new HashMap<>();
        Map<String, Long> ends = new HashMap<>(), wraps = new HashMap<>();
        Map<String, Integer> outcomes = new HashMap<>();
        Map<String, List<AgentStateChanged>> agents = new HashMap<>();
        for (InteractionEvent e : events) {
            if (e instanceof ContactOffered o) {
                ContactOffered prev = offers.get(o.contactId());
                if (prev == null
                        || o.tsMillis() < prev.tsMillis()
                        || (o.tsMillis() == prev.tsMillis()
                                && o.eventId().compareTo(prev.eventId()) < 0)) {
                    offers.put(o.contactId(), o);
                }
            } else if (e instanceof ContactAnswered x) {
                answers.merge(x.contactId(), x.tsMillis(), Math::min);
                outcomes.merge(x.contactId(), 1, Integer::sum);
            } else if (e instanceof ContactAbandoned x) {
                abandons.merge(x.contactId(), x.tsMillis(), Math::min);
                outcomes.merge(x.contactId(), 1, Integer::sum);
            } else if (e instanceof ContactDiverted x) {
                ContactDiverted prev = diversions.get(x.contactId());
                if (prev == null
                        || x.tsMillis() < prev.tsMillis()
                        || (x.tsMillis() == prev.tsMillis()
                                && x.reason().name().compareTo(prev.reason().name()) < 0)) {
                    diversions.put(x.contactId(), x);
                }
                outcomes.merge(x.contactId(), 1, Integer::sum);
            } else if (e instanceof ContactEnded x) {
                ends.merge(x.contactId(), x.tsMillis(), Math::min);
                outcomes.merge(x.contactId(), 1, Integer::sum);
            } else if (e instanceof WrapupEnded x) {
                wraps.merge(x.contactId(), x.tsMillis(), Math::min);
            } else if (e instanceof AgentStateChanged s) {
                agents.computeIfAbsent(s.agentId(), k -> new ArrayList<>()).add(s);
            }
        }
        for (Map.Entry<String, Integer> o : outcomes.entrySet()) {
            if (!offers.containsKey(o.getKey())) {
                orphans += o.getValue();
            }
        }
        Map<String, long[]> cells = new TreeMap<>();
        // counters: 0 offered,1 answered,2 short,3 aband,4 inSl,5 waitSum,6 handled,7 handleSum,
        // 8 identified, 9 dup, 10 dupAfterAb, 11 diverted, 12 closed
        for (ContactOffered o : offers.values()) {
            ChannelThresholds.Threshold t = th.of(o.queue(), o.channel());
            String k = floor15(o.tsMillis()) + "|" + o.queue() + "|" + o.channel();
            long[] c = cells.computeIfAbsent(k, x -> new long[13]);
            c[0]++;
            if (o.tenantId() != null) c[8]++;
            // one outcome: answered wins; else the earlier of abandon and diversion (equal: divert)
            Long ans = answers.get(o.contactId());
            Long ab = abandons.get(o.contactId());
            ContactDiverted dv = diversions.get(o.contactId());
            if (ans != null) {
                long w = ans - o.tsMillis();
                c[1]++;
                c[5] += w;
                if (w <= t.serviceLevelMillis()) c[4]++;
            } else if (ab != null && (dv == null || ab < dv.tsMillis())) {
                long w = ab - o.tsMillis();
                if (w < t.shortAbandonMillis()) c[2]++;
                else c[3]++;
            } else if (dv != null) {
                c[11]++;
                if (dv.reason() == DivertReason.CLOSED) c[12]++;
            }
            Long end = ends.get(o.contactId());
            if (end != null) {
                String ke = floor15(end) + "|" + o.queue() + "|" + o.channel();
                long[] ce = cells.computeIfAbsent(ke, x -> new long[13]);
                ce[6]++;
                long talk = ans == null ? 0 : end - ans;
                Long wr = wraps.get(o.contactId());
                ce[7] += talk + (wr == null ? 0 : wr - end);
            }
        }
        // duplicates
        Map<String, List<ContactOffered>> byTenant = new HashMap<>();
        for (ContactOffered o : offers.values()) {
            if (o.tenantId() != null) {
                byTenant.computeIfAbsent(o.tenantId() + "/" + o.intent(), k -> new ArrayList<>())
                        .add(o);
            }
        }
        for (List<ContactOffered> list : byTenant.values()) {
            list.sort(
                    Comparator.comparingLong(ContactOffered::tsMillis)
                            .thenComparing(ContactOffered::contactId));
            for (int i = 1; i < list.size(); i++) {
                ContactOffered prev = list.get(i - 1), cur = list.get(i);
                if (cur.tsMillis() - prev.tsMillis() < th.duplicateWindowMillis()) {
                    long[] c =
                            cells.get(
                                    floor15(cur.tsMillis())
                                            + "|"
                                            + cur.queue()
                                            + "|"
                                            + cur.channel());
                    c[9]++;
                    if (abandonedOutcome(prev.contactId(), answers, abandons, diversions)) c[10]++;
                }
            }
        }
        for (Map.Entry<String, long[]> e : cells.entrySet()) {
            long[] c = e.getValue();
            if (c[0] == 0 && c[6] == 0) continue;
            Map<String, Object> row = new HashMap<>();
            row.put("offered", (double) c[0]);
            row.put("answered", (double) c[1]);
            row.put("short_abandoned", (double) c[2]);
            row.put("abandoned", (double) c[3]);
            row.put("answered_in_sl", (double) c[4]);
            long den = c[0] - c[2] - c[12];
            row.put("service_level", den == 0 ? null : (double) c[4] / den);
            row.put("abandon_rate", den == 0 ? null : (double) c[3] / den);
            row.put("asa_s", c[1] == 0 ? null : c[5] / (double) c[1] / 1000.0);
            row.put("handled", (double) c[6]);
            row.put("aht_s", c[6] == 0 ? null : c[7] / (double) c[6] / 1000.0);
            row.put("identified", (double) c[8]);
            row.put("duplicates", (double) c[9]);
            row.put("duplicates_after_abandon", (double) c[10]);
            row.put("duplicate_rate", c[8] == 0 ? null : (double) c[9] / c[8]);
            row.put("diverted", (double) c[11]);
            row.put("closed", (double) c[12]);
            contactRows.put(key(e.getKey()), row);
        }

        // 4. agents
        Map<String, double[]> teamCells = new TreeMap<>();
        for (List<AgentStateChanged> list : agents.values()) {
            list.sort(
                    Comparator.comparingLong(AgentStateChanged::tsMillis)
                            .thenComparing(AgentStateChanged::eventId));
            for (int i = 0; i < list.size(); i++) {
                AgentStateChanged s = list.get(i);
                long to = i + 1 < list.size() ? list.get(i + 1).tsMillis() : endOfData;
                int idx =
                        switch (s.state()) {
                            case READY -> 0;
                            case BUSY -> 1;
                            case WRAP_UP -> 2;
                            case NOT_READY -> 3;
                            default -> -1;
                        };
                if (idx < 0) continue;
                for (long t = s.tsMillis(); t < to; ) {
                    long next = Math.min(to, floor15(t) + Q);
                    teamCells
                                    .computeIfAbsent(
                                            floor15(t) + "|" + s.team(), k -> new double[4])[idx] +=
                            next - t;
                    t = next;
                }
            }
        }
        for (Map.Entry<String, double[]> e : teamCells.entrySet()) {
            double[] m = e.getValue();
            double staffed = (m[0] + m[1] + m[2] + m[3]) / 1000.0;
            if (staffed == 0) continue;
            Map<String, Object> row = new HashMap<>();
            row.put("staffed_s", staffed);
            row.put("ready_s", m[0] / 1000.0);
            row.put("busy_s", m[1] / 1000.0);
            row.put("wrap_s", m[2] / 1000.0);
            row.put("not_ready_s", m[3] / 1000.0);
            double den = m[0] + m[1] + m[2];
            row.put("occupancy", den == 0 ? null : (m[1] + m[2]) / den);
            agentRows.put(key(e.getKey()), row);
        }
    }

    private static boolean abandonedOutcome(
            String id,
            Map<String, Long> answers,
            Map<String, Long> abandons,
            Map<String, ContactDiverted> diversions) {
        Long ab = abandons.get(id);
        ContactDiverted dv = diversions.get(id);
        return !answers.containsKey(id) && ab != null && (dv == null || ab < dv.tsMillis());
    }

    /** "millis|rest" → "ISO|rest", the key form of the CSV comparisons. */
    private static String key(String k) {
        int bar = k.indexOf('|');
        return java.time.Instant.ofEpochMilli(Long.parseLong(k.substring(0, bar)))
                + k.substring(bar);
    }
}
