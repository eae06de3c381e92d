package org.deceptron.dipg.osgi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.registry.DeceptronLookup;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.registry.DynamicDeceptronSource;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

/**
 * The {@link DipgOptimizer} as an OSGi service (Declarative Services): registered as
 * {@link LeastSquaresOptimizer} with the property {@code optimizer=dipg}.
 * <p>
 * Deceptrons come from the OSGi service registry (the whiteboard): every {@link DeceptronProvider} service is
 * bound (dynamic, greedy, multiple) into a {@link DynamicDeceptronSource} behind a {@link DeceptronRegistry},
 * so model bundles can come and go without restarting anything. A solve looks its Deceptron up once, from a
 * snapshot, and keeps the loaded Deceptron to the end: removing a provider never breaks a running solve, it
 * only changes what the next solve finds. A family without a Deceptron is solved by Levenberg-Marquardt.
 * </p>
 * <p>
 * {@link ForwardFamily} services are bound too (same policy) and kept by id for diagnostics
 * ({@link #families()}); solving does not need them, since a family's problem carries its family.
 * </p>
 * <p>
 * This package is private to the core bundle: callers use the service through {@link LeastSquaresOptimizer}
 * and read the diagnostics by casting the optimum to {@link DipgOptimum}. The component uses no framework API,
 * so the core bundle imports no {@code org.osgi} package.
 * </p>
 */
@Component(service = LeastSquaresOptimizer.class, property = { "optimizer=dipg" })
public final class DipgOptimizerComponent implements LeastSquaresOptimizer {

    /** Providers bound by DS. */
    private final DynamicDeceptronSource source = new DynamicDeceptronSource();

    /** Registry over the bound providers. */
    private final DeceptronRegistry registry = new DeceptronRegistry(source);

    /** The optimizer (immutable, thread safe). */
    private final DipgOptimizer optimizer = new DipgOptimizer().withRegistry(registry);

    /** Families bound by DS, by id. */
    private final Map<String, ForwardFamily> families = new ConcurrentHashMap<>();

    /** Creates the component (called by Service Component Runtime). */
    public DipgOptimizerComponent() {
        // nothing to do
    }

    /**
     * Binds a Deceptron provider.
     * @param provider the provider service
     */
    @Reference(service = DeceptronProvider.class, cardinality = ReferenceCardinality.MULTIPLE,
               policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
               unbind = "removeProvider")
    void addProvider(final DeceptronProvider provider) {
        source.add(provider);
    }

    /**
     * Unbinds a Deceptron provider; solves already running keep the Deceptron they loaded.
     * @param provider the provider service
     */
    void removeProvider(final DeceptronProvider provider) {
        source.remove(provider);
    }

    /**
     * Binds a forward family.
     * @param family the family service
     */
    @Reference(service = ForwardFamily.class, cardinality = ReferenceCardinality.MULTIPLE,
               policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY,
               unbind = "removeFamily")
    void addFamily(final ForwardFamily family) {
        families.put(family.id(), family);
    }

    /**
     * Unbinds a forward family (only if it is the one bound under its id).
     * @param family the family service
     */
    void removeFamily(final ForwardFamily family) {
        families.remove(family.id(), family);
    }

    /** {@inheritDoc} */
    @Override
    public DipgOptimum optimize(final LeastSquaresProblem problem) {
        return optimizer.optimize(problem);
    }

    /**
     * Returns the optimizer the service delegates to (its registry is the one fed by DS).
     * @return the optimizer
     */
    public DipgOptimizer optimizer() {
        return optimizer;
    }

    /**
     * Returns the families bound now, by id.
     * @return a snapshot, sorted by id
     */
    public SortedMap<String, ForwardFamily> families() {
        return new TreeMap<>(families);
    }

    /**
     * Returns the family ids of the Deceptron providers bound now.
     * @return a snapshot, in binding order
     */
    public List<String> providerFamilies() {
        final List<String> ids = new ArrayList<>();
        for (final DeceptronProvider p : source.providers()) {
            ids.add(p.familyId());
        }
        return ids;
    }

    /**
     * Tells which Deceptron a family would be solved with now, or why none.
     * @param family the family
     * @return the lookup result
     */
    public DeceptronLookup lookup(final ForwardFamily family) {
        return registry.find(family.model());
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "DipgOptimizerComponent[families=" + families().keySet() + ", deceptrons=" + providerFamilies() + "]";
    }
}
