package org.deceptron.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every family solved through the {@code optimizer=dipg} service: families with a model bundle by D-IPG, compared
 * with Hipparchus LM (see {@link Scenarios#checkFamilyWithDeceptron}); families without one by the
 * Levenberg-Marquardt path (on the families where LM is cheap, {@link Scenarios#LM_COMPARISON}).
 */
class SolveThroughServiceTest {

    /** The optimizer service. */
    @RegisterExtension
    static final Osgi.OptimizerService SERVICE = new Osgi.OptimizerService();

    @TestFactory
    List<DynamicTest> everyFamilySolvesThroughTheService() {
        final Map<String, ForwardFamily> families = Osgi.families();
        assertEquals(Set.copyOf(Scenarios.FAMILY_IDS), families.keySet());
        final Set<String> models = Osgi.modelBundles().keySet();
        final List<DynamicTest> tests = new ArrayList<>();
        for (final ForwardFamily f : families.values()) {
            if (models.contains(f.id())) {
                tests.add(DynamicTest.dynamicTest(f.id() + " with its Deceptron", () -> {
                    final String summary = Scenarios.checkFamilyWithDeceptron(SERVICE.optimizer(), f);
                    System.out.println("[felix] " + summary);
                }));
            } else if (Scenarios.LM_COMPARISON.contains(f.id())) {
                tests.add(DynamicTest.dynamicTest(f.id() + " without a Deceptron (LM path)", () -> {
                    final DipgOptimum o = Scenarios.solveWithoutDeceptron(SERVICE.optimizer(),
                            new Scenarios.Instance(f, Scenarios.seed(f.id(), 0)));
                    System.out.println("[felix] " + f.id() + " (no model): LM path, rms " + o.getRMS() + ", jac "
                            + o.getJacobianEvaluations() + ", status: " + o.getDeceptronStatus());
                }));
            }
        }
        return tests;
    }
}
