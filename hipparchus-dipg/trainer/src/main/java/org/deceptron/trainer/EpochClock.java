package org.deceptron.trainer;

import java.util.Arrays;

/** Wall times of a stage and of its epochs. */
final class EpochClock {

    /** Start of the stage. */
    private final long start = System.nanoTime();
    /** Seconds of each epoch. */
    private final double[] times;
    /** Start of the current epoch. */
    private long epochStart;

    /**
     * Starts the clock of a stage.
     * @param epochs epochs of the stage
     */
    EpochClock(final int epochs) {
        this.times = new double[epochs];
    }

    /** Marks the start of an epoch. */
    void startEpoch() {
        epochStart = System.nanoTime();
    }

    /**
     * Marks the end of an epoch.
     * @param epoch the epoch, 1-based
     */
    void endEpoch(final int epoch) {
        times[epoch - 1] = (System.nanoTime() - epochStart) * 1e-9;
    }

    /**
     * Returns the seconds since the stage started.
     * @return seconds
     */
    double elapsed() {
        return (System.nanoTime() - start) * 1e-9;
    }

    /**
     * Returns the median epoch time without the first epoch (graph warm-up); the first one when it is alone.
     * @return seconds, NaN without epochs
     */
    double medianEpoch() {
        if (times.length > 1) {
            final double[] rest = Arrays.copyOfRange(times, 1, times.length);
            Arrays.sort(rest);
            return rest[rest.length / 2];
        }
        return times.length == 1 ? times[0] : Double.NaN;
    }

    /**
     * Returns the time of the first epoch.
     * @return seconds, NaN without epochs
     */
    double firstEpoch() {
        return times.length > 0 ? times[0] : Double.NaN;
    }
}
