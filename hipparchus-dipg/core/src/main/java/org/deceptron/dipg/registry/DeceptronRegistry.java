package org.deceptron.dipg.registry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.WeakHashMap;
import java.util.regex.Pattern;

import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelDeceptron;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardModel;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Finds the Deceptron of a family among the providers of a {@link DeceptronSource}. A provider is used only if
 * its Deceptron loads, was trained for the family's id and fingerprint, has the family's sizes and fits the
 * family's memory budget; otherwise it is refused and the reason is reported in the {@link DeceptronLookup} (and
 * the optimizer then runs Levenberg-Marquardt). Loaded Deceptrons are cached per provider instance. Thread safe.
 * <p>
 * Memory budget. The Deceptron of a {@link DeceptronModel} ({@link ModelDeceptron}) is refused when
 * </p>
 * <ul>
 *   <li>its largest activation ({@link DeceptronModel#largestActivation()}) exceeds {@value #ACTIVATION_FACTOR}
 *   times {@code max(n, m)} of the family (the shipped models have activations up to 12 times n), or</li>
 *   <li>the memory of one of its sessions ({@link DeceptronModel#sessionMemory()}) exceeds
 *   {@value #SESSION_FACTOR} doubles times {@code max(n, m)} (the shipped models need up to about 900 times), or a
 *   {@value #HEAP_FRACTION}th of the JVM's maximum heap ({@link Runtime#maxMemory()}).</li>
 * </ul>
 * <p>
 * These caps are relative to the family, on top of the absolute caps of the model file reader (see
 * {@link org.deceptron.dipg.model.ModelFile}); they are computed from the model's shape, without allocating
 * anything, so that a session of an accepted model fits in memory. Deceptrons of other classes do not report their
 * memory and are not checked.
 * </p>
 * <p>
 * Trust. A registry made with {@link #withPinnedSha256(Set)} accepts only Deceptrons read from a model file whose
 * SHA-256 is one of the pinned digests ({@link ModelDeceptron#sourceSha256()}, known to the Deceptrons that
 * {@link ModelDeceptron#read(java.nio.file.Path)} and {@link org.deceptron.dipg.model.ResourceDeceptronProvider}
 * return); any other Deceptron is refused, the status naming its digest.
 * </p>
 */
public final class DeceptronRegistry {

    /** Largest activation of an accepted model, as a multiple of the family's {@code max(n, m)}. */
    public static final int ACTIVATION_FACTOR = 64;

    /** Largest session memory of an accepted model, in doubles, as a multiple of the family's {@code max(n, m)}. */
    public static final int SESSION_FACTOR = 4096;

    /** A session of an accepted model takes at most this fraction (its inverse) of the maximum heap. */
    public static final int HEAP_FRACTION = 4;

    /** A SHA-256 in hexadecimal. */
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-fA-F]{64}");

    /** Shared default registry over the class path. */
    private static volatile DeceptronRegistry classpathDefault;

    /** Source of providers. */
    private final DeceptronSource source;

    /** The pinned SHA-256 digests (lowercase hexadecimal), or null when pinning is off. */
    private final Set<String> pinnedSha256;

    /** Cache: provider -&gt; loaded Deceptron or the failure of its loading. */
    private final Map<DeceptronProvider, Object> cache;

    /**
     * Creates a registry over a source.
     * @param source the source of providers
     */
    public DeceptronRegistry(final DeceptronSource source) {
        this(source, null, Collections.synchronizedMap(new WeakHashMap<>()));
    }

    /**
     * Creates a registry.
     * @param source the source of providers
     * @param pinnedSha256 the pinned digests, or null
     * @param cache the cache of loaded Deceptrons
     */
    private DeceptronRegistry(final DeceptronSource source, final Set<String> pinnedSha256,
                              final Map<DeceptronProvider, Object> cache) {
        this.source = source;
        this.pinnedSha256 = pinnedSha256;
        this.cache = cache;
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
     * Returns a registry over the same source that accepts only Deceptrons read from model files whose SHA-256 is
     * pinned: for users who load models from outside. A Deceptron whose file digest is not in the set, or that was
     * not read from a file (no {@link ModelDeceptron#sourceSha256()}), is refused, the status saying which digest
     * it has. The registries share their cache of loaded Deceptrons.
     * @param sha256 the digests of the accepted model files, 64 hexadecimal digits each (as {@code sha256sum}
     *        prints them; case does not matter); an empty set accepts nothing
     * @return the registry with pinning on
     * @throws MathIllegalArgumentException when a digest is not 64 hexadecimal digits
     *         ({@link DipgFormats#REGISTRY_INVALID_SHA256})
     * @throws NullPointerException when the set or a digest is null
     */
    public DeceptronRegistry withPinnedSha256(final Set<String> sha256) {
        final Set<String> pins = new TreeSet<>();
        for (final String digest : sha256) {
            if (digest == null) {
                throw new NullPointerException("pinned SHA-256 digest");
            }
            if (!SHA256_HEX.matcher(digest).matches()) {
                throw new MathIllegalArgumentException(DipgFormats.REGISTRY_INVALID_SHA256, digest);
            }
            pins.add(digest.toLowerCase(Locale.ROOT));
        }
        return new DeceptronRegistry(source, Collections.unmodifiableSet(pins), cache);
    }

    /**
     * Returns the pinned SHA-256 digests.
     * @return the digests (lowercase hexadecimal), or empty when pinning is off
     */
    public Optional<Set<String>> getPinnedSha256() {
        return Optional.ofNullable(pinnedSha256);
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
            String reason = untrusted(d);
            if (reason == null) {
                reason = mismatch(family, d);
            }
            if (reason == null) {
                reason = tooLarge(family, d);
            }
            if (reason != null) {
                refusals.add(d.name() + ": " + reason);
                continue;
            }
            return new DeceptronLookup(d, "using Deceptron " + d.name() + " for family " + family.id());
        }
        if (refusals.isEmpty()) {
            return new DeceptronLookup(null, "no Deceptron registered for family " + family.id());
        }
        for (final String refusal : refusals) {
            RefusalLog.report(family.id(), refusal);
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

    /**
     * Checks a Deceptron against the pinned digests.
     * @param d the Deceptron
     * @return null when pinning is off or the Deceptron's model file is pinned, else the reason
     */
    private String untrusted(final Deceptron d) {
        if (pinnedSha256 == null) {
            return null;
        }
        final Optional<String> digest = d instanceof ModelDeceptron ? ((ModelDeceptron) d).sourceSha256()
                                                                    : Optional.empty();
        if (digest.isEmpty()) {
            return "not read from a model file, so it has no SHA-256 to check against the " + pinnedSha256.size()
                   + " pinned digest(s) (" + d.getClass().getName() + ")";
        }
        if (!pinnedSha256.contains(digest.get())) {
            return "model file SHA-256 " + digest.get() + " is not pinned (" + pinnedSha256.size()
                   + " pinned digest(s))";
        }
        return null;
    }

    /**
     * Checks that a Deceptron fits the memory budget of a forward model (see the class documentation).
     * @param family the forward model
     * @param d the Deceptron, of the family's sizes
     * @return null when it fits or does not report its memory, else the reason with the numbers
     */
    static String tooLarge(final ForwardModel family, final Deceptron d) {
        if (!(d instanceof ModelDeceptron)) {
            return null;
        }
        final DeceptronModel model = ((ModelDeceptron) d).model();
        final long size = Math.max(family.parameterSize(), family.observationSize());
        final String sizes = "(n = " + family.parameterSize() + ", m = " + family.observationSize() + ")";
        final long activation = model.largestActivation();
        if (activation > ACTIVATION_FACTOR * size) {
            return "too large for the family " + sizes + ": its largest activation of " + activation
                   + " values exceeds " + ACTIVATION_FACTOR + " x max(n, m) = " + ACTIVATION_FACTOR * size
                   + " (DeceptronRegistry.ACTIVATION_FACTOR)";
        }
        final long session = model.sessionMemory();
        if (session > SESSION_FACTOR * size) {
            return "too large for the family " + sizes + ": a session would allocate " + session
                   + " doubles, more than " + SESSION_FACTOR + " x max(n, m) = " + SESSION_FACTOR * size
                   + " (DeceptronRegistry.SESSION_FACTOR)";
        }
        final long heap = Runtime.getRuntime().maxMemory() / HEAP_FRACTION / Double.BYTES;
        if (session > heap) {
            return "too large for this JVM: a session would allocate " + session + " doubles (" + mib(session)
                   + " MiB), more than 1/" + HEAP_FRACTION + " of the maximum heap (" + mib(heap) + " MiB)";
        }
        return null;
    }

    /**
     * Converts doubles to MiB.
     * @param doubles a number of doubles
     * @return their size in MiB, rounded up
     */
    private static long mib(final long doubles) {
        return (doubles / (1 << 17)) + 1;
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
