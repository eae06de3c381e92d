package org.deceptron.dipg.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ServiceLoader;

import org.deceptron.dipg.spi.DeceptronProvider;

/**
 * Providers found by {@link ServiceLoader} ({@code META-INF/services/org.deceptron.dipg.spi.DeceptronProvider})
 * through one class loader. The scan is done once, lazily; {@link #reload()} scans again.
 */
public final class ServiceLoaderSource implements DeceptronSource {

    /** Class loader to scan. */
    private final ClassLoader loader;

    /** Cached providers, or null before the first scan. */
    private volatile List<DeceptronProvider> cached;

    /**
     * Creates a source scanning a class loader.
     * @param loader the class loader (null: the system class loader)
     */
    public ServiceLoaderSource(final ClassLoader loader) {
        this.loader = loader;
    }

    /** {@inheritDoc} */
    @Override
    public List<DeceptronProvider> providers() {
        List<DeceptronProvider> result = cached;
        if (result == null) {
            synchronized (this) {
                result = cached;
                if (result == null) {
                    final List<DeceptronProvider> found = new ArrayList<>();
                    for (final DeceptronProvider p : ServiceLoader.load(DeceptronProvider.class, loader)) {
                        found.add(p);
                    }
                    result = Collections.unmodifiableList(found);
                    cached = result;
                }
            }
        }
        return result;
    }

    /** Forgets the cached scan; the next {@link #providers()} scans again. */
    public void reload() {
        cached = null;
    }
}
