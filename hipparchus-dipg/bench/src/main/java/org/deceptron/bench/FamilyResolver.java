package org.deceptron.bench;

import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.heat.Heat2dFamily;

/**
 * Resolves a family id for {@code dipg train} and {@code dipg scaling}: a registered family first, else one of the
 * unregistered scaled families of the scaling study, {@code heat-2d-<N>x<N>} ({@link Heat2dFamily#withNodes(int)}).
 * The single place that knows the scaled ids.
 */
public final class FamilyResolver {

    /** Scaled heat-2d ids. */
    private static final Pattern HEAT_2D_SCALED = Pattern.compile("heat-2d-(\\d{1,3})x(\\d{1,3})");

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
        final Matcher m = HEAT_2D_SCALED.matcher(id);
        if (m.matches() && m.group(1).equals(m.group(2))) {
            final int nodes = Integer.parseInt(m.group(1));
            if (nodes >= Heat2dFamily.MIN_NODES && nodes != Heat2dFamily.NODES) {
                return Heat2dFamily.withNodes(nodes);
            }
        }
        throw new NoSuchElementException("unknown family '" + id + "'; known families: " + registry.ids()
                + ", and heat-2d-<N>x<N> (N >= " + Heat2dFamily.MIN_NODES + ", N != " + Heat2dFamily.NODES
                + ") for the scaling study");
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
