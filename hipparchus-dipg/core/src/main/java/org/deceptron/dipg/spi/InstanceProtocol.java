package org.deceptron.dipg.spi;

import org.hipparchus.random.RandomGenerator;

/**
 * How instances of a {@link ForwardModel} are drawn and judged: the prior the unknowns come from, the observation
 * noise, the stopping tolerance, the success criterion and the common start. Training draws its data through it;
 * the benchmark, the command line and the tests draw their instances through
 * {@link ForwardFamily#drawInstance(RandomGenerator)}.
 * <p>Implementations are immutable and thread safe; returned arrays are new.</p>
 */
public interface InstanceProtocol {

    /**
     * Default stopping tolerance on the normalised residual RMS: about 1.5x what the true unknowns score on noisy
     * data (their RMS is about 1 by construction of the 1/noise weights).
     */
    double DEFAULT_TOLERANCE = 1.5;

    /**
     * Draws unknowns from the prior (training and test instances).
     * @param random the random source
     * @return a new sample of length n, inside the model's box
     */
    double[] samplePrior(RandomGenerator random);

    /**
     * Returns the standard deviation of the additive Gaussian observation noise.
     * Problems weight residuals by 1/noise, so a normalised residual RMS of about 1 is the noise floor.
     * @return sigma_y &gt; 0
     */
    double noiseLevel();

    /**
     * Returns the stopping tolerance on the normalised residual RMS.
     * @return the tolerance &gt; 0; {@link #DEFAULT_TOLERANCE} unless overridden
     */
    default double tolerance() {
        return DEFAULT_TOLERANCE;
    }

    /**
     * Returns the bound on the RMS error of the recovered unknowns that a successful solve must also meet, for
     * models whose success is defined in x (e.g. Allen-Cahn: 0.10), or NaN when success is defined by the
     * residual tolerance alone.
     * @return the x-RMSE bound, or NaN (the default)
     */
    default double successXRmse() {
        return Double.NaN;
    }

    /**
     * Tells whether a solve succeeded: its normalised residual RMS reached {@link #tolerance()} and, where
     * {@link #successXRmse()} is set, its x-RMSE is within that bound.
     * @param rms the normalised residual RMS of the solution
     * @param xRmse the RMS error of the solution against the true unknowns (ignored when no x bound is set)
     * @return true on success
     */
    default boolean isSuccess(final double rms, final double xRmse) {
        final double bound = successXRmse();
        return rms <= tolerance() && (Double.isNaN(bound) || xRmse <= bound);
    }

    /**
     * Returns the common start used for every method (e.g. zero or the box midpoint).
     * @return a new array of length n, inside the model's box
     */
    double[] defaultStart();
}
