package fr.joignable.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.joignable.domain.event.Channel;
import fr.joignable.domain.event.Intent;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Repeats of the default centre (opens 8:30–17:30 Paris; letters 9:00–11:00; at most 4 tries). */
class RepeatsTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final SimulatorOptions OPTIONS = SimulatorOptions.defaults();

    private static long at(String local) {
        return LocalDateTime.parse(local).atZone(PARIS).toInstant().toEpochMilli();
    }

    private static LocalDateTime local(long t) {
        return LocalDateTime.ofInstant(java.time.Instant.ofEpochMilli(t), PARIS);
    }

    private static Contact contact(Channel channel, int attempt) {
        return new Contact(
                "C1", 1, at("2026-10-12T10:00"), channel, Intent.REPAIR, 42, true, attempt);
    }

    @Test
    void aContactComesWhenItsChannelCanTakeIt() {
        Repeats r = new Repeats(OPTIONS, new Draws(1));
        // deferred channels around the clock; a live one within its hours, as it is
        assertThat(r.nextAvailable(Channel.EMAIL, at("2026-10-17T23:00")))
                .isEqualTo(at("2026-10-17T23:00"));
        assertThat(r.nextAvailable(Channel.PHONE, at("2026-10-12T10:00")))
                .isEqualTo(at("2026-10-12T10:00"));
        for (int i = 0; i < 200; i++) {
            // early on a working day: that morning, within 90 minutes of opening
            assertThat(local(r.nextAvailable(Channel.PHONE, at("2026-10-12T07:00"))))
                    .isBetween(
                            LocalDateTime.parse("2026-10-12T08:30"),
                            LocalDateTime.parse("2026-10-12T10:00"));
            // Friday evening: Monday morning
            assertThat(local(r.nextAvailable(Channel.CHAT, at("2026-10-16T18:00"))))
                    .isBetween(
                            LocalDateTime.parse("2026-10-19T08:30"),
                            LocalDateTime.parse("2026-10-19T10:00"));
            // closing time itself is closed; the next day is the Armistice: Thursday
            assertThat(local(r.nextAvailable(Channel.PHONE, at("2026-11-10T17:30"))))
                    .isBetween(
                            LocalDateTime.parse("2026-11-12T08:30"),
                            LocalDateTime.parse("2026-11-12T10:00"));
            // a letter after 11:00: the next morning's scan, 9:00 to 11:00 (within 90 min)
            assertThat(local(r.nextAvailable(Channel.LETTER, at("2026-10-12T12:00"))))
                    .isBetween(
                            LocalDateTime.parse("2026-10-13T09:00"),
                            LocalDateTime.parse("2026-10-13T10:30"));
        }
    }

    @Test
    void aTurnedAwayCallerComesBackSixTimesInTenAQuarterOfThemByAnotherChannel() {
        Repeats r = new Repeats(OPTIONS, new Draws(2));
        int n = 40_000;
        int back = 0;
        Map<Channel, Integer> channels = new EnumMap<>(Channel.class);
        long t = at("2026-10-12T10:00");
        for (int i = 0; i < n; i++) {
            Arrival a = r.afterDiversion(contact(Channel.PHONE, 1), t);
            if (a == null) {
                continue;
            }
            back++;
            channels.merge(a.channel(), 1, Integer::sum);
            assertThat(a.attempt()).isEqualTo(2);
            assertThat(a.intent()).isEqualTo(Intent.REPAIR);
            assertThat(a.person()).isEqualTo(42);
            assertThat(a.at().toEpochMilli()).isGreaterThanOrEqualTo(t + 30_000);
        }
        assertThat((double) back / n).isCloseTo(0.6, within(4 * Math.sqrt(0.24 / n)));
        // 75 % phone again; 25 % another channel, weighted email 2, portal 2, chat 1
        Map<Channel, Double> expected =
                Map.of(
                        Channel.PHONE,
                        0.75,
                        Channel.EMAIL,
                        0.1,
                        Channel.PORTAL,
                        0.1,
                        Channel.CHAT,
                        0.05);
        for (Map.Entry<Channel, Double> e : expected.entrySet()) {
            double p = e.getValue();
            assertThat((double) channels.getOrDefault(e.getKey(), 0) / back)
                    .as(e.getKey().name())
                    .isCloseTo(p, within(4 * Math.sqrt(p * (1 - p) / back)));
        }
        assertThat(channels).doesNotContainKey(Channel.LETTER);
    }

    @Test
    void aRequestGivesAtMostMaxAttemptsContacts() {
        Repeats r = new Repeats(OPTIONS, new Draws(3));
        long t = at("2026-10-12T10:00");
        for (int i = 0; i < 1_000; i++) {
            assertThat(r.afterAbandon(contact(Channel.PHONE, OPTIONS.maxAttempts()), t)).isNull();
            assertThat(r.afterDiversion(contact(Channel.PHONE, OPTIONS.maxAttempts()), t)).isNull();
            assertThat(r.afterAnswer(contact(Channel.EMAIL, OPTIONS.maxAttempts()), t)).isNull();
        }
    }

    @Test
    void onlyASlowHandoffBringsAFollowUpBetweenADayLaterAndItsClosing() {
        Repeats r = new Repeats(OPTIONS, new Draws(4));
        long t = at("2026-10-12T10:00");
        long day = 24 * 3_600_000L;
        int n = 20_000;
        int followUps = 0;
        for (int i = 0; i < n; i++) {
            assertThat(r.afterHandoff(contact(Channel.EMAIL, 1), t, 3 * day)).isNull();
            Arrival a = r.afterHandoff(contact(Channel.EMAIL, 1), t, 5 * day);
            if (a != null) {
                followUps++;
                if (a.channel() == Channel.EMAIL) {
                    assertThat(a.at().toEpochMilli()).isBetween(t + day, t + 5 * day);
                }
            }
        }
        assertThat((double) followUps / n).isCloseTo(0.25, within(4 * Math.sqrt(0.1875 / n)));
    }
}
