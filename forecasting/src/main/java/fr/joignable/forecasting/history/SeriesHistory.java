package fr.joignable.forecasting.history;

import java.util.Arrays;

/**
 * The interval history of one series on the grid of its {@link History}: per 15-minute interval the
 * contacts offered, the contacts handled and their total handle time in seconds. An interval
 * without a row is zero in each array.
 */
public record SeriesHistory(double[] offered, double[] handled, double[] handleSeconds) {

    /** The first {@code n} intervals. */
    public SeriesHistory head(int n) {
        return new SeriesHistory(
                Arrays.copyOf(offered, n),
                Arrays.copyOf(handled, n),
                Arrays.copyOf(handleSeconds, n));
    }
}
