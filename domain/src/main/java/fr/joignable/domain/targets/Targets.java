package fr.joignable.domain.targets;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.config.ServiceLevelTarget;
import fr.joignable.domain.event.Channel;

/**
 * The targets of a centre, one {@link Band} per figure, shared by the monthly report and the
 * wallboard (documented in {@code docs/report.md} and {@code docs/wallboard.md}). The defaults
 * ({@link #DEFAULTS}):
 *
 * <ul>
 *   <li>service level: green ≥ 0.80, amber ≥ 0.70 (the phone's {@code service_level: P/T} of {@code
 *       joignable.yaml} makes P the green bound, amber 10 points below);
 *   <li>answer rate: green ≥ 0.90, amber ≥ 0.80;
 *   <li>abandon rate: green ≤ 0.05, amber ≤ 0.10;
 *   <li>occupancy: green 0.70–0.85, amber 0.60–0.90 (under-used agents below, burn-out above);
 *   <li>duplicate rate: green ≤ 0.10, amber ≤ 0.20; duplicates after an abandon: green ≤ 0.30,
 *       amber ≤ 0.50;
 *   <li>longest current wait: green ≤ 20 s, amber ≤ 60 s (T and 3 × T of the phone's target);
 *   <li>average speed of answer: green ≤ 30 s, amber ≤ 60 s; handle time: green ≤ 420 s, amber ≤
 *       540 s.
 * </ul>
 */
public record Targets(
        Band serviceLevel,
        Band answerRate,
        Band abandonRate,
        Band occupancy,
        Band duplicateRate,
        Band duplicatesAfterAbandon,
        Band longestWaitS,
        Band speedOfAnswerS,
        Band handleTimeS) {

    public static final Targets DEFAULTS =
            new Targets(
                    Band.atLeast(0.80, 0.70),
                    Band.atLeast(0.90, 0.80),
                    Band.atMost(0.05, 0.10),
                    Band.within(0.60, 0.70, 0.85, 0.90),
                    Band.atMost(0.10, 0.20),
                    Band.atMost(0.30, 0.50),
                    Band.atMost(20, 60),
                    Band.atMost(30, 60),
                    Band.atMost(420, 540));

    /** The targets of the centre's configuration: the phone's service-level target. */
    public static Targets from(JoignableConfig config) {
        return config.serviceLevelTarget(Channel.PHONE).map(DEFAULTS::withPhone).orElse(DEFAULTS);
    }

    /**
     * The service-level band of a target P/T: green from P, amber down to P − 10 points (80/20:
     * green ≥ 0.80, amber ≥ 0.70).
     */
    public static Band serviceLevelBand(ServiceLevelTarget target) {
        return Band.atLeast(target.fraction(), Math.max(0, target.percent() - 10) / 100.0);
    }

    /** These targets with the service level and longest-wait bounds of a phone target P/T. */
    public Targets withPhone(ServiceLevelTarget phone) {
        double t = phone.thresholdSeconds();
        return new Targets(
                serviceLevelBand(phone),
                answerRate,
                abandonRate,
                occupancy,
                duplicateRate,
                duplicatesAfterAbandon,
                Band.atMost(t, 3 * t),
                speedOfAnswerS,
                handleTimeS);
    }
}
