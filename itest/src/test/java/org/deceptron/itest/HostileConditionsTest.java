package org.deceptron.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingDeceptron;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.ForwardingSession;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * Hostile models, tight budgets, bad data, on real families with their shipped Deceptrons: D-IPG is never worse
 * than Levenberg-Marquardt and never throws where it does not.
 */
class HostileConditionsTest {

    private static final FamilyRegistry FAMILIES = FamilyRegistry.classpath();

    private static RandomGenerator random(final String family, final long seed) {
        return new Well19937a(new int[] {(int) seed, family.hashCode(), 11});
    }

    private static Deceptron shipped(final ForwardFamily f) {
        return DeceptronRegistry.classpath().find(f.model()).getDeceptron().orElseThrow();
    }

    private static boolean success(final ForwardFamily f, final Instance inst, final Optimum o) {
        return f.protocol().isSuccess(o.getRMS(), inst.xRmse(o.getPoint().toArray()));
    }

    @Test
    void underLevenbergMarquardtsOwnLimitsDipgConvergesAndNeverThrows() {
        final int instances = 20;
        for (final String id : new String[] {"heat-1d", "heat-2d"}) {
            final ForwardFamily f = FAMILIES.get(id);
            final InstanceProtocol p = f.protocol();
            final RandomGenerator rng = random(id, 77);
            int tested = 0;
            int minIterations = Integer.MAX_VALUE;
            int minEvaluations = Integer.MAX_VALUE;
            for (int i = 0; i < instances; i++) {
                final Instance inst = f.drawInstance(rng);
                final Optimum lm = new LevenbergMarquardtOptimizer().optimize(FamilyProblemFactory.create(f,
                        inst.observed()));
                if (!success(f, inst, lm)) {
                    continue;
                }
                tested++;
                minIterations = Math.min(minIterations, lm.getIterations());
                minEvaluations = Math.min(minEvaluations, lm.getEvaluations());
                final int[][] limits = {{lm.getEvaluations(), lm.getIterations()},
                    {lm.getEvaluations(), FamilyProblemFactory.DEFAULT_MAX_ITERATIONS},
                    {FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS, lm.getIterations()}};
                for (final int[] limit : limits) {
                    final DipgOptimum d = new DipgOptimizer().optimize(FamilyProblemFactory.create(f.model(),
                            p.noiseLevel(), inst.observed(), p.defaultStart(), p.tolerance(), limit[0], limit[1]));
                    assertThat(d.getRMS()).as("%s#%d under %d evaluations / %d iterations: %s", id, i, limit[0],
                            limit[1], d.briefReport()).isLessThanOrEqualTo(p.tolerance());
                }
            }
            System.out.printf(Locale.ROOT, "[tight] %s: %d instances LM solves, LM needs >= %d iterations and >= %d "
                    + "evaluations; D-IPG converged under LM's own limits on all%n", id, tested, minIterations,
                    minEvaluations);
            assertThat(tested).isGreaterThanOrEqualTo(instances - 2);
        }
    }

    @Test
    void aDeceptronWithTheRightIdentityWhoseReverseMapIsNotFiniteCostsNothing() {
        for (final String id : new String[] {"heat-1d", "heat-2d"}) {
            final ForwardFamily f = FAMILIES.get(id);
            final Deceptron nan = new BrokenDeceptron(shipped(f), true);
            final RandomGenerator rng = random(id, 3);
            int lmSuccess = 0;
            int dipgSuccess = 0;
            for (int i = 0; i < 8; i++) {
                final Instance inst = f.drawInstance(rng);
                final Optimum lm = new LevenbergMarquardtOptimizer().optimize(FamilyProblemFactory.create(f,
                        inst.observed()));
                final DipgOptimum d = new DipgOptimizer().withDeceptrons(nan)
                        .optimize(FamilyProblemFactory.create(f, inst.observed()));
                final Optimum gnk = new GaussNewtonKrylovOptimizer()
                        .optimize(FamilyProblemFactory.create(f, inst.observed()));
                lmSuccess += success(f, inst, lm) ? 1 : 0;
                dipgSuccess += success(f, inst, d) ? 1 : 0;
                assertThat(d.getAbandonReason()).hasValueSatisfying(r -> assertThat(r)
                        .startsWith("learned path abandoned at iteration 1: Deceptron output not finite"));
                // abandoned at the first trial, before any step: exactly the matrix-free safety net from the start
                assertThat(d.getPoint().toArray()).containsExactly(gnk.getPoint().toArray());
                assertThat(d.getEvaluations()).isEqualTo(gnk.getEvaluations());
            }
            System.out.printf(Locale.ROOT, "[hostile] %s NaN Deceptron: D-IPG %d/8, LM %d/8%n", id, dipgSuccess,
                    lmSuccess);
            assertThat(dipgSuccess).isEqualTo(lmSuccess).isEqualTo(8);
        }
    }

