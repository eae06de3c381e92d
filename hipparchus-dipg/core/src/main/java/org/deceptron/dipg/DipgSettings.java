package org.deceptron.dipg;

import java.util.function.Consumer;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.util.MathUtils;

/**
 * Every setting of a {@link DipgOptimizer}, as one immutable value (the Ceres {@code Solver::Options} of this
 * project): the optimizer's {@code withXxx} methods return a new optimizer around a changed copy, and a solve
 * reads this value, not the optimizer. Each value is validated when a settings value is created, so an invalid
 * one can never exist; a refused value throws {@link MathIllegalArgumentException} with
 * {@link DipgFormats#INVALID_SETTING} naming the setting, a null one {@code NullArgumentException}.
 * <p>
 * The documentation of each component is on the optimizer's matching {@code withXxx} method.
 * </p>
 * @param stepSize initial step size alpha in measurement space, in (0, 1]
 * @param relaxation relaxation rho (x + rho p), in (0, 1]
 * @param maxBacktracks maximal number of halvings of a step, in [0, 60]
 * @param acceptanceConstant fraction c of the predicted reduction a step must achieve, in (0, 1)
 * @param stepVariant how the learned step is formed
 * @param fallbackPolicy what to do when no step is accepted
 * @param fallbackIterations Levenberg-Marquardt iterations per fallback, &gt;= 1
 * @param rjcpGate RJCP above which the next iteration leaves the learned steps, &gt; 0
 * @param stallWindow number of accepted learned steps of the stall detection, in [1, 1000]
 * @param stallReduction minimal cost reduction over the stall window, in [0, 1)
 * @param krylovDimension maximal Krylov dimension of the preconditioned Gauss-Newton step, in [0, 200]
 * @param trace whether to record the RMS of every evaluation
 * @param levenbergMarquardt the optimizer of the fallbacks and of problems without a Deceptron
 */
record DipgSettings(double stepSize, double relaxation, int maxBacktracks, double acceptanceConstant,
                    StepVariant stepVariant, FallbackPolicy fallbackPolicy, int fallbackIterations, double rjcpGate,
                    int stallWindow, double stallReduction, int krylovDimension, boolean trace,
                    LevenbergMarquardtOptimizer levenbergMarquardt) {

    /** The defaults (see {@link DipgOptimizer}). */
    static final DipgSettings DEFAULTS = new DipgSettings(1.0, 1.0, 8, 1.0e-4, StepVariant.BIAS_CORRECTED,
            FallbackPolicy.AUTOMATIC, 2, Double.POSITIVE_INFINITY, 3, 0.75, 20, false,
            new LevenbergMarquardtOptimizer());

    /**
     * Validates every setting.
     * @throws MathIllegalArgumentException naming the first invalid setting
     * @throws org.hipparchus.exception.NullArgumentException when a setting is null
     */
    DipgSettings {
        check(stepSize > 0 && stepSize <= 1, "step size", stepSize, "in (0, 1]");
        check(relaxation > 0 && relaxation <= 1, "relaxation", relaxation, "in (0, 1]");
        check(maxBacktracks >= 0 && maxBacktracks <= 60, "backtracking limit", maxBacktracks, "in [0, 60]");
        check(acceptanceConstant > 0 && acceptanceConstant < 1, "acceptance constant", acceptanceConstant,
                "in (0, 1)");
        MathUtils.checkNotNull(stepVariant);
        MathUtils.checkNotNull(fallbackPolicy);
        check(fallbackIterations >= 1, "fallback iterations", fallbackIterations, ">= 1");
        check(rjcpGate > 0, "RJCP gate", rjcpGate, "> 0");
        check(stallWindow >= 1 && stallWindow <= 1000, "stall window", stallWindow, "in [1, 1000]");
        check(stallReduction >= 0 && stallReduction < 1, "stall reduction", stallReduction, "in [0, 1)");
        check(krylovDimension >= 0 && krylovDimension <= 200, "Krylov dimension", krylovDimension, "in [0, 200]");
        MathUtils.checkNotNull(levenbergMarquardt);
    }

    /**
     * Checks one setting.
     * @param ok whether it is valid
     * @param name its name
     * @param value its value
     * @param expected what is expected
     * @throws MathIllegalArgumentException when it is not valid
     */
    private static void check(final boolean ok, final String name, final Object value, final String expected) {
        if (!ok) {
            throw new MathIllegalArgumentException(DipgFormats.INVALID_SETTING, name, value, expected);
        }
    }

    /**
     * Returns a copy with some settings changed: applies a change to a draft of these settings and validates the
     * result (each {@code withXxx} method of {@link DipgOptimizer} is one such change).
     * @param change the change, which assigns fields of the draft
     * @return the new settings
     * @throws MathIllegalArgumentException naming the first invalid setting
     * @throws org.hipparchus.exception.NullArgumentException when a setting is null
     */
    DipgSettings copy(final Consumer<Draft> change) {
        final Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A mutable draft of settings, confined to {@link #copy(Consumer)} (the change assigns its fields). */
    static final class Draft {

        /** Step size. */
        double stepSize;

        /** Relaxation. */
        double relaxation;

        /** Backtracking limit. */
        int maxBacktracks;

        /** Acceptance constant. */
        double acceptanceConstant;

        /** Step variant. */
        StepVariant stepVariant;

        /** Fallback policy. */
        FallbackPolicy fallbackPolicy;

        /** LM iterations per fallback. */
        int fallbackIterations;

        /** RJCP gate. */
        double rjcpGate;

        /** Stall window. */
        int stallWindow;

        /** Minimal reduction over the stall window. */
        double stallReduction;

        /** Krylov dimension. */
        int krylovDimension;

        /** Whether to trace. */
        boolean trace;

        /** Levenberg-Marquardt optimizer. */
        LevenbergMarquardtOptimizer levenbergMarquardt;

        /**
         * Drafts a copy.
         * @param s the settings copied
         */
        Draft(final DipgSettings s) {
            stepSize = s.stepSize;
            relaxation = s.relaxation;
            maxBacktracks = s.maxBacktracks;
            acceptanceConstant = s.acceptanceConstant;
            stepVariant = s.stepVariant;
            fallbackPolicy = s.fallbackPolicy;
            fallbackIterations = s.fallbackIterations;
            rjcpGate = s.rjcpGate;
            stallWindow = s.stallWindow;
            stallReduction = s.stallReduction;
            krylovDimension = s.krylovDimension;
            trace = s.trace;
            levenbergMarquardt = s.levenbergMarquardt;
        }

        /**
         * Builds (and validates) the settings.
         * @return the settings
         */
        DipgSettings build() {
            return new DipgSettings(stepSize, relaxation, maxBacktracks, acceptanceConstant, stepVariant,
                    fallbackPolicy, fallbackIterations, rjcpGate, stallWindow, stallReduction, krylovDimension, trace,
                    levenbergMarquardt);
        }
    }
}
