package org.deceptron.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.Instance;
import org.junit.jupiter.api.Test;

/** The identity Deceptron of the dipg-identity ablation. */
class IdentityDeceptronTest {

    @Test
    void itsMapsAreIdentities() {
        final LinearFamily family = new LinearFamily();
        final DeceptronSession s = new IdentityDeceptron(family).newSession();
        final double[] y = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        final double[] dy = y.clone();
        dy[0] = -1;
        final double[] x = new double[12];
        final double[] dx = new double[12];
        s.inverseJvp(y, dy, x, dx);
        assertThat(x).containsExactly(y);
        assertThat(dx).containsExactly(dy);
        s.forward(dy, x);
        assertThat(x).containsExactly(dy);
    }

    @Test
    void dipgAcceptsItForItsModelAndSolves() {
        final LinearFamily family = new LinearFamily();
        final Instance inst = family.drawInstance(BenchRunner.random(1, family.id(), 0));
        final DipgOptimizer optimizer = new DipgOptimizer().withDeceptrons(new IdentityDeceptron(family));
        assertThat(optimizer.lookup(FamilyProblemFactory.create(family, inst.observed())).getDeceptron()).isPresent();

        final BenchRunner runner = new BenchRunner(1, 0, 1, List.of(BenchMethod.DIPG_IDENTITY), BenchListener.NONE);
        final InstanceResult r = runner.solve(family, new DeceptronPair(Optional.empty(), Optional.empty()),
                BenchMethod.DIPG_IDENTITY, inst, false);
        assertThat(r.success()).isTrue();
        assertThat(r.counts().gEvaluations()).isPositive();
    }

    @Test
    void itNeedsAsManyObservationsAsUnknowns() {
        final LinearFamily square = new LinearFamily();
        final ForwardFamily wide = ForwardFamily.of(new ForwardingModel(square) {
            @Override
            public int observationSize() {
                return 6;
            }
        }, square);
        assertThatThrownBy(() -> new IdentityDeceptron(wide.model())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("m = n");
        assertThat(BenchRunner.unavailable(wide, new DeceptronPair(Optional.empty(), Optional.empty()),
                BenchMethod.DIPG_IDENTITY)).hasValueSatisfying(r -> assertThat(r).contains("m = n"));
    }
}
