package fr.joignable.reporting;

import fr.joignable.domain.config.JoignableConfig;
import fr.joignable.domain.event.Channel;
import fr.joignable.domain.kpi.ChannelThresholds;
import fr.joignable.domain.targets.Band;
import fr.joignable.domain.targets.Targets;
import fr.joignable.reporting.ReportModel.Status;

/**
 * What the report measures against: the one targets model of {@code domain} ({@link Targets}, with
 * its status rule {@link Band}, shared with the wallboard) and the service-level thresholds the
 * tiles name ("within 20 s"). Both come from {@code joignable.yaml}, so a phone target of 90/30
 * colours the report as it does the wallboard and names the 30 s the KPI job measured against.
 *
 * @param bands green/amber/red bounds of every KPI (the service level's: the phone's target)
 * @param chatServiceLevel the chat's service-level bounds, from its own target P/T
 * @param phoneThreshold the phone's threshold as shown, e.g. {@code 20 s}
 * @param chatThreshold the chat's, e.g. {@code 60 s}
 * @param writtenThreshold the written channels' response target, e.g. {@code 48 h} (e-mail's when
 *     e-mail, letter and portal differ)
 */
public record ReportTargets(
        Targets bands,
        Band chatServiceLevel,
        String phoneThreshold,
        String chatThreshold,
        String writtenThreshold) {

    /** The built-in targets ({@code docs/report.md}): phone 80/20, chat 80/60, written 48 h. */
    public static final ReportTargets DEFAULTS = from(JoignableConfig.defaults());

    /** The targets and thresholds of a centre's configuration. */
    public static ReportTargets from(JoignableConfig config) {
        ChannelThresholds thresholds = config.thresholds();
        String email = shown(thresholds.of("", Channel.EMAIL).serviceLevelMillis());
        Band chat =
                config.serviceLevelTarget(Channel.CHAT)
                        .map(Targets::serviceLevelBand)
                        .orElse(Targets.DEFAULTS.serviceLevel());
        return new ReportTargets(
                Targets.from(config),
                chat,
                shown(thresholds.of("", Channel.PHONE).serviceLevelMillis()),
                shown(thresholds.of("", Channel.CHAT).serviceLevelMillis()),
                email);
    }

    /**
     * A threshold as a planner writes it: {@code 20 s}, {@code 120 s}, {@code 90 min}, {@code 48 h}
     * (seconds below an hour, as the KPI definitions write them).
     */
    static String shown(long millis) {
        long s = millis / 1000;
        if (millis % 1000 != 0) {
            return millis + " ms";
        }
        if (s >= 3600 && s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s >= 3600 && s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    /** The threshold shown for a channel group of the report: PHONE, CHAT or WRITTEN. */
    public String threshold(String channel) {
        return "PHONE".equals(channel)
                ? phoneThreshold
                : "CHAT".equals(channel) ? chatThreshold : writtenThreshold;
    }

    public double answerRateGreen() {
        return bands.answerRate().greenLow();
    }

    public double answerRateAmber() {
        return bands.answerRate().amberLow();
    }

    public double slGreen() {
        return bands.serviceLevel().greenLow();
    }

    public double slAmber() {
        return bands.serviceLevel().amberLow();
    }

    /**
     * The service-level band a channel group of the report is judged by: the phone's and the chat's
     * own targets; the written channels, which have a response target but no P, the built-in 80 %.
     */
    public Band serviceLevel(String channel) {
        return "PHONE".equals(channel)
                ? bands.serviceLevel()
                : "CHAT".equals(channel) ? chatServiceLevel : Targets.DEFAULTS.serviceLevel();
    }

    public double abandonGreen() {
        return bands.abandonRate().greenHigh();
    }

    public double abandonAmber() {
        return bands.abandonRate().amberHigh();
    }

    public double asaGreenS() {
        return bands.speedOfAnswerS().greenHigh();
    }

    public double asaAmberS() {
        return bands.speedOfAnswerS().amberHigh();
    }

    public double ahtGreenS() {
        return bands.handleTimeS().greenHigh();
    }

    public double ahtAmberS() {
        return bands.handleTimeS().amberHigh();
    }

    public double occGreenLow() {
        return bands.occupancy().greenLow();
    }

    public double occGreenHigh() {
        return bands.occupancy().greenHigh();
    }

    public double dupGreen() {
        return bands.duplicateRate().greenHigh();
    }

    public double dupAmber() {
        return bands.duplicateRate().amberHigh();
    }

    public double afterAbandonGreen() {
        return bands.duplicatesAfterAbandon().greenHigh();
    }

    public double afterAbandonAmber() {
        return bands.duplicatesAfterAbandon().amberHigh();
    }

    public Status occupancy(Double value) {
        return of(bands.occupancy(), value);
    }

    public static Status atLeast(Double value, double green, double amber) {
        return of(Band.atLeast(green, amber), value);
    }

    public static Status atMost(Double value, double green, double amber) {
        return of(Band.atMost(green, amber), value);
    }

    /** The status of {@code value} in {@code band}. */
    public static Status of(Band band, Double value) {
        return Status.valueOf(band.status(value).name());
    }
}
