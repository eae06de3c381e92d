package org.deceptron.trainer;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;

import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * Training and validation data drawn from a family: x from the prior, clean y = F(x) (noise is the benchmark's
 * business), z-scored with statistics of the training split. Deterministic for a seed: the prior samples are
 * drawn sequentially from one generator; only the forward solves run in parallel.
 */
public final class TrainingData {

    /** Raw training unknowns. */
    public final double[][] xTrainRaw;
    /** Raw training observations. */
    public final double[][] yTrainRaw;
    /** Raw validation unknowns. */
    public final double[][] xValRaw;
    /** Raw validation observations. */
    public final double[][] yValRaw;
    /** Normalised training unknowns. */
    public final double[][] xTrain;
    /** Normalised training observations. */
    public final double[][] yTrain;
    /** Normalised validation unknowns. */
    public final double[][] xVal;
    /** Normalised validation observations. */
    public final double[][] yVal;
    /** Per-component mean of x. */
    public final double[] xMean;
    /** Per-component std of x. */
    public final double[] xStd;
    /** Per-component mean of y. */
    public final double[] yMean;
    /** Per-component std of y. */
    public final double[] yStd;
    /** Seconds spent generating. */
    public final double seconds;

    private TrainingData(final double[][] xt, final double[][] yt, final double[][] xv, final double[][] yv,
                         final NormMode xMode, final NormMode yMode, final double seconds) {
        this.xTrainRaw = xt;
        this.yTrainRaw = yt;
        this.xValRaw = xv;
        this.yValRaw = yv;
        final double[][] xs = stats(xt, xMode);
        final double[][] ys = stats(yt, yMode);
        this.xMean = xs[0];
        this.xStd = xs[1];
        this.yMean = ys[0];
        this.yStd = ys[1];
        this.xTrain = normalise(xt, xMean, xStd);
        this.yTrain = normalise(yt, yMean, yStd);
        this.xVal = normalise(xv, xMean, xStd);
        this.yVal = normalise(yv, yMean, yStd);
        this.seconds = seconds;
    }

    /**
     * Generates the data of a training run: the options' sample counts, seed, normalisations and threads.
     * @param family the family
     * @param options the options
     * @return the data
     */
    public static TrainingData generate(final ForwardFamily family, final TrainingOptions options) {
        final DataSettings d = options.data();
        return generate(family, d.samples(), d.validationSamples(), options.seed(), options.networks().xNorm(),
                        options.networks().yNorm(), d.threads());
    }

    /**
     * Generates data from a family.
     * @param family the family
     * @param nTrain training samples
     * @param nVal validation samples
     * @param seed seed of the prior sampler
     * @param xMode normalisation of x
     * @param yMode normalisation of y
     * @param threads threads for the forward solves
     * @return the data
     */
    public static TrainingData generate(final ForwardFamily family, final int nTrain, final int nVal, final long seed,
                                        final NormMode xMode, final NormMode yMode, final int threads) {
        final long t0 = System.nanoTime();
        final RandomGenerator random = new Well19937c(seed);
        final int total = nTrain + nVal;
        final double[][] x = new double[total][];
        for (int i = 0; i < total; i++) {
            x[i] = family.protocol().samplePrior(random);
        }
        final double[][] y = solveAll(family, x, threads);
        final double[][] xt = new double[nTrain][];
        final double[][] yt = new double[nTrain][];
        final double[][] xv = new double[nVal][];
        final double[][] yv = new double[nVal][];
        System.arraycopy(x, 0, xt, 0, nTrain);
        System.arraycopy(y, 0, yt, 0, nTrain);
        System.arraycopy(x, nTrain, xv, 0, nVal);
        System.arraycopy(y, nTrain, yv, 0, nVal);
        return new TrainingData(xt, yt, xv, yv, xMode, yMode, (System.nanoTime() - t0) * 1e-9);
    }

    /**
     * Builds data from given samples (tests).
     * @param xt training x
     * @param yt training y
     * @param xv validation x
     * @param yv validation y
     * @param xMode normalisation of x
     * @param yMode normalisation of y
     * @return the data
     */
    public static TrainingData of(final double[][] xt, final double[][] yt, final double[][] xv, final double[][] yv,
                                  final NormMode xMode, final NormMode yMode) {
        return new TrainingData(xt, yt, xv, yv, xMode, yMode, 0);
    }

    private static double[][] solveAll(final ForwardFamily family, final double[][] x, final int threads) {
        final double[][] y = new double[x.length][];
        if (threads <= 1) {
            for (int i = 0; i < x.length; i++) {
                y[i] = family.model().value(x[i]);
            }
            return y;
        }
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            final List<Future<?>> jobs = new ArrayList<>();
            final int chunk = (x.length + threads - 1) / threads;
            for (int t = 0; t < threads; t++) {
                final int lo = t * chunk;
                final int hi = Math.min(x.length, lo + chunk);
                jobs.add(pool.submit(() -> {
                    for (int i = lo; i < hi; i++) {
                        y[i] = family.model().value(x[i]);
                    }
                }));
            }
            for (final Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while generating data", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("forward solve failed while generating data: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return y;
    }

    private static double[][] stats(final double[][] data, final NormMode mode) {
        final int d = data[0].length;
        final double[] mean = new double[d];
        final double[] std = new double[d];
        if (mode == NormMode.NONE) {
            java.util.Arrays.fill(std, 1.0);
            return new double[][] {mean, std};
        }
        double gm = 0;
        for (final double[] row : data) {
            for (int j = 0; j < d; j++) {
                mean[j] += row[j];
                gm += row[j];
            }
        }
        gm /= (double) data.length * d;
        for (int j = 0; j < d; j++) {
            mean[j] /= data.length;
        }
        double gv = 0;
        for (final double[] row : data) {
            for (int j = 0; j < d; j++) {
                final double e = row[j] - mean[j];
                std[j] += e * e;
                final double g = row[j] - gm;
                gv += g * g;
            }
        }
        final double gs = Math.max(Math.sqrt(gv / ((double) data.length * d)), 1e-12);
        if (mode == NormMode.GLOBAL) {
            java.util.Arrays.fill(mean, gm);
            java.util.Arrays.fill(std, gs);
        } else {
            for (int j = 0; j < d; j++) {
                std[j] = Math.max(Math.sqrt(std[j] / data.length), 0.05 * gs);
            }
        }
        return new double[][] {mean, std};
    }

    private static double[][] normalise(final double[][] data, final double[] mean, final double[] std) {
        final double[][] out = new double[data.length][];
        for (int i = 0; i < data.length; i++) {
            final double[] r = new double[mean.length];
            for (int j = 0; j < r.length; j++) {
                r[j] = (data[i][j] - mean[j]) / std[j];
            }
            out[i] = r;
        }
        return out;
    }

    /**
     * Returns the number of unknowns.
     * @return n
     */
    public int n() {
        return xMean.length;
    }

    /**
     * Returns the number of observations.
     * @return m
     */
    public int m() {
        return yMean.length;
    }
}
