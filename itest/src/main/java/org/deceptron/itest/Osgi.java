package org.deceptron.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.FrameworkWiring;
import org.osgi.util.tracker.ServiceTracker;

/** Typed access to the running framework, from inside it. */
final class Osgi {

    /** Service filter of the D-IPG optimizer. */
    static final String DIPG_FILTER = "(optimizer=dipg)";

    /** Not instantiable. */
    private Osgi() {
    }

    /**
     * Returns the test bundle's context.
     * @return the context
     */
    static BundleContext context() {
        final Bundle b = FrameworkUtil.getBundle(Osgi.class);
        assertNotNull(b, "the tests must run inside an OSGi framework");
        return b.getBundleContext();
    }

    /**
     * Returns service references.
     * @param type service type
     * @param filter filter or null
     * @param <S> service type
     * @return the references (possibly empty)
     */
    static <S> Collection<ServiceReference<S>> refs(final Class<S> type, final String filter) {
        try {
            return context().getServiceReferences(type, filter);
        } catch (InvalidSyntaxException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /**
     * Returns the D-IPG optimizer service (waits up to 10 s).
     * @return a tracker holding it; close it after use
     */
    static ServiceTracker<LeastSquaresOptimizer, LeastSquaresOptimizer> optimizerTracker() {
        try {
            final ServiceTracker<LeastSquaresOptimizer, LeastSquaresOptimizer> t = new ServiceTracker<>(context(),
                    context().createFilter("(&(objectClass=" + LeastSquaresOptimizer.class.getName() + ")"
                            + DIPG_FILTER + ")"), null);
            t.open();
            assertNotNull(t.waitForService(10_000), "no LeastSquaresOptimizer service with " + DIPG_FILTER);
            return t;
        } catch (InvalidSyntaxException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /**
     * Returns the forward family services by id.
     * @return the families
     */
    static Map<String, ForwardFamily> families() {
        final Map<String, ForwardFamily> m = new TreeMap<>();
        for (final ServiceReference<ForwardFamily> r : refs(ForwardFamily.class, null)) {
            final ForwardFamily f = context().getService(r);
            m.put(f.id(), f);
        }
        return m;
    }

    /**
     * Returns the model bundles (Bundle-SymbolicName starting with {@link Scenarios#MODEL_BSN_PREFIX}) by
     * family id.
     * @return the bundles
     */
    static Map<String, Bundle> modelBundles() {
        final Map<String, Bundle> m = new TreeMap<>();
        for (final Bundle b : context().getBundles()) {
            final String bsn = b.getSymbolicName();
            if (bsn != null && bsn.startsWith(Scenarios.MODEL_BSN_PREFIX)) {
                m.put(bsn.substring(Scenarios.MODEL_BSN_PREFIX.length()), b);
            }
        }
        return m;
    }

    /**
     * Returns the family ids of the registered Deceptron providers (service property family.id).
     * @return the ids, one per provider service
     */
    static List<String> providerFamilies() {
        final List<String> ids = new ArrayList<>();
        for (final ServiceReference<DeceptronProvider> r : refs(DeceptronProvider.class, null)) {
            ids.add(String.valueOf(r.getProperty("family.id")));
        }
        ids.sort(null);
        return ids;
    }

    /**
     * Returns a bundle by symbolic name.
     * @param bsn the name
     * @return the bundle
     */
    static Bundle bundle(final String bsn) {
        for (final Bundle b : context().getBundles()) {
            if (bsn.equals(b.getSymbolicName())) {
                return b;
            }
        }
        throw new AssertionError("no bundle " + bsn);
    }

    /**
     * Waits until a condition holds.
     * @param what description
     * @param condition the condition
     */
    static void await(final String what, final BooleanSupplier condition) {
        final long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                fail("timed out waiting for: " + what);
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /**
     * Refreshes the framework's wiring (after an uninstall) and waits for it.
     */
    static void refresh() {
        final FrameworkWiring fw = context().getBundle(0).adapt(FrameworkWiring.class);
        final CountDownLatch done = new CountDownLatch(1);
        fw.refreshBundles(null, e -> done.countDown());
        try {
            assertEquals(true, done.await(10, TimeUnit.SECONDS), "refresh timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * The D-IPG optimizer service of one test class: register it as a static field with
     * {@code @RegisterExtension}; it opens {@link #optimizerTracker()} before the class's tests and closes it after
     * them.
     */
    static final class OptimizerService implements BeforeAllCallback, AfterAllCallback {

        /** The tracker, open during the tests of the class. */
        private ServiceTracker<LeastSquaresOptimizer, LeastSquaresOptimizer> tracker;

        @Override
        public void beforeAll(final ExtensionContext context) {
            tracker = optimizerTracker();
        }

        @Override
        public void afterAll(final ExtensionContext context) {
            tracker.close();
        }

        /**
         * Returns the tracker.
         * @return the tracker
         */
        ServiceTracker<LeastSquaresOptimizer, LeastSquaresOptimizer> tracker() {
            return tracker;
        }

        /**
         * Returns the optimizer service.
         * @return the service (as tracked now)
         */
        LeastSquaresOptimizer optimizer() {
            return tracker.getService();
        }
    }
}
