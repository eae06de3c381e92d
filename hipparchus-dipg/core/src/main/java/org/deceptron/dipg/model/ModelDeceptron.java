package org.deceptron.dipg.model;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;

/**
 * The {@link Deceptron} of a {@link DeceptronModel}: evaluates the model's networks in physical units (see the
 * model's documentation for the formulas). Immutable and thread safe; sessions are not.
 */
public final class ModelDeceptron implements Deceptron {

    /** The model. */
    private final DeceptronModel model;

    /** SHA-256 of the model file bytes the model was read from, or null. */
    private final String sourceSha256;

    /**
     * Creates the Deceptron of a model (built in memory: it has no {@link #sourceSha256()}).
     * @param model the model
     */
    public ModelDeceptron(final DeceptronModel model) {
        this(model, null);
    }

    /**
     * Creates the Deceptron of a model read from a file.
     * @param model the model
     * @param sourceSha256 the SHA-256 of the file's bytes (lowercase hexadecimal), or null
     */
    ModelDeceptron(final DeceptronModel model, final String sourceSha256) {
        this.model = Objects.requireNonNull(model, "model");
        this.sourceSha256 = sourceSha256;
    }

    /**
     * Reads a model file and returns its Deceptron, which knows the SHA-256 of the bytes it was read from (for a
     * registry that accepts only pinned model files,
     * {@link org.deceptron.dipg.registry.DeceptronRegistry#withPinnedSha256(java.util.Set)}).
     * @param file the model file
     * @return the Deceptron
     * @throws IOException when reading fails (e.g. the file does not exist)
     * @throws ModelFormatException when the file is not a valid model file; the message names the file
     */
    public static ModelDeceptron read(final Path file) throws IOException {
        final String source = "model file " + file;
        final MessageDigest digest = Sha256.newDigest(source);
        try (InputStream in = new DigestInputStream(new BufferedInputStream(Files.newInputStream(file)), digest)) {
            final DeceptronModel model = ModelReader.read(in, source, null, null);
            return new ModelDeceptron(model, Sha256.hex(digest.digest()));
        }
    }

    /**
     * Returns the SHA-256 of the model file bytes this Deceptron was read from: set by
     * {@link #read(Path)} and by {@link ResourceDeceptronProvider}, absent for a model built in memory.
     * @return the digest in lowercase hexadecimal (as {@code sha256sum} prints it), or empty
     */
    public Optional<String> sourceSha256() {
        return Optional.ofNullable(sourceSha256);
    }

    /**
     * Returns the model.
     * @return the model
     */
    public DeceptronModel model() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public String familyId() {
        return model.familyId();
    }

    /** {@inheritDoc} */
    @Override
    public String familyFingerprint() {
        return model.familyFingerprint();
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return model.name();
    }

    /** {@inheritDoc} */
    @Override
    public int parameterSize() {
        return model.parameterSize();
    }

    /** {@inheritDoc} */
    @Override
    public int observationSize() {
        return model.observationSize();
    }

    /**
     * Returns the validation RJCP of the model's own variant ({@link TrainingRecord#variantRjcp()}).
     * @return the RJCP, NaN when unknown
     */
    @Override
    public double trainingRjcp() {
        return model.trainingRecord().variantRjcp();
    }

    /**
     * Returns the total training wall time ({@link TrainingRecord#totalSeconds()}).
     * @return seconds, NaN when unknown
     */
    @Override
    public double trainingSeconds() {
        return model.trainingRecord().totalSeconds();
    }

    /**
     * Creates a session with its own network evaluators and buffers.
     * @return a new session
     */
    @Override
    public DeceptronSession newSession() {
        return new ModelSession(model);
    }

    /**
     * Returns a one-line summary.
     * @return the summary
     */
    @Override
    public String toString() {
        return "ModelDeceptron(" + model + ")";
    }
}
