package org.deceptron.dipg.krylov;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * The forcing term eta_k of an inexact Gauss-Newton iteration: the inner solve stops when the normal-equation
 * residual is at most eta_k times the gradient norm ||J^T r||. Eisenstat and Walker's choice 2 (SIAM J. Sci.
 * Comput. 17, 1996): eta_k = gamma (||g_k|| / ||g_(k-1)||)^alpha, safeguarded by gamma eta_(k-1)^alpha when that
 * exceeds 0.1, within [etaMin, etaMax]; the first iteration uses eta_0. Loose early solves, tight ones near the
 * solution, so that Krylov work is not spent where the linearisation is poor.
 * <p>Immutable and thread safe.</p>
 */
public final class ForcingTerm {

    /** Eisenstat-Walker gamma. */
    private final double gamma;

    /** Eisenstat-Walker alpha. */
    private final double alpha;

    /** First forcing term. */
    private final double initial;

    /** Smallest forcing term. */
    private final double minimum;

    /** Largest forcing term. */
    private final double maximum;

    /**
     * Creates a forcing rule.
     * @param gamma Eisenstat-Walker gamma in (0, 1]
     * @param alpha Eisenstat-Walker alpha in (1, 2]
     * @param initial the first forcing term in (0, 1)
     * @param minimum the smallest forcing term in [0, maximum]
     * @param maximum the largest forcing term in (0, 1)
     */
    private ForcingTerm(final double gamma, final double alpha, final double initial, final double minimum,
                        final double maximum) {
        check("gamma", gamma, gamma > 0 && gamma <= 1, "in (0, 1]");
        check("alpha", alpha, alpha > 1 && alpha <= 2, "in (1, 2]");
        check("maximal forcing term", maximum, maximum > 0 && maximum < 1, "in (0, 1)");
        check("minimal forcing term", minimum, minimum >= 0 && minimum <= maximum, "in [0, maximal forcing term]");
        check("initial forcing term", initial, initial > 0 && initial < 1, "in (0, 1)");
        this.gamma = gamma;
        this.alpha = alpha;
        this.initial = initial;
        this.minimum = minimum;
        this.maximum = maximum;
    }

    /**
     * Returns Eisenstat and Walker's choice 2 with gamma = 0.9, alpha = 2, eta_0 = 0.5 and eta in [1e-4, 0.9].
     * @return the default forcing rule
     */
    public static ForcingTerm eisenstatWalker() {
        return new ForcingTerm(0.9, 2.0, 0.5, 1.0e-4, 0.9);
    }

    /**
     * Returns Eisenstat and Walker's choice 2 with given parameters.
     * @param gamma gamma in (0, 1]
     * @param alpha alpha in (1, 2]
     * @param initial the first forcing term in (0, 1)
     * @param minimum the smallest forcing term in [0, maximum]
     * @param maximum the largest forcing term in (0, 1)
     * @return the forcing rule
     * @throws MathIllegalArgumentException when a parameter is outside its range
     */
    public static ForcingTerm eisenstatWalker(final double gamma, final double alpha, final double initial,
                                              final double minimum, final double maximum) {
        return new ForcingTerm(gamma, alpha, initial, minimum, maximum);
    }

    /**
     * Returns a constant forcing term.
     * @param eta the forcing term in (0, 1)
     * @return the forcing rule
     * @throws MathIllegalArgumentException when eta is outside (0, 1)
     */
    public static ForcingTerm constant(final double eta) {
        check("forcing term", eta, eta > 0 && eta < 1, "in (0, 1)");
        return new ForcingTerm(1.0, 2.0, eta, eta, eta);
    }

    /**
     * Returns the next forcing term.
     * @param gradientNorm ||J^T r|| at the current point
     * @param previousGradientNorm ||J^T r|| at the previous point, NaN at the first iteration
     * @param previousEta the previous forcing term, NaN at the first iteration
     * @return eta_k
     */
    public double next(final double gradientNorm, final double previousGradientNorm, final double previousEta) {
        if (!(previousGradientNorm > 0) || Double.isNaN(previousEta)) {
            return initial;
        }
        double eta = gamma * Math.pow(gradientNorm / previousGradientNorm, alpha);
        final double safeguard = gamma * Math.pow(previousEta, alpha);
        if (safeguard > 0.1) {
            eta = Math.max(eta, safeguard);
        }
        return Math.max(minimum, Math.min(maximum, eta));
    }

    /**
     * Checks a parameter.
     * @param what its name
     * @param value its value
     * @param ok whether it is valid
     * @param expected the valid range
     * @throws MathIllegalArgumentException when not valid
     */
    private static void check(final String what, final double value, final boolean ok, final String expected) {
        if (!ok) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, what, value, expected);
        }
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return minimum == maximum ? "constant(" + initial + ")"
                : "eisenstatWalker(gamma=" + gamma + ", alpha=" + alpha + ", eta0=" + initial + ", eta in ["
                + minimum + ", " + maximum + "])";
    }
}
