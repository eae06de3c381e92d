package org.deceptron.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;

/**
 * Deceptron bundles coming and going under a running optimizer service. Uses the cheapest family that has a
 * model bundle; skipped (JUnit assumption) when there is none.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DynamicDeceptronTest {

    /**
     * Families by increasing solve cost: the first one with a model bundle is used. heat-1d is not among them: its
     * Deceptron solves in one learned step (nothing left to do after a stop in mid-solve), and Levenberg-Marquardt
     * alone, which the solves get while the bundle is gone, misses the tolerance on a few percent of its instances.
     */
    private static final List<String> BY_COST = List.of("heat-2d", "darcy-2d", "heat-3d",
            "adv-diff-2d", "allen-cahn-2d", "navier-stokes-2d");

    /** The optimizer service. */
    @RegisterExtension
    static final Osgi.OptimizerService SERVICE = new Osgi.OptimizerService();

    /**
     * Returns the family used here.
     * @return the family id
     */
    private static String family() {
        final Map<String, Bundle> models = Osgi.modelBundles();
        for (final String id : BY_COST) {
            if (models.containsKey(id)) {
                return id;
            }
        }
        assumeTrue(false, "no model bundle deployed");
        return null;
    }

    /**
     * Returns the provider-service count and the bundle count, for before/after comparisons.
     * @return a summary
     */
    private static String counts() {
        return "bundles=" + Osgi.context().getBundles().length
                + " providers=" + Osgi.refs(DeceptronProvider.class, null).size()
                + " families=" + Osgi.refs(ForwardFamily.class, null).size()
                + " optimizers=" + Osgi.refs(LeastSquaresOptimizer.class, Osgi.DIPG_FILTER).size();
    }

    @Test
    @Order(1)
    void stopStartUninstallReinstallADeceptronBundle() throws Exception {
        final String id = family();
        final ForwardFamily family = Osgi.families().get(id);
        final Scenarios.Instance inst = new Scenarios.Instance(family, Scenarios.seed(id, 100));
        final String bsn = Scenarios.MODEL_BSN_PREFIX + id;
        final LeastSquaresOptimizer optimizer = SERVICE.optimizer();
        final String before = counts();

        Scenarios.solveWithDeceptron(optimizer, inst);

        Bundle bundle = Osgi.bundle(bsn);
        bundle.stop();
        assertEquals(Bundle.RESOLVED, bundle.getState());
        assertTrue(Osgi.providerFamilies().stream().noneMatch(id::equals), "provider still registered");
        final DipgOptimum lm = Scenarios.solveWithoutDeceptron(optimizer, inst);
        System.out.println("[felix] " + bsn + " stopped: " + lm.getDeceptronStatus() + ", jac "
                + lm.getJacobianEvaluations());

        bundle.start();
        Osgi.await("provider of " + id + " back", () -> Osgi.providerFamilies().contains(id));
        final DipgOptimum back = Scenarios.solveWithDeceptron(optimizer, inst);
        System.out.println("[felix] " + bsn + " restarted: " + back.getDeceptronStatus());

        final String location = bundle.getLocation();
        bundle.uninstall();
        Osgi.refresh();
        assertTrue(Osgi.modelBundles().get(id) == null, "bundle still installed");
        Scenarios.solveWithoutDeceptron(optimizer, inst);

        bundle = Osgi.context().installBundle(location);
        bundle.start();
        Osgi.await("provider of " + id + " back after reinstall", () -> Osgi.providerFamilies().contains(id));
        assertEquals(before, counts(), "service and bundle counts after uninstall + reinstall");
        assertEquals(1, SERVICE.tracker().getTracked().size(), "the optimizer service was not replaced");
        assertTrue(SERVICE.tracker().getService() == optimizer, "the optimizer service was not replaced");
        Scenarios.solveWithDeceptron(optimizer, inst);
        System.out.println("[felix] " + bsn + " reinstalled from " + location + ": " + counts());
    }

    @Test
    @Order(2)
    void stoppingTheBundleInMidSolveDoesNotBreakTheSolve() throws Exception {
        final String id = family();
        final ForwardFamily family = Osgi.families().get(id);
        final Bundle bundle = Osgi.bundle(Scenarios.MODEL_BSN_PREFIX + id);
        final LeastSquaresOptimizer optimizer = SERVICE.optimizer();
        // an instance that needs more than one D-IPG step, so the solve goes on after the bundle is gone
        Scenarios.Instance inst = null;
        for (int i = 0; inst == null; i++) {
            final Scenarios.Instance candidate = new Scenarios.Instance(family, Scenarios.seed(id, 300 + i));
            if (Scenarios.solveWithDeceptron(optimizer, candidate).getDipgSteps() >= 2) {
                inst = candidate;
            }
            assertTrue(i < 50, "no instance of " + id + " with 2 or more D-IPG steps");
        }
        // the bundle stops at the start evaluation: every D-IPG step comes after it
        final HookedProblem problem = new HookedProblem(inst.problem(), 1, () -> {
            try {
                bundle.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            final DipgOptimum o = (DipgOptimum) optimizer.optimize(problem);
            assertEquals(Bundle.RESOLVED, bundle.getState(), "the bundle was stopped during the solve");
            assertTrue(problem.count() > 1, "the solve went on after the stop");
            assertTrue(o.getRMS() <= family.protocol().tolerance(), () -> "RMS " + o.getRMS() + ": " + o);
            assertTrue(o.getDeceptronName().isPresent(), "the running solve kept its Deceptron");
            assertTrue(o.getDipgSteps() >= 2, () -> "D-IPG steps after the stop: " + o);
            Scenarios.solveWithoutDeceptron(optimizer, inst); // the next solve no longer finds it
            System.out.println("[felix] " + bundle.getSymbolicName() + " stopped at evaluation 1 of " + problem.count()
                    + " of a running solve: it finished with " + o.getDeceptronName().get() + ", " + o.getDipgSteps()
                    + " D-IPG steps, RMS " + o.getRMS());
        } finally {
            bundle.start();
        }
        Osgi.await("provider back", () -> Osgi.providerFamilies().contains(id));
    }

    @Test
    @Order(3)
    void solvesOnSeveralThreadsWhileTheBundleComesAndGoes() throws Exception {
        final String id = family();
        final ForwardFamily family = Osgi.families().get(id);
        final LeastSquaresOptimizer optimizer = SERVICE.optimizer();
        final Bundle bundle = Osgi.bundle(Scenarios.MODEL_BSN_PREFIX + id);
        final int threads = 3;
        final int toggles = 20;
        final AtomicBoolean done = new AtomicBoolean();
        final AtomicInteger withDeceptron = new AtomicInteger();
        final AtomicInteger withoutDeceptron = new AtomicInteger();
        final ExecutorService pool = Executors.newFixedThreadPool(threads);
        final List<Future<Integer>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int thread = t;
            futures.add(pool.submit(() -> {
                int n = 0;
                while (!done.get() || n == 0) {
                    final Scenarios.Instance inst = new Scenarios.Instance(family,
                            Scenarios.seed(id, 200 + 1000 * thread + n));
                    final DipgOptimum o = Scenarios.solve(optimizer, inst);
                    (o.getDeceptronName().isPresent() ? withDeceptron : withoutDeceptron).incrementAndGet();
                    n++;
                }
                return n;
            }));
        }
        try {
            for (int k = 0; k < toggles; k++) {
                Thread.sleep(25);
                bundle.stop();
                Thread.sleep(25);
                bundle.start();
            }
        } finally {
            done.set(true);
            pool.shutdown();
        }
        assertTrue(pool.awaitTermination(120, TimeUnit.SECONDS), "solves did not finish");
        int total = 0;
        for (final Future<Integer> f : futures) {
            total += f.get(); // rethrows any failed solve
        }
        assertEquals(Bundle.ACTIVE, bundle.getState());
        Osgi.await("provider back", () -> Osgi.providerFamilies().contains(id));
        Scenarios.solveWithDeceptron(optimizer, new Scenarios.Instance(family, Scenarios.seed(id, 999)));
        System.out.println("[felix] concurrent: " + total + " solves of " + id + " on " + threads + " threads, "
                + toggles + " stop/start cycles: " + withDeceptron + " with the Deceptron, " + withoutDeceptron
                + " by LM, 0 failures");
        assertTrue(total >= threads, "solves ran");
        final List<ServiceReference<DeceptronProvider>> refs = new ArrayList<>(Osgi.refs(DeceptronProvider.class, null));
        assertEquals(Osgi.modelBundles().size(), refs.size());
    }
}
