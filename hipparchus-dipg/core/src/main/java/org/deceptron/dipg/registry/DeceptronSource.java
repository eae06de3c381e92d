package org.deceptron.dipg.registry;

import java.util.List;

import org.deceptron.dipg.spi.DeceptronProvider;

/**
 * Where {@link DeceptronProvider}s come from: {@link java.util.ServiceLoader} on a classpath
 * ({@link ServiceLoaderSource}), the OSGi service registry inside a framework ({@link DynamicDeceptronSource}
 * fed by Declarative Services), or a fixed list. Implementations are thread safe.
 */
public interface DeceptronSource {

    /**
     * Returns a snapshot of the providers available now.
     * @return the providers (a new or unmodifiable list)
     */
    List<DeceptronProvider> providers();
}
