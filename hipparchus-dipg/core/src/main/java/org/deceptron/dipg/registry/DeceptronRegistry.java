package org.deceptron.dipg.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;

import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardModel;

/**
 * Finds the Deceptron of a family among the providers of a {@link DeceptronSource}. A provider is used only if
 * its Deceptron loads, was trained for the family's id and fingerprint, and has the family's sizes; otherwise it
 * is refused and the reason is reported in the {@link DeceptronLookup}. Loaded Deceptrons are cached per
 * provider instance. Thread safe.
 */
public final class DeceptronRegistry {

    /** Shared default registry over the class path. */
    private static volatile DeceptronRegistry classpathDefault;

    /** Source of providers. */
    private final DeceptronSource source;

    /** Cache: provider -&gt; loaded Deceptron or the failure of its loading. */
    private final Map<DeceptronProvider, Object> cache = Collections.synchronizedMap(new WeakHashMap<>());

    /**
     * Creates a registry over a source.
     * @param source the source of providers
     */
    public DeceptronRegistry(final DeceptronSource source) {
        this.source = source;
    }

    /**
     * Returns the shared registry of the providers found by {@link java.util.ServiceLoader} through the class
     * loader of this library (the plain-classpath default).
     * @return the registry
     */
    public static DeceptronRegistry classpath() {
        DeceptronRegistry r = classpathDefault;
        if (r == null) {
            synchronized (DeceptronRegistry.class) {
                r = classpathDefault;
                if (r == null) {
                    r = new DeceptronRegistry(new ServiceLoaderSource(DeceptronRegistry.class.getClassLoader()));
                    classpathDefault = r;
                }
            }
        }
        return r;
    }

    /**
     * Returns a registry that holds exactly the given Deceptrons (tests, benchmarks, ablations).
     * @param deceptrons the Deceptrons
     * @return the registry
     */
    public static DeceptronRegistry of(final Deceptron... deceptrons) {
        final List<DeceptronProvider> providers = new ArrayList<>();
        for (final Deceptron d : deceptrons) {
            providers.add(new FixedProvider(d));
        }
        final List<DeceptronProvider> fixed = Collections.unmodifiableList(providers);
        return new DeceptronRegistry(() -> fixed);
    }

    /**
     * Returns a registry without any Deceptron (the optimizer then is Levenberg-Marquardt).
     * @return the registry
     */
    public static DeceptronRegistry empty() {
        return new DeceptronRegistry(Collections::emptyList);
    }

    /**
     * Returns the source of this registry.
     * @return the source
     */
    public DeceptronSource getSource() {
        return source;
    }

    /**
     * Looks up the Deceptron of a forward model (registered under the model's id).
     * @param family the forward model
     * @return the lookup result (never null)
     */
    public DeceptronLookup find(final ForwardModel family) {
        final List<String> refusals = new ArrayList<>();
        for (final DeceptronProvider provider : source.providers()) {
            if (!family.id().equals(provider.familyId())) {
                continue;
            }
            final Object loaded = cache.computeIfAbsent(provider, DeceptronRegistry::load);
            if (loaded instanceof RuntimeException) {
                refusals.add(provider.getClass().getName() + ": cannot load: " + ((RuntimeException) loaded).getMessage());
                continue;
            }
            final Deceptron d = (Deceptron) loaded;
            final String reason = mismatch(family, d);
            if (reason != null) {
                refusals.add(d.name() + ": " + reason);
                continue;
            }
            return new DeceptronLookup(d, "using Deceptron " + d.name() + " for family " + family.id());
        }
        if (refusals.isEmpty()) {
            return new DeceptronLookup(null, "no Deceptron registered for family " + family.id());
        }
        return new DeceptronLookup(null, "no usable Deceptron for family " + family.id() + "; refused: "
                + String.join("; ", refusals));
    }

    /**
     * Loads a provider's Deceptron, capturing failures.
     * @param provider the provider
     * @return the Deceptron or the exception
     */
    private static Object load(final DeceptronProvider provider) {
        try {
            final Deceptron d = provider.load();
            if (d == null) {
                return new IllegalStateException("provider returned null");
            }
            return d;
        } catch (RuntimeException e) {
            return e;
        }
    }

    /**
     * Checks that a Deceptron fits a forward model.
     * @param family the forward model
     * @param d the Deceptron
     * @return null when it fits, else the reason
     */
    static String mismatch(final ForwardModel family, final Deceptron d) {
        if (!family.id().equals(d.familyId())) {
            return "trained for family " + d.familyId() + ", not " + family.id();
        }
        if (!family.fingerprint().equals(d.familyFingerprint())) {
            return "fingerprint mismatch: model trained for " + d.familyFingerprint() + ", family is "
                    + family.fingerprint() + " (the family's constants changed: retrain the model)";
        }
        if (d.parameterSize() != family.parameterSize() || d.observationSize() != family.observationSize()) {
            return "size mismatch: model maps " + d.observationSize() + " -> " + d.parameterSize()
                    + ", family has m = " + family.observationSize() + ", n = " + family.parameterSize();
        }
        return null;
    }

    /** Provider of a fixed Deceptron. */
    private static final class FixedProvider implements DeceptronProvider {

        /** The Deceptron. */
        private final Deceptron deceptron;

        /**
         * Creates a provider.
         * @param deceptron the Deceptron
         */
        FixedProvider(final Deceptron deceptron) {
            this.deceptron = deceptron;
        }

        /** {@inheritDoc} */
        @Override
        public String familyId() {
            return deceptron.familyId();
        }

        /** {@inheritDoc} */
        @Override
        public Deceptron load() {
            return deceptron;
        }
    }
}
