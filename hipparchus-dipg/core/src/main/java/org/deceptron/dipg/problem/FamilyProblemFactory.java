package org.deceptron.dipg.problem;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Builds the {@link FamilyProblem} of a family for observed data (what {@link ForwardFamily#problem} does).
 */
public final class FamilyProblemFactory {

    /** Utility class. */
    private FamilyProblemFactory() {
    }

    /**
     * Builds a problem with the family's tolerance and the default limits.
     * @param family the family
     * @param observed observations y*, length m, finite
     * @param start start point, length n, finite (projected into the box)
     * @return the problem
     * @throws MathIllegalArgumentException on wrong lengths or non-finite data
     */
    public static FamilyProblem create(final ForwardFamily family, final double[] observed, final double[] start) {
        return create(family, observed, start, family.tolerance(), ForwardFamily.DEFAULT_MAX_EVALUATIONS,
                ForwardFamily.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Builds a problem.
     * @param family the family
     * @param observed observations y*, length m, finite
     * @param start start point, length n, finite (projected into the box)
     * @param tolerance tolerance on the normalised residual RMS, &gt; 0
     * @param maxEvaluations maximal number of evaluations, &gt; 0
     * @param maxIterations maximal number of iterations, &gt; 0
     * @return the problem
     * @throws MathIllegalArgumentException on wrong lengths, non-finite data or bad limits
     */
    public static FamilyProblem create(final ForwardFamily family, final double[] observed, final double[] start,
                                       final double tolerance, final int maxEvaluations, final int maxIterations) {
        FamilyChecks.checkFinite("observed", observed, family.observationSize());
        FamilyChecks.checkFinite("start", start, family.parameterSize());
        if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "tolerance", tolerance, "> 0, finite");
        }
        if (maxEvaluations <= 0 || maxIterations <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, "limits",
                    maxEvaluations + "/" + maxIterations, "> 0");
        }
        return new FamilyLeastSquaresProblem(family, observed, start, tolerance, maxEvaluations, maxIterations);
    }
}