    @Test
    void aFamilyWhoseTangentThrowsAndASessionThatThrowsCostNothing() {
        for (final String id : new String[] {"heat-1d", "heat-2d"}) {
            final ForwardFamily f = FAMILIES.get(id);
            final ForwardModel throwingTangent = new ThrowingTangentModel(f.model());
            final Deceptron throwing = new BrokenDeceptron(shipped(f), false);
            final InstanceProtocol p = f.protocol();
            final RandomGenerator rng = random(id, 5);
            int lmSuccess = 0;
            int tangentSuccess = 0;
            int sessionSuccess = 0;
            int disabled = 0;
            for (int i = 0; i < 8; i++) {
                final Instance inst = f.drawInstance(rng);
                final Optimum lm = new LevenbergMarquardtOptimizer().optimize(FamilyProblemFactory.create(f,
                        inst.observed()));
                final DipgOptimum t = new DipgOptimizer().withDeceptrons(shipped(f)).optimize(FamilyProblemFactory
                        .create(throwingTangent, p.noiseLevel(), inst.observed(), p.defaultStart(), p.tolerance(),
                                FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS,
                                FamilyProblemFactory.DEFAULT_MAX_ITERATIONS));
                final DipgOptimum s = new DipgOptimizer().withDeceptrons(throwing)
                        .optimize(FamilyProblemFactory.create(f, inst.observed()));
                lmSuccess += success(f, inst, lm) ? 1 : 0;
                tangentSuccess += success(f, inst, t) ? 1 : 0;
                sessionSuccess += success(f, inst, s) ? 1 : 0;
                disabled += t.getKrylovDisabledReason().isPresent() ? 1 : 0;
                t.getKrylovDisabledReason().ifPresent(r -> assertThat(r).contains("tangent model threw"));
                // the session throws at its second call: unless the first learned step (one g evaluation) solved it
                if (s.getDipgSteps() != 1 || s.getIterations() != 1) {
                    assertThat(s.getAbandonReason()).as(s.briefReport()).hasValueSatisfying(r -> assertThat(r)
                            .contains("Deceptron session threw IllegalStateException: session closed"));
                }
            }
            System.out.printf(Locale.ROOT, "[hostile] %s: throwing jvp D-IPG %d/8 (Krylov disabled in %d), "
                    + "throwing session D-IPG %d/8, LM %d/8%n", id, tangentSuccess, disabled, sessionSuccess,
                    lmSuccess);
            assertThat(tangentSuccess).isGreaterThanOrEqualTo(lmSuccess);
            assertThat(sessionSuccess).isGreaterThanOrEqualTo(lmSuccess);
        }
    }

    @Test
    void withFiveTimesTheNoiseDipgNeverThrowsAndSucceedsAsOftenAsLmWithNoMoreJacobians() {
        for (final String id : new String[] {"heat-1d", "heat-2d"}) {
            fiveTimesTheNoise(FAMILIES.get(id), 20);
        }
    }

