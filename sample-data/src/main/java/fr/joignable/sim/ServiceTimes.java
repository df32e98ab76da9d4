package fr.joignable.sim;

import static fr.joignable.sim.Millis.HOUR;
import static fr.joignable.sim.Millis.MINUTE;
import static fr.joignable.sim.Millis.SECOND;

import fr.joignable.domain.event.Channel;

/**
 * How long things take.
 *
 * <ul>
 *   <li><b>Talk</b> (or handling) time: lognormal, σ 0.55, median {@link
 *       ContactModel#medianTalkSeconds} of the intent × {@link ContactModel#channelTalkFactor} ×
 *       {@link SimulatorOptions#talkTimeScale()}; clamped to [5 s, 1 h].
 *   <li><b>Wrap-up</b>: lognormal, σ 0.5, median {@link SimulatorOptions#medianWrapUp()} (× 1.5 for
 *       the deferred channels); clamped to [1 s, 20 min].
 *   <li><b>Patience</b> of a live contact: with probability {@link
 *       SimulatorOptions#shortAbandonShare()} a short abandon, uniform in [1 s, 4.9 s); otherwise
 *       exponential of mean {@link SimulatorOptions#meanPatience()} (twice it for chat), at least 1
 *       ms.
 * </ul>
 *
 * Times are in milliseconds.
 */
final class ServiceTimes {

    private final SimulatorOptions options;
    private final Draws draws;

    ServiceTimes(SimulatorOptions options, Draws draws) {
        this.options = options;
        this.draws = draws;
    }

    long talk(Contact c) {
        double median =
                ContactModel.medianTalkSeconds(c.intent)
                        * ContactModel.channelTalkFactor(c.channel)
                        * options.talkTimeScale()
                        * SECOND;
        return (long) Math.min(HOUR, Math.max(5 * SECOND, draws.lognormal(median, 0.55)));
    }

    long wrapUp(Contact c) {
        double median = options.medianWrapUp().toMillis() * (c.channel.isDeferred() ? 1.5 : 1.0);
        return (long) Math.min(20 * MINUTE, Math.max(SECOND, draws.lognormal(median, 0.5)));
    }

    long patience(Channel channel) {
        if (draws.chance(options.shortAbandonShare())) {
            return 1000 + (long) (draws.uniform() * 3900);
        }
        double mean = options.meanPatience().toMillis() * (channel == Channel.CHAT ? 2.0 : 1.0);
        return Math.max(1, (long) draws.exponential(mean));
    }
}
