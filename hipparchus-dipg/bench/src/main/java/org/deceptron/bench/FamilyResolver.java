package org.deceptron.bench;

import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;

import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.heat.Heat2dFamily;

/**
 * Resolves a family id for every command ({@code dipg train}, {@code solve}, {@code bench}, {@code scaling}): a
 * registered family first, else one of the unregistered scaled families of the scaling study,
 * {@code heat-2d-<N>x<N>} ({@link Heat2dFamily#withNodes(int)}, ids parsed by {@link Heat2dFamily#nodesOf(String)}).
 */
public final class FamilyResolver {

    /** Registered families. */
    private final FamilyRegistry registry;

    /**
     * Creates a resolver.
     * @param registry the registered families
     */
    public FamilyResolver(final FamilyRegistry registry) {
        this.registry = registry;
    }

    /**
     * Creates a resolver over the families on the class path.
     * @return the resolver
     */
    public static FamilyResolver classpath() {
        return new FamilyResolver(FamilyRegistry.classpath());
    }

    /**
     * Returns the family of an id.
     * @param id a registered id or {@code heat-2d-<N>x<N>}
     * @return the family
     * @throws NoSuchElementException naming the known ids when the id is neither
     */
    public ForwardFamily get(final String id) {
        if (registry.ids().contains(id)) {
            return registry.get(id);
        }
        final OptionalInt nodes = Heat2dFamily.nodesOf(id);
        if (nodes.isPresent()) {
            return Heat2dFamily.withNodes(nodes.getAsInt());
        }
        throw new NoSuchElementException("unknown family '" + id + "'; known families: " + registry.ids()
                + ", and heat-2d-<N>x<N> (N >= " + Heat2dFamily.MIN_NODES + ", N != " + Heat2dFamily.NODES
                + ") for the scaling study");
    }

    /**
     * Returns the ids of the registered families.
     * @return the ids, in registration order
     */
    public List<String> ids() {
        return registry.ids();
    }

    /**
     * Returns heat-2d on an N x N grid (the registered family for N = 16).
     * @param nodes nodes per side
     * @return the family
     */
    public ForwardFamily heat2d(final int nodes) {
        return get(Heat2dFamily.idFor(nodes));
    }
}
