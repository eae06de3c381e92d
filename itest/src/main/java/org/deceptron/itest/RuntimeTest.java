package org.deceptron.itest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.junit.jupiter.api.Test;
import org.osgi.framework.Bundle;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.Version;
import org.osgi.framework.namespace.PackageNamespace;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;

/** The runtime as deployed: bundles, services, manifests. */
class RuntimeTest {

    @Test
    void everyBundleIsActive() {
        final List<String> notActive = new ArrayList<>();
        for (final Bundle b : Osgi.context().getBundles()) {
            final boolean fragment = b.getHeaders().get(Constants.FRAGMENT_HOST) != null;
            if (!fragment && b.getState() != Bundle.ACTIVE) {
                notActive.add(b.getSymbolicName() + " state " + b.getState());
            }
        }
        assertTrue(notActive.isEmpty(), "bundles not ACTIVE: " + notActive);
        final StringBuilder sb = new StringBuilder("[felix] run bundles:");
        for (final Bundle b : Osgi.context().getBundles()) {
            sb.append("\n  ").append(b.getBundleId()).append(' ').append(b.getSymbolicName()).append(' ')
              .append(b.getVersion());
        }
        System.out.println(sb);
    }

    @Test
    void exactlyOneDipgOptimizerServiceFromTheCoreBundle() {
        final Collection<ServiceReference<LeastSquaresOptimizer>> refs =
                Osgi.refs(LeastSquaresOptimizer.class, Osgi.DIPG_FILTER);
        assertEquals(1, refs.size(), "LeastSquaresOptimizer services with " + Osgi.DIPG_FILTER);
        assertEquals("org.deceptron.hipparchus-dipg", refs.iterator().next().getBundle().getSymbolicName());
    }

    @Test
    void sevenFamiliesFromPdeProblems() {
        final Collection<ServiceReference<ForwardFamily>> refs = Osgi.refs(ForwardFamily.class, null);
        assertEquals(7, refs.size(), "ForwardFamily services");
        final TreeSet<String> ids = new TreeSet<>();
        for (final ServiceReference<ForwardFamily> r : refs) {
            assertEquals("org.deceptron.pde-problems", r.getBundle().getSymbolicName());
            final ForwardFamily f = Osgi.context().getService(r);
            assertEquals(f.id(), r.getProperty("family.id"), "service property family.id");
            ids.add(f.id());
            Osgi.context().ungetService(r);
        }
        assertEquals(new TreeSet<>(Scenarios.FAMILY_IDS), ids);
    }

    @Test
    void oneDeceptronProviderPerModelBundle() {
        final Map<String, Bundle> models = Osgi.modelBundles();
        for (final Map.Entry<String, Bundle> e : models.entrySet()) {
            int providers = 0;
            final ServiceReference<?>[] registered = e.getValue().getRegisteredServices();
            for (final ServiceReference<?> r : registered == null ? new ServiceReference<?>[0] : registered) {
                final String[] classes = (String[]) r.getProperty(Constants.OBJECTCLASS);
                if (List.of(classes).contains(DeceptronProvider.class.getName())) {
                    providers++;
                    assertEquals(e.getKey(), r.getProperty("family.id"), e.getValue().getSymbolicName());
                }
            }
            assertEquals(1, providers, e.getValue().getSymbolicName() + ": DeceptronProvider services");
        }
        assertEquals(new ArrayList<>(models.keySet()), Osgi.providerFamilies(),
                "DeceptronProvider services vs model bundles");
        final List<String> missing = new ArrayList<>(Scenarios.FAMILY_IDS);
        missing.removeAll(models.keySet());
        System.out.println("[felix] model bundles: " + models.keySet() + "; families without a model bundle: " + missing);
    }

    @Test
    void ourBundlesExportVersionedOwnPackagesOnlyAndEmbedNothing() {
        final Bundle core = Osgi.bundle("org.deceptron.hipparchus-dipg");
        final String imports = core.getHeaders().get(Constants.IMPORT_PACKAGE);
        assertFalse(imports.contains("org.osgi"), "core imports OSGi API: " + imports);
        for (final Bundle b : Osgi.context().getBundles()) {
            final String bsn = b.getSymbolicName();
            if (bsn == null || !bsn.startsWith("org.deceptron.")) {
                continue;
            }
            assertEquals(null, b.getHeaders().get(Constants.BUNDLE_CLASSPATH), bsn + " embeds jars");
            for (final String root : List.of("org/hipparchus", "org/deeplearning4j", "org/nd4j", "org/bytedeco")) {
                final Enumeration<URL> e = b.findEntries(root, "*.class", true);
                assertTrue(e == null || !e.hasMoreElements(), bsn + " embeds classes under " + root);
            }
            for (final BundleCapability c : b.adapt(BundleRevision.class)
                    .getDeclaredCapabilities(PackageNamespace.PACKAGE_NAMESPACE)) {
                final String pkg = (String) c.getAttributes().get(PackageNamespace.PACKAGE_NAMESPACE);
                assertTrue(pkg.startsWith("org.deceptron."), bsn + " exports " + pkg);
                assertFalse(pkg.endsWith(".osgi") || pkg.startsWith("org.deceptron.models."),
                        bsn + " exports its private package " + pkg);
                assertTrue(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE) != null
                        && !Version.emptyVersion.equals(c.getAttributes().get(PackageNamespace.CAPABILITY_VERSION_ATTRIBUTE)),
                        bsn + " exports " + pkg + " without a version");
            }
        }
    }
}
