package fr.joignable.sim;

import static fr.joignable.sim.Millis.DAY;
import static fr.joignable.sim.Millis.HOUR;
import static fr.joignable.sim.Millis.MINUTE;
import static fr.joignable.sim.Millis.SECOND;

import fr.joignable.domain.event.Channel;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;

/**
 * When a tenant comes back with the same request, and by which channel.
 *
 * <p>Model (delays from the end of the previous contact: its abandon, diversion or wrap-up end):
 *
 * <ul>
 *   <li>after an <b>abandon</b>, with probability {@link
 *       SimulatorOptions#repeatAfterAbandonShare()}: 80 % lognormal (median 10 min, σ 1), else
 *       uniform 1 to 3 days later; at least 30 s;
 *   <li>after being <b>turned away</b> by the switchboard, with the same probability: lognormal
 *       (median 30 min, σ 1), at least 30 s;
 *   <li>after a <b>slow handoff</b> (closed more than 3 days later), with probability 25 %: uniform
 *       between a day later and the closing;
 *   <li>after an <b>unresolved</b> answer (not handed off), with probability {@link
 *       SimulatorOptions#unresolvedShare()}: lognormal (median 30 h, σ 0.7) capped at 6 days, at
 *       least 1 h.
 * </ul>
 *
 * A request gives at most {@link SimulatorOptions#maxAttempts()} contacts. A repeat uses another
 * channel with probability {@link SimulatorOptions#otherChannelRepeatShare()} (phone 5, email 2,
 * portal 2, chat 1, among the other ones), and is moved to when its channel can take it: a live
 * channel's opening hours, letters' 9:00–11:00 of a working day — early the same day, or in the
 * first 90 minutes (uniform) of the next such window.
 */
final class Repeats {

    private static final Channel[] REPEAT_CHANNELS = {
        Channel.PHONE, Channel.EMAIL, Channel.PORTAL, Channel.CHAT
    };
    private static final double[] REPEAT_WEIGHTS = {5, 2, 2, 1};
    private static final LocalTime LETTERS_FROM = LocalTime.of(9, 0);
    private static final LocalTime LETTERS_TO = LocalTime.of(11, 0);

    private final SimulatorOptions options;
    private final Draws draws;

    Repeats(SimulatorOptions options, Draws draws) {
        this.options = options;
        this.draws = draws;
    }

    /** The repeat of {@code c} abandoned at {@code t}, or null. */
    Arrival afterAbandon(Contact c, long t) {
        if (!draws.chance(options.repeatAfterAbandonShare())) {
            return null;
        }
        long delay =
                draws.chance(0.8)
                        ? (long) draws.lognormal(10 * MINUTE, 1.0)
                        : DAY + (long) (draws.uniform() * 2 * DAY);
        return next(c, t + Math.max(30 * SECOND, delay));
    }

    /** The repeat of {@code c} turned away at {@code t}, or null. */
    Arrival afterDiversion(Contact c, long t) {
        if (!draws.chance(options.repeatAfterAbandonShare())) {
            return null;
        }
        return next(c, t + Math.max(30 * SECOND, (long) draws.lognormal(30 * MINUTE, 1.0)));
    }

    /** The follow-up of {@code c} handed off at {@code t} and closed {@code closing} ms later. */
    Arrival afterHandoff(Contact c, long t, long closing) {
        if (closing > 3 * DAY && draws.chance(0.25)) {
            return next(c, t + DAY + (long) (draws.uniform() * (closing - DAY)));
        }
        return null;
    }

    /** The repeat of {@code c}, answered, not handed off, ended at {@code t}; or null. */
    Arrival afterAnswer(Contact c, long t) {
        if (!draws.chance(options.unresolvedShare())) {
            return null;
        }
        long delay = (long) Math.min(6 * DAY, draws.lognormal(30 * HOUR, 0.7));
        return next(c, t + Math.max(HOUR, delay));
    }

    private Arrival next(Contact c, long at) {
        if (c.attempt >= options.maxAttempts()) {
            return null;
        }
        Channel channel = c.channel;
        if (draws.chance(options.otherChannelRepeatShare())) {
            channel = otherChannel(c.channel);
        }
        return new Arrival(
                Instant.ofEpochMilli(nextAvailable(channel, at)),
                channel,
                c.intent,
                c.person,
                c.attempt + 1);
    }

    private Channel otherChannel(Channel from) {
        double sum = 0;
        for (int i = 0; i < REPEAT_CHANNELS.length; i++) {
            sum += REPEAT_CHANNELS[i] == from ? 0 : REPEAT_WEIGHTS[i];
        }
        double u = draws.uniform() * sum;
        for (int i = 0; i < REPEAT_CHANNELS.length; i++) {
            if (REPEAT_CHANNELS[i] == from) {
                continue;
            }
            u -= REPEAT_WEIGHTS[i];
            if (u < 0) {
                return REPEAT_CHANNELS[i];
            }
        }
        return Channel.PHONE;
    }

    /** The first time at or after {@code t} when a contact can arrive on the channel. */
    long nextAvailable(Channel channel, long t) {
        if (!channel.isLive() && channel != Channel.LETTER) {
            return t;
        }
        LocalTime from = channel == Channel.LETTER ? LETTERS_FROM : options.opens();
        LocalTime to = channel == Channel.LETTER ? LETTERS_TO : options.closes();
        ZonedDateTime z = Instant.ofEpochMilli(t).atZone(options.zone());
        LocalDate date = z.toLocalDate();
        if (ContactModel.isWorkingDay(date)) {
            long open = CentreDay.millis(date, from, options.zone());
            long close = CentreDay.millis(date, to, options.zone());
            if (t >= open && t < close) {
                return t;
            }
            if (t < open) {
                return open + (long) (draws.uniform() * Math.min(90 * MINUTE, close - open));
            }
        }
        do {
            date = date.plusDays(1);
        } while (!ContactModel.isWorkingDay(date));
        long open = CentreDay.millis(date, from, options.zone());
        long close = CentreDay.millis(date, to, options.zone());
        return open + (long) (draws.uniform() * Math.min(90 * MINUTE, close - open));
    }
}
