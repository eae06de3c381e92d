package org.deceptron.dipg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingDeceptron;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.ForwardingSession;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * Anything a Deceptron (or a family's optional tangent model) does wrong during a solve ends the learned path or
 * the Krylov step, never the solve: D-IPG then succeeds where Levenberg-Marquardt does, and says why.
 */
class HostileDeceptronTest {

    private static final int N = 16;

    private final SyntheticFamily family = new SyntheticFamily(N, 0.02, 21);

    private final MatrixDeceptron exact = new MatrixDeceptron(family.id(), family.fingerprint(), family.inverse(),
            family.matrix(), "exact");

    private FamilyProblem problem(final ForwardModel model, final long seed) {
        final double[] y = family.drawInstance(new Well19937a(seed)).observed();
        return FamilyProblemFactory.create(model, family.noiseLevel(), y, family.defaultStart(), family.tolerance(),
                FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS, FamilyProblemFactory.DEFAULT_MAX_ITERATIONS);
    }

    /** g = A^-1 (I + 0.97 Q): learned steps contract slowly, so the solve needs its Krylov step. */
    private MatrixDeceptron sloppy() {
        final Well19937a rng = new Well19937a(5);
        final double[][] e = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                e[i][j] = rng.nextGaussian();
            }
        }
        final RealMatrix q = new org.hipparchus.linear.QRDecomposition(new Array2DRowRealMatrix(e, false)).getQ();
        final RealMatrix g = family.inverse().multiply(SyntheticFamily.identity(N).add(q.scalarMultiply(0.97)));
        return new MatrixDeceptron(family.id(), family.fingerprint(), g, family.matrix(), "sloppy");
    }

    /** Solves with D-IPG and LM and checks that D-IPG succeeds as LM does. */
    private DipgOptimum solveLikeLm(final Deceptron deceptron, final ForwardModel model, final long seed) {
        final Optimum lm = new LevenbergMarquardtOptimizer().optimize(problem(model, seed));
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(deceptron).optimize(problem(model, seed));
        assertThat(lm.getRMS()).isLessThanOrEqualTo(family.tolerance());
        assertThat(d.getRMS()).as(d.briefReport()).isLessThanOrEqualTo(family.tolerance());
        assertThat(d.getDeceptronName()).contains(deceptron.name());
        return d;
    }

    @Test
    void aDeceptronWhoseReverseMapIsNotFiniteEndsTheLearnedPathNotTheSolve() {
        for (final double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
            final Deceptron hostile = new HostileDeceptron(exact, "non-finite", s -> new ForwardingSession(s) {
                @Override
                public void inverse(final double[] y, final double[] x) {
                    super.inverse(y, x);
                    x[3] = bad;
                }
            });
            for (long seed = 1; seed <= 4; seed++) {
                final DipgOptimum d = solveLikeLm(hostile, family, seed);
                assertThat(d.getAbandonReason()).hasValueSatisfying(r -> assertThat(r)
                        .startsWith("learned path abandoned at iteration 1: Deceptron output not finite")
                        .contains("g(y) has entry 3 = " + bad));
                assertThat(d.getDipgSteps()).isZero();
                assertThat(d.getStopReason()).isEqualTo(StopReason.CHECKER);
                assertThat(d.getDeceptronStatus()).contains("learned path abandoned at iteration 1");
                assertThat(d.briefReport()).contains("; learned path abandoned at iteration 1: Deceptron output");
                assertThat(d.fullReport()).contains("Learned path       learned path abandoned at iteration 1");
            }
        }
    }

    @Test
    void aFailureAtTheStartLeavesExactlyLevenbergMarquardt() {
        final Deceptron hostile = new HostileDeceptron(exact, "nan", s -> new ForwardingSession(s) {
            @Override
            public void inverse(final double[] y, final double[] x) {
                java.util.Arrays.fill(x, Double.NaN);
            }
        });
        final Optimum lm = new LevenbergMarquardtOptimizer().optimize(problem(family, 9));
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(hostile).optimize(problem(family, 9));
        assertThat(d.getPoint().toArray()).containsExactly(lm.getPoint().toArray());
        assertThat(d.getIterations()).isEqualTo(lm.getIterations());
        assertThat(d.getEvaluations()).isEqualTo(lm.getEvaluations());
    }

    @Test
    void aDeceptronWhoseJvpIsNotFiniteEndsTheLearnedPathInTheKrylovStep() {
        final Deceptron hostile = new HostileDeceptron(sloppy(), "nan-jvp", s -> new ForwardingSession(s) {
            @Override
            public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
                super.inverseJvp(y, dy, x, dx);
                dx[0] = Double.NaN;
            }
        });
        for (long seed = 1; seed <= 3; seed++) {
            final DipgOptimum d = solveLikeLm(hostile, family, seed);
            assertThat(d.getAbandonReason()).hasValueSatisfying(r -> assertThat(r)
                    .contains("Deceptron output not finite: the JVP of g has entry 0 = NaN"));
            assertThat(d.getKrylovSteps()).isZero();
        }
    }

    @Test
    void aSessionThatThrowsMidSolveEndsTheLearnedPath() {
        // the session works for the first calls, then throws on every call
        final Deceptron hostile = new HostileDeceptron(exact, "throwing", s -> new ForwardingSession(s) {
            private int calls;

            @Override
            public void inverse(final double[] y, final double[] x) {
                if (++calls > 3) {
                    throw new IllegalStateException("weights unloaded");
                }
                super.inverse(y, x);
            }
        });
        for (long seed = 1; seed <= 4; seed++) {
            final DipgOptimum d = solveLikeLm(hostile, family, seed);
            if (d.getAbandonReason().isPresent()) {
                assertThat(d.getAbandonReason().get()).matches("learned path abandoned at iteration [1-9]: "
                        + "Deceptron session threw IllegalStateException: weights unloaded in inverse");
            }
        }
        // with a tight tolerance the solve needs more than three calls: the failure is always hit
        final double[] y = family.drawInstance(new Well19937a(5)).observed();
        final FamilyProblem tight = FamilyProblemFactory.create(family, family.noiseLevel(), y, family.defaultStart(),
                0.01, 2000, 200);
        final DipgOptimum d = new DipgOptimizer().withDeceptrons(hostile).optimize(tight);
        assertThat(d.getRMS()).isLessThanOrEqualTo(0.01);
        assertThat(d.getAbandonReason()).hasValueSatisfying(r -> assertThat(r).contains("weights unloaded"));
    }

    @Test
    void newSessionThrowingOutOfMemoryErrorOrARuntimeExceptionLeavesLevenbergMarquardt() {
        final Deceptron oom = new HostileDeceptron(exact, "oom", s -> {
            throw new OutOfMemoryError("Java heap space");
        });
        final Deceptron broken = new HostileDeceptron(exact, "broken", s -> {
            throw new IllegalArgumentException("corrupt weights");
        });
        final Deceptron none = new HostileDeceptron(exact, "null", s -> null);
        for (final Deceptron hostile : new Deceptron[] {oom, broken, none}) {
            final Optimum lm = new LevenbergMarquardtOptimizer().optimize(problem(family, 3));
            final DipgOptimum d = solveLikeLm(hostile, family, 3);
            assertThat(d.getPoint().toArray()).containsExactly(lm.getPoint().toArray());
            assertThat(d.getEvaluations()).isEqualTo(lm.getEvaluations());
            assertThat(d.getIterations()).isEqualTo(lm.getIterations());
            assertThat(d.getDipgSteps()).isZero();
        }
        assertThat(new DipgOptimizer().withDeceptrons(oom).optimize(problem(family, 3)).getAbandonReason())
                .contains("learned path abandoned at iteration 0: newSession threw OutOfMemoryError: Java heap space");
        assertThat(new DipgOptimizer().withDeceptrons(none).optimize(problem(family, 3)).getAbandonReason())
                .contains("learned path abandoned at iteration 0: newSession returned null");
    }

    @Test
    void aFamilyWhoseTangentThrowsDisablesTheKrylovStepNotTheSolve() {
        final ForwardModel throwingTangent = new TangentModel(family, v -> {
            throw new UnsupportedOperationException("adjoint build only");
        });
        final ForwardModel nanTangent = new TangentModel(family, v -> {
            final double[] out = new double[N];
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        });
        final double[] y = family.drawInstance(new Well19937a(4)).observed();
        for (final ForwardModel model : new ForwardModel[] {throwingTangent, nanTangent}) {
            // a tight tolerance: the sloppy Deceptron's learned steps stall, so the Krylov step is tried
            final FamilyProblem p = FamilyProblemFactory.create(model, family.noiseLevel(), y, family.defaultStart(),
                    0.01, 2000, 200);
            final Optimum lm = new LevenbergMarquardtOptimizer().optimize(p);
            assertThat(lm.getRMS()).isLessThanOrEqualTo(0.01);
            final DipgOptimum d = new DipgOptimizer().withDeceptrons(sloppy()).optimize(p);
            assertThat(d.getRMS()).isLessThanOrEqualTo(0.01);
            assertThat(d.getKrylovSteps()).isZero();
            assertThat(d.getKrylovDisabledReason()).hasValueSatisfying(r -> assertThat(r)
                    .startsWith("Krylov step disabled at iteration ").contains("tangent"));
            assertThat(d.getDeceptronStatus()).contains("Krylov step disabled");
            assertThat(d.fullReport()).contains("Krylov step        Krylov step disabled");
        }
        final FamilyProblem p = FamilyProblemFactory.create(throwingTangent, family.noiseLevel(), y,
                family.defaultStart(), 0.01, 2000, 200);
        assertThat(new DipgOptimizer().withDeceptrons(sloppy()).optimize(p).getKrylovDisabledReason().get())
                .contains("threw UnsupportedOperationException: adjoint build only");
    }

    @Test
    void afterTwoFailedLearnedIterationsLevenbergMarquardtRunsToTheEnd() {
        final RealMatrix zero = new Array2DRowRealMatrix(N, N);
        final MatrixDeceptron useless = new MatrixDeceptron(family.id(), family.fingerprint(), zero, zero, "zero");
        for (long seed = 1; seed <= 3; seed++) {
            final DipgOptimum d = solveLikeLm(useless, family, seed);
            assertThat(d.getFallbacks()).isLessThanOrEqualTo(2);
            if (d.getFallbacks() == 2) {
                assertThat(d.getAbandonReason()).hasValueSatisfying(r -> assertThat(r)
                        .contains("no learned or Krylov step accepted, 2 times"));
            }
        }
    }

    @Test
    void underLevenbergMarquardtsOwnLimitsTheLearnedPathNeverCostsTheSolve() {
        final RealMatrix zero = new Array2DRowRealMatrix(N, N);
        final Deceptron[] deceptrons = {exact, sloppy(),
            new MatrixDeceptron(family.id(), family.fingerprint(), zero, zero, "zero")};
        for (long seed = 1; seed <= 6; seed++) {
            final double[] y = family.drawInstance(new Well19937a(seed)).observed();
            final Optimum lm = new LevenbergMarquardtOptimizer().optimize(problem(family, seed));
            for (final Deceptron deceptron : deceptrons) {
                final FamilyProblem limited = FamilyProblemFactory.create(family, family.noiseLevel(), y,
                        family.defaultStart(), family.tolerance(), lm.getEvaluations(), lm.getIterations());
                final DipgOptimum d = new DipgOptimizer().withDeceptrons(deceptron).optimize(limited);
                assertThat(d.getRMS()).as("%s seed %d: %s", deceptron.name(), seed, d.briefReport())
                        .isLessThanOrEqualTo(family.tolerance());
                assertThat(d.getEvaluations()).isLessThanOrEqualTo(lm.getEvaluations());
                assertThat(d.getIterations()).isLessThanOrEqualTo(lm.getIterations());
            }
        }
    }

    @Test
    void reallyExhaustedLimitsStillThrowMaxCountExceededWithTheOriginalLimit() {
        final RealMatrix zero = new Array2DRowRealMatrix(N, N);
        final MatrixDeceptron useless = new MatrixDeceptron(family.id(), family.fingerprint(), zero, zero, "zero");
        final double[] y = family.drawInstance(new Well19937a(2)).observed();
        // a tolerance below the noise: neither LM nor D-IPG reaches it
        final FamilyProblem p = FamilyProblemFactory.create(family, family.noiseLevel(), y, family.defaultStart(),
                1e-9, 2000, 2);
        assertThatThrownBy(() -> new LevenbergMarquardtOptimizer().optimize(p))
                .isInstanceOf(MathIllegalStateException.class);
        for (final Deceptron deceptron : new Deceptron[] {useless, exact}) {
            assertThatThrownBy(() -> new DipgOptimizer().withDeceptrons(deceptron).optimize(p))
                    .isInstanceOf(MathIllegalStateException.class)
                    .satisfies(e -> {
                        final MathIllegalStateException ise = (MathIllegalStateException) e;
                        assertThat(ise.getSpecifier()).isEqualTo(LocalizedCoreFormats.MAX_COUNT_EXCEEDED);
                        assertThat(ise.getParts()).containsExactly(2);
                    });
        }
    }

    /** A Deceptron with the identity of another whose sessions are replaced. */
    static final class HostileDeceptron extends ForwardingDeceptron {

        private final String name;
        private final UnaryOperator<DeceptronSession> session;

        HostileDeceptron(final Deceptron delegate, final String name,
                         final UnaryOperator<DeceptronSession> session) {
            super(delegate);
            this.name = name;
            this.session = session;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public double trainingRjcp() {
            return Double.NaN;
        }

        @Override
        public double trainingSeconds() {
            return Double.NaN;
        }

        @Override
        public DeceptronSession newSession() {
            return session.apply(delegate().newSession());
        }
    }

    /** The synthetic model (same id and fingerprint) with another tangent product; its Jacobian is exact. */
    static final class TangentModel extends ForwardingModel {

        private final UnaryOperator<double[]> jvp;

        TangentModel(final SyntheticFamily model, final UnaryOperator<double[]> jvp) {
            super(model);
            this.jvp = jvp;
        }

        @Override
        public Linearization linearize(final double[] x) {
            final Linearization exact = delegate().linearize(x);
            return new Linearization() {
                @Override
                public double[] jvp(final double[] v) {
                    return jvp.apply(v);
                }

                @Override
                public double[] vjp(final double[] w) {
                    return exact.vjp(w);
                }

                @Override
                public RealMatrix jacobian() {
                    return exact.jacobian();
                }
            };
        }
    }
}
