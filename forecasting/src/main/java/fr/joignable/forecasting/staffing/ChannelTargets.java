package fr.joignable.forecasting.staffing;

/**
 * The staffing targets of one queue on one channel, with every value resolved. Fields that do not
 * apply are NaN: {@code patienceSeconds} when no abandonment is modelled (Erlang C), the
 * service-level fields for deferred channels. {@code responseTargetSeconds} applies to deferred
 * channels.
 */
public record ChannelTargets(
        double serviceLevelPercent,
        double thresholdSeconds,
        double maxAsaSeconds,
        double maxOccupancy,
        double shrinkage,
        double patienceSeconds,
        double responseTargetSeconds) {

    public ChannelTargets {
        if (!(maxOccupancy > 0 && maxOccupancy <= 1)) {
            throw new IllegalArgumentException("max_occupancy must be in (0, 1]");
        }
        if (!(shrinkage >= 0 && shrinkage < 1)) {
            throw new IllegalArgumentException("shrinkage must be in [0, 1)");
        }
        if (!Double.isNaN(patienceSeconds) && !(patienceSeconds > 0)) {
            throw new IllegalArgumentException("patience must be > 0");
        }
        if (!(responseTargetSeconds > 0)) {
            throw new IllegalArgumentException("response_target must be > 0");
        }
    }

    /** The live-queue targets: service level, ASA when set, maximum occupancy. */
    public StaffingTargets liveTargets() {
        StaffingTargets t =
                StaffingTargets.none()
                        .withServiceLevel(serviceLevelPercent, thresholdSeconds)
                        .withMaxOccupancy(maxOccupancy);
        return Double.isNaN(maxAsaSeconds) ? t : t.withMaxAsa(maxAsaSeconds);
    }

    /** The live-queue model for a traffic and handle time: Erlang A when a patience is set. */
    public QueueModel model(double traffic, double ahtSeconds) {
        return Double.isNaN(patienceSeconds)
                ? ErlangC.of(traffic, ahtSeconds)
                : ErlangA.of(traffic, ahtSeconds, patienceSeconds);
    }
}
