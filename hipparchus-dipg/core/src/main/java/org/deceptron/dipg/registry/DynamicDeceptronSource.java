package org.deceptron.dipg.registry;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.deceptron.dipg.spi.DeceptronProvider;

/**
 * A source whose providers come and go at run time (the OSGi whiteboard: Declarative Services binds and
 * unbinds them). Thread safe; a solve takes a snapshot, so removing a provider never breaks a running solve.
 */
public final class DynamicDeceptronSource implements DeceptronSource {

    /** The providers. */
    private final List<DeceptronProvider> providers = new CopyOnWriteArrayList<>();

    /** Creates an empty source. */
    public DynamicDeceptronSource() {
        // nothing to do
    }

    /**
     * Adds a provider.
     * @param provider the provider
     */
    public void add(final DeceptronProvider provider) {
        providers.add(provider);
    }

    /**
     * Removes a provider.
     * @param provider the provider
     */
    public void remove(final DeceptronProvider provider) {
        providers.remove(provider);
    }

    /** {@inheritDoc} */
    @Override
    public List<DeceptronProvider> providers() {
        return List.copyOf(providers);
    }
}
