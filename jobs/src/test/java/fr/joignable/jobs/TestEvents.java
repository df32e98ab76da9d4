package fr.joignable.jobs;

import fr.joignable.domain.event.AgentState;
import fr.joignable.domain.event.AgentStateChanged;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.ContactAbandoned;
import fr.joignable.domain.event.ContactAnswered;
import fr.joignable.domain.event.ContactDiverted;
import fr.joignable.domain.event.ContactEnded;
import fr.joignable.domain.event.ContactOffered;
import fr.joignable.domain.event.DivertReason;
import fr.joignable.domain.event.EventCodec;
import fr.joignable.domain.event.HandoffClosed;
import fr.joignable.domain.event.HandoffCreated;
import fr.joignable.domain.event.HandoffTarget;
import fr.joignable.domain.event.Intent;
import fr.joignable.domain.event.InteractionEvent;
import fr.joignable.domain.event.WrapupEnded;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

/**
 * A small random generator of contact-centre events for tests (the real simulator lives elsewhere):
 * contacts on every channel with answers, abandons, diversions (alone, with an abandon before, at
 * or after them, after an answer), missing outcomes, wrap-ups and handoffs; agents cycling through
 * states (one never logs out); redeliveries, orphans, slightly out-of-order lines, a few very late
 * lines, invalid lines and blank lines.
 */
public final class TestEvents {

    /** Input lines of one file. */
    public record FileLines(String name, List<byte[]> lines) {}

    private final Random rnd;

    /** Diversions draw from their own generator and ids, so the other events stay as they were. */
    private final Random divRnd;

    private long divSeq;
    private final EventCodec codec = EventCodec.instance();
    private long seq;

    public TestEvents(long seed) {
        this.rnd = new Random(seed);
        this.divRnd = new Random(seed * 31 + 17);
    }

    private String id(String prefix) {
        return prefix + "-" + (++seq);
    }

    /** A diversion of a contact at {@code at}, for a random reason. */
    private ContactDiverted divert(String contactId, long at) {
        DivertReason[] reasons = DivertReason.values();
        return ContactDiverted.of(
                "dv-" + (++divSeq),
                Instant.ofEpochMilli(at),
                contactId,
                reasons[divRnd.nextInt(reasons.length)]);
    }

    private Instant at(long millis) {
        return Instant.ofEpochMilli(millis);
    }

    /** Contacts of {@code days} days from {@code start}, about {@code perDay} a day. */
    public List<InteractionEvent> contacts(Instant start, int days, int perDay) {
        List<InteractionEvent> out = new ArrayList<>();
        Intent[] intents = Intent.values();
        int tenants = Math.max(5, perDay * days / 4);
        for (int d = 0; d < days; d++) {
            long dayStart = start.toEpochMilli() + d * 86_400_000L;
            for (int i = 0; i < perDay; i++) {
                long offer =
                        dayStart + 7 * 3_600_000L + (long) (rnd.nextDouble() * 11 * 3_600_000L);
                if (rnd.nextInt(10) == 0) {
                    offer = offer / 1000 * 1000; // whole seconds: ties and threshold edges
                }
                Intent intent = intents[rnd.nextInt(intents.length)];
                Channel channel = pickChannel();
                String contactId = id("c");
                String tenant = rnd.nextInt(10) < 7 ? "t" + rnd.nextInt(tenants) : null;
                out.add(
                        ContactOffered.of(
                                id("e"),
                                at(offer),
                                contactId,
                                channel,
                                intent.usualQueue(),
                                intent.name(),
                                intent.usualPriority(),
                                tenant,
                                rnd.nextBoolean() ? "r" + rnd.nextInt(20) : null));
                int fate = rnd.nextInt(100);
                if (fate < 4) {
                    if (divRnd.nextBoolean()) {
                        // turned away: at once (closed, full) or after a wait (time-out)
                        long wait = divRnd.nextBoolean() ? 0 : divRnd.nextInt(300_000);
                        out.add(divert(contactId, offer + wait));
                    }
                    continue; // no outcome at all: offered only
                }
                long wait;
                if (channel.isLive()) {
                    wait = rnd.nextInt(5) == 0 ? 1000L * rnd.nextInt(25) : rnd.nextInt(150_000);
                    if (fate < 30) {
                        out.add(ContactAbandoned.of(id("e"), at(offer + wait), contactId));
                        if (divRnd.nextInt(5) == 0) {
                            // also diverted: before, at the same time as, or after the abandon
                            long shift = (divRnd.nextInt(3) - 1) * (long) divRnd.nextInt(20_000);
                            out.add(divert(contactId, Math.max(offer, offer + wait + shift)));
                        }
                        continue;
                    }
                } else {
                    wait = (long) (rnd.nextDouble() * 72 * 3_600_000L);
                }
                long answer = offer + wait;
                String agent = "a" + rnd.nextInt(12);
                out.add(ContactAnswered.of(id("e"), at(answer), contactId, agent));
                if (divRnd.nextInt(50) == 0) {
                    out.add(divert(contactId, answer + 1_000)); // answered wins
                }
                if (fate < 34) {
                    continue; // answered, never ended in the data
                }
                long end = answer + 30_000 + rnd.nextInt(900_000);
                out.add(ContactEnded.of(id("e"), at(end), contactId, agent));
                if (rnd.nextInt(10) < 8) {
                    out.add(
                            WrapupEnded.of(
                                    id("e"), at(end + rnd.nextInt(180_000)), contactId, agent));
                }
                if (rnd.nextInt(20) == 0) {
                    String handoff = id("h");
                    out.add(
                            HandoffCreated.of(
                                    id("e"),
                                    at(end),
                                    contactId,
                                    handoff,
                                    HandoffTarget.values()[rnd.nextInt(4)],
                                    null));
                    if (rnd.nextBoolean()) {
                        out.add(
                                HandoffClosed.of(
                                        id("e"), at(end + rnd.nextInt(86_400_000)), handoff));
                    }
                }
            }
            // orphans: outcomes of contacts never offered
            for (int i = 0; i < Math.max(1, perDay / 200); i++) {
                long t = dayStart + 9 * 3_600_000L + rnd.nextInt(3_600_000);
                out.add(ContactAnswered.of(id("e"), at(t), id("ghost"), "a1"));
                out.add(divert("ghost-dv-" + divSeq, t)); // a diversion never offered: orphan
            }
        }
        return out;
    }

