package org.deceptron.bench;

import java.util.Arrays;

/** Small statistics helpers (medians, means and percentiles of samples). */
public final class Stats {

    /** Utility class. */
    private Stats() {
    }

    /**
     * Returns the median.
     * @param values the sample (not modified)
     * @return the median, NaN for an empty sample
     */
    public static double median(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] s = values.clone();
        Arrays.sort(s);
        final int h = s.length / 2;
        return s.length % 2 == 1 ? s[h] : 0.5 * (s[h - 1] + s[h]);
    }

    /**
     * Returns a percentile, linearly interpolated between order statistics (the sample at rank p (k - 1), counting
     * from 0: numpy's default rule).
     * @param values the sample (not modified)
     * @param p the fraction, in [0, 1] (0.9 for the 90th percentile)
     * @return the percentile, NaN for an empty sample
     * @throws IllegalArgumentException when p is outside [0, 1]
     */
    public static double percentile(final double[] values, final double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("percentile fraction must be in [0, 1], got " + p);
        }
        if (values.length == 0) {
            return Double.NaN;
        }
        final double[] s = values.clone();
        Arrays.sort(s);
        final double rank = p * (s.length - 1);
        final int lo = (int) Math.floor(rank);
        final int hi = Math.min(lo + 1, s.length - 1);
        return s[lo] + (rank - lo) * (s[hi] - s[lo]);
    }

    /**
     * Returns the mean.
     * @param values the sample
     * @return the mean, NaN for an empty sample
     */
    public static double mean(final double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double s = 0;
        for (final double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /**
     * Returns the RMS difference of two vectors.
     * @param a first
     * @param b second
     * @return sqrt(mean((a-b)^2))
     */
    public static double rmse(final double[] a, final double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            final double d = a[i] - b[i];
            s += d * d;
        }
        return Math.sqrt(s / a.length);
    }
}
