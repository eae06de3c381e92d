package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.krylov.KrylovOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.junit.jupiter.api.Test;

/** The counting decorators count every forward, tangent and adjoint solve and g evaluation, on heat-1d. */
class CountingModelTest {

    private static final ForwardFamily HEAT = FamilyResolver.classpath().get("heat-1d");

    private static final int N = 64;

    @Test
    void valuesLinearizationsProductsAndJacobiansAreCounted() {
        final SolveCounter counter = new SolveCounter();
        final CountingModel model = new CountingModel(HEAT.model(), counter);
        final double[] x = HEAT.protocol().samplePrior(BenchRunner.random(1, "heat-1d", 0));
        final double[] v = new double[N];
        v[3] = 1;

        assertThat(model.value(x)).containsExactly(HEAT.model().value(x));
        assertThat(counter.counts()).isEqualTo(new SolveCounts(1, 0, 0, 0, 0));
        final Linearization l = model.linearize(x);
        l.jvp(v);
        l.jvp(v);
        l.vjp(v);
        assertThat(counter.counts()).isEqualTo(new SolveCounts(2, 2, 1, 1, 0));
        // a Jacobian of a square model: n tangent products
        l.jacobian();
        assertThat(counter.counts()).isEqualTo(new SolveCounts(2, 2 + N, 1, 1, 0));
        // the point-wise shortcuts go through linearize: one more forward solve each
        model.jacobian(x);
        model.jvp(x, v);
        model.vjp(x, v);
        assertThat(counter.counts()).isEqualTo(new SolveCounts(5, 3 + 2 * N, 2, 4, 0));
        assertThat(counter.counts().pdeSolveEquivalents()).isEqualTo(5 + 3 + 2 * N + 2);
    }

    @Test
    void aWideJacobianCountsAdjointProducts() {
        final SolveCounter counter = new SolveCounter();
        final CountingModel model = new CountingModel(new WideModel(), counter);
        model.linearize(new double[5]).jacobian();
        assertThat(counter.counts()).isEqualTo(new SolveCounts(1, 0, 2, 1, 0));
    }

    @Test
    void identityFingerprintAndDerivativesAreTheModelsSoRegistriesFindItsDeceptron() throws IOException {
        final CountingModel model = new CountingModel(HEAT.model(), new SolveCounter());
        assertThat(model.id()).isEqualTo("heat-1d");
        assertThat(model.fingerprint()).isEqualTo(HEAT.model().fingerprint());
        assertThat(model.derivatives()).isEqualTo(HEAT.model().derivatives());
        final Deceptron shipped = new ModelLocator(null).find(HEAT).jcp().orElseThrow();
        assertThat(DeceptronRegistry.of(shipped).find(model).getDeceptron()).contains(shipped);
        assertThat(DeceptronRegistry.classpath().find(model).getDeceptron()).isPresent();
    }

    @Test
    void everyLevenbergMarquardtSolveIsChargedItsJacobiansAsTangentSolves() {
        final BenchRunner runner = new BenchRunner(1, 0, 7, java.util.List.of(BenchMethod.LM), BenchListener.NONE);
        final DeceptronPair none = new DeceptronPair(Optional.empty(), Optional.empty());
        for (final Instance inst : runner.instances(HEAT, 2, 0)) {
            final InstanceResult r = runner.solve(HEAT, none, BenchMethod.LM, inst, false);
            assertThat(r.success()).isTrue();
            assertThat(r.jacobianEvaluations()).isPositive();
            // each Jacobian: one linearization (a forward solve) and n tangent products
            assertThat(r.counts()).isEqualTo(new SolveCounts(r.valueEvaluations() + r.jacobianEvaluations(),
                    N * r.jacobianEvaluations(), 0, r.jacobianEvaluations(), 0));
        }
    }