    private Channel pickChannel() {
        int r = rnd.nextInt(100);
        if (r < 55) return Channel.PHONE;
        if (r < 70) return Channel.EMAIL;
        if (r < 80) return Channel.CHAT;
        if (r < 93) return Channel.PORTAL;
        return Channel.LETTER;
    }

    /** Agents of two teams over the days; the last agent never logs out. */
    public List<InteractionEvent> agents(Instant start, int days, int agents) {
        List<InteractionEvent> out = new ArrayList<>();
        AgentState[] working = {
            AgentState.READY, AgentState.BUSY, AgentState.WRAP_UP, AgentState.NOT_READY
        };
        for (int a = 0; a < agents; a++) {
            String agent = "a" + a;
            String team = a % 2 == 0 ? "EQUIPE_A" : "EQUIPE_B";
            for (int d = 0; d < days; d++) {
                long t =
                        start.toEpochMilli()
                                + d * 86_400_000L
                                + 7 * 3_600_000L
                                + rnd.nextInt(3_600_000);
                long logout = t + 8 * 3_600_000L + rnd.nextInt(3_600_000);
                while (t < logout) {
                    AgentState s = working[rnd.nextInt(working.length)];
                    out.add(AgentStateChanged.of(id("e"), at(t), agent, team, s));
                    t += 5_000 + rnd.nextInt(1_200_000);
                }
                boolean last = a == agents - 1 && d == days - 1;
                if (!last) {
                    out.add(
                            AgentStateChanged.of(
                                    id("e"), at(t), agent, team, AgentState.LOGGED_OUT));
                }
            }
        }
        return out;
    }

    /**
     * Lines in roughly time order: shuffled within a minute (well inside the out-of-orderness),
     * with redeliveries, a few lines moved an hour later (late), bad lines and blank lines.
     */
    public List<byte[]> lines(List<InteractionEvent> events, boolean noise) {
        record Placed(long key, byte[] line) {}
        List<Placed> placed = new ArrayList<>();
        for (InteractionEvent e : events) {
            byte[] line = codec.encode(e).getBytes(StandardCharsets.UTF_8);
            long key = e.tsMillis() + rnd.nextInt(60_000);
            if (noise && rnd.nextInt(1000) == 0) {
                key += 3_600_000L; // arrives an hour late: a late event
            }
            placed.add(new Placed(key, line));
            if (noise && rnd.nextInt(100) == 0) {
                placed.add(new Placed(key + rnd.nextInt(120_000), line)); // redelivery
            }
        }
        if (noise) {
            long t0 = placed.isEmpty() ? 0 : placed.get(0).key();
            for (int i = 0; i < Math.max(3, events.size() / 500); i++) {
                long k = t0 + rnd.nextInt(Math.max(1, events.size())) * 1000L;
                placed.add(new Placed(k, badLine(i)));
            }
        }
        placed.sort(Comparator.comparingLong(Placed::key));
        List<byte[]> out = new ArrayList<>(placed.size());
        for (Placed p : placed) {
            out.add(p.line());
        }
        return out;
    }

    private byte[] badLine(int i) {
        return switch (i % 6) {
            case 0 -> "{not json".getBytes(StandardCharsets.UTF_8);
            case 1 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 2 ->
                    "{\"eventId\":\"x\",\"type\":\"CONTACT_OFFERED\",\"ts\":\"2026-10-05T08:00:00Z\"}"
                            .getBytes(StandardCharsets.UTF_8);
            case 3 -> new byte[] {'{', '"', 'e', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
            case 4 -> "   ".getBytes(StandardCharsets.UTF_8); // blank: skipped
            default ->
                    "{\"eventId\":\"y\",\"type\":\"AGENT_STATE\",\"ts\":\"2026-13-05T08:00:00Z\",\"agentId\":\"a\",\"team\":\"T\",\"state\":\"READY\"}"
                            .getBytes(StandardCharsets.UTF_8);
        };
    }

    public static Path write(Path file, List<byte[]> lines) throws IOException {
        OutputStream raw = Files.newOutputStream(file);
        try (OutputStream out =
                new BufferedOutputStream(
                        file.toString().endsWith(".gz") ? new GZIPOutputStream(raw) : raw,
                        1 << 16)) {
            for (byte[] line : lines) {
                out.write(line);
                out.write('\n');
            }
        }
        return file;
    }
}