    /**
     * Solves instances with five times the family's noise (the tolerance is reachable only by over-fitting) with
     * LM and D-IPG under the family's default limits: D-IPG must return wherever LM does (before the restart rule
     * it threw the iteration limit on heat-1d), succeed as often, spend no more Jacobians, and end no higher.
     * @param f the family
     * @param instances how many
     */
    private static void fiveTimesTheNoise(final ForwardFamily f, final int instances) {
        final RandomGenerator rng = random(f.id(), 9);
        int lmSuccess = 0;
        int dipgSuccess = 0;
        int lmJacobians = 0;
        int dipgJacobians = 0;
        int lmEvaluations = 0;
        int dipgEvaluations = 0;
        for (int i = 0; i < instances; i++) {
            final Instance inst = f.drawInstance(rng);
            final double[] y = f.model().value(inst.truth());
            for (int k = 0; k < y.length; k++) {
                y[k] += 5 * f.protocol().noiseLevel() * rng.nextGaussian();
            }
            final MonitoredProblem lmProblem = new MonitoredProblem(FamilyProblemFactory.create(f, y), false);
            final Optimum lm = new LevenbergMarquardtOptimizer().optimize(lmProblem);
            final DipgOptimum d = new DipgOptimizer().optimize(FamilyProblemFactory.create(f, y));
            lmSuccess += f.protocol().isSuccess(lm.getRMS(), Double.NaN) ? 1 : 0;
            dipgSuccess += f.protocol().isSuccess(d.getRMS(), Double.NaN) ? 1 : 0;
            lmJacobians += lmProblem.getJacobianEvaluations();
            dipgJacobians += d.getJacobianEvaluations();
            lmEvaluations += lm.getEvaluations();
            dipgEvaluations += d.getEvaluations();
            assertThat(d.getFallbacks()).as(d.briefReport()).isLessThanOrEqualTo(2);
            assertThat(d.getRMS()).as(f.id() + " instance " + i + ": " + d.briefReport())
                                  .isLessThanOrEqualTo(lm.getRMS() * (1 + 1e-9));
        }
        System.out.printf(Locale.ROOT, "[noise x5] %s %d instances: success D-IPG %d LM %d, Jacobians D-IPG %d "
                + "LM %d, evaluations D-IPG %d LM %d%n", f.id(), instances, dipgSuccess, lmSuccess, dipgJacobians,
                lmJacobians, dipgEvaluations, lmEvaluations);
        assertThat(dipgSuccess).as(f.id()).isGreaterThanOrEqualTo(lmSuccess);
        assertThat(dipgJacobians).as(f.id()).isLessThanOrEqualTo(lmJacobians);
    }

    /** A Deceptron with the identity (id, fingerprint, sizes) of a real one whose sessions misbehave. */
    private static final class BrokenDeceptron extends ForwardingDeceptron {

        private final boolean nan;

        BrokenDeceptron(final Deceptron real, final boolean nan) {
            super(real);
            this.nan = nan;
        }

        @Override
        public String name() {
            return (nan ? "nan-" : "throwing-") + delegate().name();
        }

        @Override
        public DeceptronSession newSession() {
            return new ForwardingSession(delegate().newSession()) {
                private int calls;

                private void misbehave(final double[] out) {
                    if (nan) {
                        Arrays.fill(out, Double.NaN);
                    } else if (++calls > 1) {
                        throw new IllegalStateException("session closed");
                    }
                }

                @Override
                public void inverse(final double[] y, final double[] x) {
                    super.inverse(y, x);
                    misbehave(x);
                }

                @Override
                public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
                    super.inverseJvp(y, dy, x, dx);
                    misbehave(dx);
                }
            };
        }
    }

    /** A real model (same id and fingerprint) whose tangent product throws; its Jacobian works. */
    private static final class ThrowingTangentModel extends ForwardingModel {

        ThrowingTangentModel(final ForwardModel real) {
            super(real);
        }

        @Override
        public Linearization linearize(final double[] x) {
            final Linearization l = delegate().linearize(x);
            return new Linearization() {
                @Override
                public double[] jvp(final double[] v) {
                    throw new IllegalStateException("tangent solver not available");
                }

                @Override
                public double[] vjp(final double[] w) {
                    return l.vjp(w);
                }

                @Override
                public RealMatrix jacobian() {
                    return l.jacobian();
                }
            };
        }
    }
}
