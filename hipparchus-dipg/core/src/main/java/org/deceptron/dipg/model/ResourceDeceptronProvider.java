package org.deceptron.dipg.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Objects;
import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * A {@link DeceptronProvider} that reads a model file shipped as a resource next to a class: the reusable base of
 * model bundles, which subclass it with a no-arg constructor, e.g.
 * <pre>
 * public final class Heat3dProvider extends ResourceDeceptronProvider {
 *     public Heat3dProvider() {
 *         super("heat-3d", Heat3dProvider.class, "heat-3d.dipg");
 *     }
 * }
 * </pre>
 * <p>
 * The resource is opened with {@link Class#getResourceAsStream(String)} on the anchor class, so it is found in the
 * anchor's bundle inside an OSGi framework as well as on a plain class path (a name without a leading '/' is
 * relative to the anchor's package). The model is read on the first {@link #load()}, checked to be for
 * {@link #familyId()}, and cached; loading is thread safe. A failed load is not cached: it fails again, with the
 * same message, on the next call. The family fingerprint is not checked here (the provider does not know the
 * family); the registry compares it with the family's. The Deceptron knows the SHA-256 of the resource's bytes
 * ({@link ModelDeceptron#sourceSha256()}), which a registry with pinned digests checks.
 * </p>
 */
public class ResourceDeceptronProvider implements DeceptronProvider {

    /** Family id. */
    private final String familyId;

    /** Class whose loader and package locate the resource. */
    private final Class<?> anchor;

    /** Resource name. */
    private final String resourceName;

    /** Guards the lazy load. */
    private final Object lock = new Object();

    /** The loaded Deceptron, once loaded. */
    private volatile ModelDeceptron loaded;

    /**
     * Creates a provider.
     * @param familyId the id of the family the model must be for
     * @param anchor the class next to which the resource is stored (normally the subclass)
     * @param resourceName the resource name, relative to the anchor's package or absolute with a leading '/'
     * @throws NullPointerException on a null argument
     */
    public ResourceDeceptronProvider(final String familyId, final Class<?> anchor, final String resourceName) {
        this.familyId = Objects.requireNonNull(familyId, "familyId");
        this.anchor = Objects.requireNonNull(anchor, "anchor");
        this.resourceName = Objects.requireNonNull(resourceName, "resourceName");
    }

    /** {@inheritDoc} */
    @Override
    public final String familyId() {
        return familyId;
    }

    /**
     * Returns the name of the model resource.
     * @return the resource name
     */
    public final String resourceName() {
        return resourceName;
    }

    /**
     * Loads the model resource on the first call and returns the cached Deceptron afterwards.
     * @return the Deceptron
     * @throws ModelFormatException when the resource is not a valid model file for {@link #familyId()}; the
     *         message names the resource
     * @throws MathIllegalStateException when the resource is missing ({@link DipgFormats#MODEL_RESOURCE_NOT_FOUND})
     *         or cannot be read ({@link DipgFormats#MODEL_RESOURCE_UNREADABLE}); the message names it
     */
    @Override
    public final ModelDeceptron load() {
        ModelDeceptron result = loaded;
        if (result == null) {
            synchronized (lock) {
                result = loaded;
                if (result == null) {
                    result = readResource();
                    loaded = result;
                }
            }
        }
        return result;
    }

    /**
     * Reads and checks the resource, computing the SHA-256 of the bytes read.
     * @return the Deceptron of the model, with the digest of the resource
     */
    private ModelDeceptron readResource() {
        final String source = "model resource '" + resourceName + "' of " + anchor.getName();
        try (InputStream in = anchor.getResourceAsStream(resourceName)) {
            if (in == null) {
                throw new MathIllegalStateException(DipgFormats.MODEL_RESOURCE_NOT_FOUND, source, familyId);
            }
            final MessageDigest digest = Sha256.newDigest(source);
            // the reader reads the stream to its end: the digest is that of the whole resource
            final DeceptronModel model = ModelReader.read(new DigestInputStream(new BufferedInputStream(in), digest),
                                                          source, familyId, null);
            return new ModelDeceptron(model, Sha256.hex(digest.digest()));
        } catch (IOException e) {
            throw new MathIllegalStateException(e, DipgFormats.MODEL_RESOURCE_UNREADABLE, source, e.getMessage());
        }
    }

    /**
     * Returns a description naming the family and the resource.
     * @return the description
     */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "(" + familyId + ", " + resourceName + ")";
    }
}
