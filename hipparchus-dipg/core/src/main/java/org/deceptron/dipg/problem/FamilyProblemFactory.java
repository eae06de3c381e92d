package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.deceptron.dipg.spi.ModelChecks;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Builds the Hipparchus {@link FamilyProblem} of a forward model for observed data: lazy evaluation (the Jacobian
 * only when asked; by finite differences for a model without derivatives), residuals weighted by 1/noise, box
 * projection through a {@code ParameterValidator}, convergence when the normalised residual RMS reaches the
 * tolerance (a level, not a change: Hipparchus' {@code EvaluationRmsChecker} tests the change).
 */
public final class FamilyProblemFactory {

    /** Default maximal number of evaluations. */
    public static final int DEFAULT_MAX_EVALUATIONS = 2000;

    /** Default maximal number of iterations. */
    public static final int DEFAULT_MAX_ITERATIONS = 500;

    /** Utility class. */
    private FamilyProblemFactory() {
    }

    /**
     * Builds a problem with the family's noise level and tolerance and the default limits.
     * @param family the family
     * @param observed observations y*, length m, finite
     * @param start start point, length n, finite (projected into the box)
     * @return the problem
     * @throws MathIllegalArgumentException on wrong lengths or non-finite data
     */
    public static FamilyProblem create(final ForwardFamily family, final double[] observed, final double[] start) {
        final InstanceProtocol protocol = family.protocol();
        return create(family.model(), protocol.noiseLevel(), observed, start, protocol.tolerance(),
                DEFAULT_MAX_EVALUATIONS, DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Builds a problem from the family's default start, noise level and tolerance and the default limits.
     * @param family the family
     * @param observed observations y*, length m, finite
     * @return the problem
     * @throws MathIllegalArgumentException on a wrong length or non-finite data
     */
    public static FamilyProblem create(final ForwardFamily family, final double[] observed) {
        return create(family, observed, family.protocol().defaultStart());
    }

    /**
     * Builds a problem.
     * @param model the forward model
     * @param noiseLevel the observation noise standard deviation (residuals are weighted by its inverse), &gt; 0
     * @param observed observations y*, length m, finite
     * @param start start point, length n, finite (projected into the box)
     * @param tolerance tolerance on the normalised residual RMS, &gt; 0
     * @param maxEvaluations maximal number of evaluations, &gt; 0
     * @param maxIterations maximal number of iterations, &gt; 0
     * @return the problem
     * @throws MathIllegalArgumentException on wrong lengths, non-finite data or bad settings
     */
    public static FamilyProblem create(final ForwardModel model, final double noiseLevel, final double[] observed,
                                       final double[] start, final double tolerance, final int maxEvaluations,
                                       final int maxIterations) {
        ModelChecks.checkFinite("observed", observed, model.observationSize());
        ModelChecks.checkFinite("start", start, model.parameterSize());
        RmsLevelChecker.checkTolerance(tolerance);
        if (!(noiseLevel > 0) || Double.isInfinite(noiseLevel)) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "noise level", noiseLevel,
                    "> 0, finite");
        }
        if (maxEvaluations <= 0 || maxIterations <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "limits",
                    maxEvaluations + "/" + maxIterations, "> 0");
        }
        return new FamilyLeastSquaresProblem(model, noiseLevel, observed, start, tolerance, maxEvaluations,
                maxIterations);
    }
}
