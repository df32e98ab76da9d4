package fr.joignable.forecasting.staffing;

/**
 * The staffing targets of one queue on one channel, with every value resolved. Fields that do not
 * apply are NaN: {@code patienceSeconds} when no abandonment is modelled (Erlang C), the
 * service-level fields for deferred channels. {@code responseTargetSeconds} and {@code
 * responsePercent} apply to deferred channels, {@code concurrency} and {@code concurrencyGrowth} to
 * chat.
 *
 * @param shrinkage the absence factor {@code staff} applies: scheduled = agents / (1 − absence)
 * @param activities the share of paid time a schedule places in activities (breaks, training), not
 *     applied by {@code staff}
 * @param concurrency contacts an agent handles at once (chat; 1 elsewhere)
 * @param concurrencyGrowth growth {@code g} of one contact's handle time per extra concurrent one:
 *     at concurrency {@code k} a chat lasts {@code aht · (1 + g · (k − 1))}
 */
public record ChannelTargets(
        double serviceLevelPercent,
        double thresholdSeconds,
        double maxAsaSeconds,
        double maxOccupancy,
        double shrinkage,
        double patienceSeconds,
        double responseTargetSeconds,
        double responsePercent,
        double activities,
        int concurrency,
        double concurrencyGrowth) {

    public ChannelTargets {
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("max_occupancy must be in (0, 1]");
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("absence must be in [0, 1)");
        }
        if (!Double.isNaN(patienceSeconds) && !(patienceSeconds > 0)) {
            throw new IllegalArgumentException("patience must be > 0");
        }
        if (!(responseTargetSeconds > 0)) {
            throw new IllegalArgumentException("response_target must be > 0");
        }
        if (!(responsePercent > 0 && responsePercent <= 100)) {
            throw new IllegalArgumentException("response_percent must be in (0, 100]");
        }
        if (concurrency < 1) {
            throw new IllegalArgumentException("chat_concurrency must be >= 1");
        }
    }

    /** Targets as before concurrency and deferred percent existed (tests, single queues). */
    public ChannelTargets(
            double serviceLevelPercent,
            double thresholdSeconds,
            double maxAsaSeconds,
            double maxOccupancy,
            double shrinkage,
            double patienceSeconds,
            double responseTargetSeconds) {
        this(
                serviceLevelPercent,
                thresholdSeconds,
                maxAsaSeconds,
                maxOccupancy,
                shrinkage,
                patienceSeconds,
                responseTargetSeconds,
                100,
                0,
                1,
                0);
    }

    /** The live-queue targets: service level, ASA when set, maximum occupancy. */
    public StaffingTargets liveTargets() {
        StaffingTargets t =
                StaffingTargets.none()
                        .withServiceLevel(serviceLevelPercent, thresholdSeconds)
                        .withMaxOccupancy(maxOccupancy);
        return Double.isNaN(maxAsaSeconds) ? t : t.withMaxAsa(maxAsaSeconds);
    }

    /**
     * Agent time one contact takes, seconds: {@code aht · (1 + g · (k − 1)) / k} with {@code k}
     * contacts at once (an agent's capacity is shared by {@code k} slots), {@code aht} otherwise.
     * The forecast's {@code aht_s} is read as the handle time of a contact handled alone.
     */
    public double agentSecondsPerContact(double ahtSeconds) {
        return ahtSeconds * (1 + concurrencyGrowth * (concurrency - 1)) / concurrency;
    }

    /** Handle time of one contact at the configured concurrency, seconds. */
    public double handleSecondsAtConcurrency(double ahtSeconds) {
        return ahtSeconds * (1 + concurrencyGrowth * (concurrency - 1));
    }

    /** The live-queue model for a traffic and handle time: Erlang A when a patience is set. */
    public QueueModel model(double traffic, double ahtSeconds) {
        return Double.isNaN(patienceSeconds)
                ? ErlangC.of(traffic, ahtSeconds)
                : ErlangA.of(traffic, ahtSeconds, patienceSeconds);
    }
}
