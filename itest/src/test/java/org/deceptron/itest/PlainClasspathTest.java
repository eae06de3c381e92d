package org.deceptron.itest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.Manifest;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/**
 * The same jars on a plain classpath (no OSGi): {@link java.util.ServiceLoader} finds the seven families and the
 * shipped Deceptrons, and the same solves work through {@code new DipgOptimizer()}.
 */
class PlainClasspathTest {

    /**
     * Returns the family ids of the model jars on the classpath, from their Bundle-SymbolicName.
     * @return the ids
     */
    static TreeSet<String> modelJars() throws IOException {
        final TreeSet<String> ids = new TreeSet<>();
        final Enumeration<URL> manifests = PlainClasspathTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            try (InputStream in = manifests.nextElement().openStream()) {
                final String bsn = new Manifest(in).getMainAttributes().getValue("Bundle-SymbolicName");
                if (bsn != null && bsn.startsWith(Scenarios.MODEL_BSN_PREFIX)) {
                    ids.add(bsn.substring(Scenarios.MODEL_BSN_PREFIX.length()).split(";")[0].trim());
                }
            }
        }
        return ids;
    }

    @Test
    void serviceLoaderFindsTheSevenFamilies() {
        assertThat(FamilyRegistry.classpath().ids()).containsExactlyInAnyOrderElementsOf(Scenarios.FAMILY_IDS);
    }

    @Test
    void serviceLoaderFindsOneDeceptronPerModelJar() throws IOException {
        final List<String> providers = new ArrayList<>();
        for (final DeceptronProvider p : DeceptronRegistry.classpath().getSource().providers()) {
            providers.add(p.familyId());
        }
        assertThat(providers).containsExactlyInAnyOrderElementsOf(modelJars());
        final FamilyRegistry families = FamilyRegistry.classpath();
        for (final String id : modelJars()) {
            assertThat(DeceptronRegistry.classpath().find(families.get(id).model()).getDeceptron())
                    .as("Deceptron of %s loads and matches the family", id).isPresent();
        }
        final List<String> missing = new ArrayList<>(Scenarios.FAMILY_IDS);
        missing.removeAll(modelJars());
        System.out.println("[classpath] model jars: " + modelJars() + "; families without a model: " + missing);
    }

    @Test
    void theReadmeFamilySnippetRunsAsWritten() {
        // --- README snippet 2 begins ---
        ForwardFamily family = FamilyRegistry.classpath().get("heat-2d");
        Instance instance = family.drawInstance(new Well19937a(7));   // x_true from the prior, y* = F(x_true) + noise
        DipgOptimum o = new DipgOptimizer().optimize(FamilyProblemFactory.create(family, instance.observed()));
        o.getDeceptronName();        // Optional: the Deceptron used
        o.getDipgSteps();            // accepted learned steps
        o.getJacobianEvaluations();  // 0 when no fallback was needed
        o.getRjcpPath();             // composition error J_g J_F - I measured along the path, no Jacobian needed
        o.briefReport();             // one line: stop reason, iterations, evaluations, RMS, time
        // --- README snippet 2 ends ---
        assertThat(o.getDeceptronName()).isPresent();
        assertThat(o.getDipgSteps()).isPositive();
        assertThat(o.getRMS()).isLessThanOrEqualTo(family.protocol().tolerance());
        assertThat(o.briefReport()).startsWith("D-IPG: ").contains("iterations");
    }

    @Test
    void theSameSolvesWorkOnTheClasspath() throws IOException {
        final DipgOptimizer optimizer = new DipgOptimizer();
        final FamilyRegistry families = FamilyRegistry.classpath();
        final TreeSet<String> models = modelJars();
        for (final ForwardFamily f : families.all()) {
            if (models.contains(f.id())) {
                System.out.println("[classpath] " + Scenarios.checkFamilyWithDeceptron(optimizer, f));
            } else if (Scenarios.LM_COMPARISON.contains(f.id())) {
                final DipgOptimum o = Scenarios.solveWithoutDeceptron(optimizer,
                        new Scenarios.Instance(f, Scenarios.seed(f.id(), 0)));
                assertThat(o.getRMS()).isLessThanOrEqualTo(f.protocol().tolerance());
            }
        }
    }
}
