package org.deceptron.bench;

import java.util.function.UnaryOperator;

import org.deceptron.dipg.spi.Deceptron;

/**
 * The scenarios of the stress suite ({@code dipg bench --stress}): each says how the data of a nominal instance are
 * changed (noise, prior), which tolerance the problem gets and which Deceptron D-IPG is given. Hipparchus LM always
 * solves the same problem as D-IPG; only D-IPG's model changes.
 * <p>
 * Every scenario starts from the same nominal instances, drawn by the family's protocol with the bench's seeding
 * rule ({@link BenchRunner#random(long, String, int)}, stream 0): x_true from the prior and y* = F(x_true) + e
 * with e ~ N(0, sigma^2). A scenario keeps the draws and rescales them: {@code y* = F(x') + noiseFactor * e}, with
 * {@code x' = clip(mu + priorFactor * (x_true - mu))}. Residuals are always weighted by the family's own
 * sigma, so a scenario with {@code noiseFactor} 5 has a true-parameter residual RMS of about 5.
 * </p>
 */
public enum StressScenario {

    /** Reference: the nominal instances, the family's tolerance and its +JCP Deceptron (the normal bench). */
    NOMINAL("nominal", 1.0, 1.0, 1.0, false, null),

    /**
     * Noise x5: y* = F(x_true) + 5 e, the problem at the family's tolerance. The true parameters score a residual RMS
     * of about 5, so the tolerance (1.5) is reachable only by over-fitting the noise: success is reaching the
     * problem's tolerance (the x-RMSE bound of the family is not applied). Tests that a solver fails gracefully
     * (or over-fits as well as LM) when the data are worse than the model was trained for.
     */
    NOISE_X5("noise-x5", 5.0, 1.0, 1.0, true, null),

    /**
     * Noise x5 with a tolerance x5: the same data as {@link #NOISE_X5}, the problem's tolerance five times the
     * family's (7.5 for the default 1.5), so that the noise floor (about 5) is reachable without over-fitting.
     * Success is reaching that tolerance.
     */
    NOISE_X5_TOLERANCE_X5("noise-x5-tol-x5", 5.0, 5.0, 1.0, true, null),

    /**
     * Prior x1.5: x_true's deviation from the prior mean mu scaled by 1.5 and clipped to the box,
     * x' = clip(mu + 1.5 (x_true - mu)), then y* = F(x') + e (the nominal noise). mu is estimated from the prior
     * itself ({@link StressRunner#PRIOR_MEAN_SAMPLES} draws of the family's protocol, stream 2 of the seeding
     * rule). The unknowns leave the training distribution; success is the family protocol's criterion against
     * x'.
     */
    PRIOR_X1_5("prior-x1.5", 1.0, 1.0, 1.5, false, null),

    /**
     * A NaN-producing model: the family's Deceptron wrapped so that its session's reverse map (inverse and its
     * JVP) outputs NaN, with the same family id, fingerprint and sizes, so the registry accepts it
     * ({@link StressModels#nanInverse(Deceptron)}). Nominal data. A hostile (corrupted) model must not make D-IPG
     * worse than LM.
     */
    NAN_MODEL("nan-model", 1.0, 1.0, 1.0, false, StressModels::nanInverse),

    /**
     * A model for a changed constant: the family's Deceptron with another fingerprint, as if it had been trained
     * before one of the family's constants changed ({@link StressModels#changedFingerprint(Deceptron)}). The registry
     * refuses it (the optimum's Deceptron status names the fingerprint mismatch), so D-IPG runs as LM: same
     * successes, same Jacobians, no learned step. Nominal data.
     */
    CHANGED_CONSTANT("changed-constant", 1.0, 1.0, 1.0, false, StressModels::changedFingerprint);

    /** Name in the results. */
    private final String label;

    /** Factor applied to the nominal noise draw. */
    private final double noiseFactor;

    /** Factor applied to the family's tolerance. */
    private final double toleranceFactor;

    /** Factor applied to x_true's deviation from the prior mean. */
    private final double priorFactor;

    /** Whether success is the residual tolerance alone. */
    private final boolean residualSuccess;

    /** The Deceptron D-IPG is given, from the family's +JCP model; null for the +JCP model itself. */
    private final UnaryOperator<Deceptron> model;

    /**
     * Creates a scenario.
     * @param label name in the results
     * @param noiseFactor factor on the nominal noise draw
     * @param toleranceFactor factor on the family's tolerance
     * @param priorFactor factor on x_true's deviation from the prior mean
     * @param residualSuccess whether success is reaching the problem's tolerance alone
     * @param model the Deceptron D-IPG is given, from the +JCP model; null for the +JCP model itself
     */
    StressScenario(final String label, final double noiseFactor, final double toleranceFactor,
                   final double priorFactor, final boolean residualSuccess, final UnaryOperator<Deceptron> model) {
        this.label = label;
        this.noiseFactor = noiseFactor;
        this.toleranceFactor = toleranceFactor;
        this.priorFactor = priorFactor;
        this.residualSuccess = residualSuccess;
        this.model = model;
    }

    /**
     * Returns the name used in the results.
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Returns the factor applied to the nominal noise draw (y* = F(x') + factor * e).
     * @return the noise factor
     */
    public double noiseFactor() {
        return noiseFactor;
    }

    /**
     * Returns the factor applied to the family's tolerance.
     * @return the tolerance factor
     */
    public double toleranceFactor() {
        return toleranceFactor;
    }

    /**
     * Returns the factor applied to x_true's deviation from the prior mean (before clipping to the box).
     * @return the prior factor
     */
    public double priorFactor() {
        return priorFactor;
    }

    /**
     * Tells whether success is reaching the problem's tolerance alone (the noise scenarios), rather than the
     * family protocol's criterion.
     * @return true for the noise scenarios
     */
    public boolean residualSuccess() {
        return residualSuccess;
    }

    /**
     * Tells whether the scenario changes the nominal data.
     * @return true when the noise or the prior is rescaled
     */
    public boolean changesData() {
        return noiseFactor != 1.0 || priorFactor != 1.0;
    }

    /**
     * Returns the Deceptron D-IPG is given in this scenario.
     * @param jcp the family's +JCP Deceptron
     * @return it, or its wrapped form
     */
    public Deceptron deceptron(final Deceptron jcp) {
        return model == null ? jcp : model.apply(jcp);
    }

    /**
     * Tells whether D-IPG is given a wrapped (hostile) Deceptron rather than the family's +JCP model.
     * @return true for the model scenarios
     */
    public boolean wrapsModel() {
        return model != null;
    }
}
