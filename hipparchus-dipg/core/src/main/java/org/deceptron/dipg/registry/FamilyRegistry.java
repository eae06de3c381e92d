package org.deceptron.dipg.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.ServiceLoader;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * The forward families found by {@link ServiceLoader}
 * ({@code META-INF/services/org.deceptron.dipg.spi.ForwardFamily}), by id. Immutable snapshot.
 */
public final class FamilyRegistry {

    /** Families by id, in discovery order. */
    private final Map<String, ForwardFamily> families;

    /**
     * Creates a registry of the given families.
     * @param families the families
     * @throws MathIllegalArgumentException when two families have the same id (ids must be distinct)
     */
    public FamilyRegistry(final List<ForwardFamily> families) {
        final Map<String, ForwardFamily> map = new LinkedHashMap<>();
        for (final ForwardFamily f : families) {
            final ForwardFamily previous = map.put(f.id(), f);
            if (previous != null) {
                throw new MathIllegalArgumentException(DipgFormats.DUPLICATE_FAMILY, f.id(),
                        previous.getClass().getName(), f.getClass().getName());
            }
        }
        this.families = Collections.unmodifiableMap(map);
    }

    /**
     * Scans a class loader.
     * @param loader the class loader (null: the system class loader)
     * @return the registry
     */
    public static FamilyRegistry load(final ClassLoader loader) {
        final List<ForwardFamily> found = new ArrayList<>();
        for (final ForwardFamily f : ServiceLoader.load(ForwardFamily.class, loader)) {
            found.add(f);
        }
        return new FamilyRegistry(found);
    }

    /**
     * Scans the class loader of this library.
     * @return the registry
     */
    public static FamilyRegistry classpath() {
        return load(FamilyRegistry.class.getClassLoader());
    }

    /**
     * Returns the ids.
     * @return the ids, in discovery order
     */
    public List<String> ids() {
        return new ArrayList<>(families.keySet());
    }

    /**
     * Returns all families.
     * @return the families, in discovery order
     */
    public List<ForwardFamily> all() {
        return new ArrayList<>(families.values());
    }

    /**
     * Returns a family by id.
     * @param id the id
     * @return the family
     * @throws NoSuchElementException naming the known ids when there is none
     */
    public ForwardFamily get(final String id) {
        final ForwardFamily f = families.get(id);
        if (f == null) {
            throw new NoSuchElementException("unknown family '" + id + "'; known families: " + families.keySet());
        }
        return f;
    }
}