    @Test
    void gaussNewtonKrylovCountsAgreeWithItsOwnReport() {
        final Instance inst = HEAT.drawInstance(BenchRunner.random(3, "heat-1d", 0));
        final SolveCounter counter = new SolveCounter();
        final ForwardFamily counted = ForwardFamily.of(new CountingModel(HEAT.model(), counter), HEAT.protocol());
        final MonitoredFamilyProblem problem = new MonitoredFamilyProblem(
                FamilyProblemFactory.create(counted, inst.observed()), false);
        final KrylovOptimum o = new GaussNewtonKrylovOptimizer().optimize(problem);

        final SolveCounts c = counter.counts();
        assertThat(problem.getJacobianEvaluations()).isZero();
        assertThat(c.linearizations()).isEqualTo(o.getLinearizations()).isPositive();
        assertThat(c.tangentSolves()).isEqualTo(o.getTangentProducts()).isPositive();
        assertThat(c.adjointSolves()).isEqualTo(o.getAdjointProducts()).isPositive();
        assertThat(c.forwardSolves()).isEqualTo(problem.getValueEvaluations() + o.getLinearizations());
    }

    @Test
    void gEvaluationsAreInverseAndInverseJvpCalls() {
        final SolveCounter counter = new SolveCounter();
        final DeceptronSession s = new CountingDeceptron(new IdentityDeceptron(HEAT.model()), counter).newSession();
        final double[] y = new double[N];
        final double[] x = new double[N];
        s.inverse(y, x);
        s.inverseJvp(y, y, x, x.clone());
        s.forward(x, y);
        s.forwardJvp(x, x, y, y.clone());
        s.inverse(y, x);
        assertThat(counter.counts()).isEqualTo(new SolveCounts(0, 0, 0, 0, 3));
    }

    @Test
    void aDipgSolveWithTheShippedModelCountsItsGEvaluations() throws IOException {
        final DeceptronPair shipped = new ModelLocator(null).find(HEAT);
        final BenchRunner runner = new BenchRunner(1, 0, 7, java.util.List.of(BenchMethod.DIPG), BenchListener.NONE);
        final Instance inst = runner.instances(HEAT, 1, 0).get(0);
        // the registry accepts the counting wrapper for the counted model, as it accepts the bare Deceptron
        final ForwardFamily counted = ForwardFamily.of(new CountingModel(HEAT.model(), new SolveCounter()),
                HEAT.protocol());
        assertThat(new DipgOptimizer().withDeceptrons(new CountingDeceptron(shipped.jcp().orElseThrow(),
                new SolveCounter())).lookup(FamilyProblemFactory.create(counted, inst.observed())).getDeceptron())
                .isPresent();

        final InstanceResult r = runner.solve(HEAT, shipped, BenchMethod.DIPG, inst, false);
        assertThat(r.success()).isTrue();
        assertThat(r.counts().gEvaluations()).isPositive();
        assertThat(r.counts().forwardSolves()).isGreaterThanOrEqualTo(r.valueEvaluations());
    }

    /** F(x) = A x with A 2 x 5: a model with m < n. */
    private static final class WideModel implements ForwardModel {

        private final RealMatrix a = new Array2DRowRealMatrix(new double[][] {
            {1, 2, 0, 0, 1}, {0, 1, 3, 1, 0}});

        @Override
        public String id() {
            return "wide-test";
        }

        @Override
        public int parameterSize() {
            return 5;
        }

        @Override
        public int observationSize() {
            return 2;
        }

        @Override
        public double[] lowerBounds() {
            final double[] b = new double[5];
            Arrays.fill(b, -1);
            return b;
        }

        @Override
        public double[] upperBounds() {
            final double[] b = new double[5];
            Arrays.fill(b, 1);
            return b;
        }

        @Override
        public double[] value(final double[] x) {
            return a.operate(x);
        }

        @Override
        public String fingerprint() {
            return "wide-test-1";
        }

        @Override
        public Set<Derivative> derivatives() {
            return EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT);
        }

        @Override
        public Linearization linearize(final double[] x) {
            return Linearization.ofMatrix(a);
        }
    }
}
