package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;

import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.krylov.KrylovOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** The README's Gauss-Newton-Krylov snippet, compiled and run as written. */
class ReadmeKrylovSnippetTest {

    @Test
    void gaussNewtonKrylovSnippetFromTheReadme() {
        final ForwardFamily family = Families.all().stream().filter(f -> f.id().equals("heat-2d")).findFirst()
                .orElseThrow();
        final double[] observed = family.drawInstance(new Well19937a(7)).observed();
        // --- README snippet begins ---
        KrylovOptimum k = new GaussNewtonKrylovOptimizer()     // defaults: Eisenstat-Walker, <= 100 CGLS iterations
                .withMaxInnerIterations(50)
                .optimize(FamilyProblemFactory.create(family, observed));
        k.getTangentProducts();   // J v products (tangent solves), k.getAdjointProducts(): J^T w (adjoint solves)
        k.briefReport();          // stop reason, iterations, evaluations, linearizations, products, cost
        // --- README snippet ends ---
        assertThat(k.getRMS()).isLessThanOrEqualTo(family.protocol().tolerance());
        assertThat(k.briefReport()).startsWith("Gauss-Newton-Krylov: CHECKER");
        assertThat(k.getTangentProducts()).isPositive().isLessThanOrEqualTo(50 * k.getIterations());
    }
}
