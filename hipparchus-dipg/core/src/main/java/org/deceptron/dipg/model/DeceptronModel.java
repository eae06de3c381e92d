package org.deceptron.dipg.model;

import java.util.Objects;
import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.nn.Network;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * A trained Deceptron as data: a forward surrogate network f (n -> m) and a reverse network g (m -> n) working in
 * normalised coordinates, the normalisations of x (length n) and y (length m), the family the model was trained
 * for (id and fingerprint), a name and the {@link TrainingRecord}. Immutable.
 * <p>
 * In physical units:
 * </p>
 * <pre>
 *   g_phys(y) = xNorm.denormalize(g(yNorm.normalize(y)))
 *   f_phys(x) = yNorm.denormalize(f(xNorm.normalize(x)))
 *   J_g_phys(y) dy = diag(xStd) J_g(yNorm.normalize(y)) diag(1 / yStd) dy
 *   J_f_phys(x) dx = diag(yStd) J_f(xNorm.normalize(x)) diag(1 / xStd) dx
 * </pre>
 * <p>
 * {@link ModelDeceptron} evaluates these; {@link ModelFile} stores a model.
 * </p>
 */
public final class DeceptronModel {

    /** Memory counted for a session's own objects, in doubles (see {@link #sessionMemory()}). */
    private static final long SESSION_OVERHEAD = 64;

    /** Name. */
    private final String name;

    /** Family id. */
    private final String familyId;

    /** Family fingerprint. */
    private final String familyFingerprint;

    /** Forward surrogate f: n -> m. */
    private final Network forward;

    /** Reverse map g: m -> n. */
    private final Network reverse;

    /** Normalisation of x. */
    private final Normalization xNormalization;

    /** Normalisation of y. */
    private final Normalization yNormalization;

    /** Training record. */
    private final TrainingRecord trainingRecord;

    /**
     * Creates a model and checks that all sizes agree.
     * @param name a short human-readable name (e.g. "heat-3d +JCP")
     * @param familyId the id of the family the model was trained for
     * @param familyFingerprint the fingerprint of that family
     * @param forward the forward surrogate f, n -> m, in normalised coordinates
     * @param reverse the reverse map g, m -> n, in normalised coordinates
     * @param xNormalization normalisation of x, length n
     * @param yNormalization normalisation of y, length m
     * @param trainingRecord the training record ({@link TrainingRecord#empty()} when unknown)
     * @throws MathIllegalArgumentException when sizes disagree ({@link DipgFormats#MODEL_SIZE_MISMATCH}; the message
     *         says which)
     * @throws NullPointerException on a null argument
     */
    public DeceptronModel(final String name, final String familyId, final String familyFingerprint,
                          final Network forward, final Network reverse, final Normalization xNormalization,
                          final Normalization yNormalization, final TrainingRecord trainingRecord) {
        this.name = Objects.requireNonNull(name, "name");
        this.familyId = Objects.requireNonNull(familyId, "familyId");
        this.familyFingerprint = Objects.requireNonNull(familyFingerprint, "familyFingerprint");
        this.forward = Objects.requireNonNull(forward, "forward network");
        this.reverse = Objects.requireNonNull(reverse, "reverse network");
        this.xNormalization = Objects.requireNonNull(xNormalization, "x normalization");
        this.yNormalization = Objects.requireNonNull(yNormalization, "y normalization");
        this.trainingRecord = Objects.requireNonNull(trainingRecord, "training record");
        final int n = forward.inputSize();
        final int m = forward.outputSize();
        checkSize("reverse network g input size", reverse.inputSize(), "the forward network f output size m", m);
        checkSize("reverse network g output size", reverse.outputSize(), "the forward network f input size n", n);
        checkSize("x normalization length", xNormalization.length(), "n", n);
        checkSize("y normalization length", yNormalization.length(), "m", m);
    }

    /**
     * Checks that a size equals the size it must match.
     * @param what what the size is, for the message
     * @param size the size
     * @param reference what it must match, for the message
     * @param expected the size it must match
     * @throws MathIllegalArgumentException when they differ ({@link DipgFormats#MODEL_SIZE_MISMATCH})
     */
    private static void checkSize(final String what, final int size, final String reference, final int expected) {
        if (size != expected) {
            throw new MathIllegalArgumentException(DipgFormats.MODEL_SIZE_MISMATCH, what, size, reference, expected);
        }
    }

    /**
     * Returns the name.
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * Returns the id of the family the model was trained for.
     * @return the family id
     */
    public String familyId() {
        return familyId;
    }

    /**
     * Returns the fingerprint of the family the model was trained for.
     * @return the fingerprint
     */
    public String familyFingerprint() {
        return familyFingerprint;
    }

    /**
     * Returns the forward surrogate f (n -> m, normalised coordinates).
     * @return f
     */
    public Network forwardNetwork() {
        return forward;
    }

    /**
     * Returns the reverse map g (m -> n, normalised coordinates).
     * @return g
     */
    public Network reverseNetwork() {
        return reverse;
    }

    /**
     * Returns the normalisation of x.
     * @return the x normalisation, length n
     */
    public Normalization xNormalization() {
        return xNormalization;
    }

    /**
     * Returns the normalisation of y.
     * @return the y normalisation, length m
     */
    public Normalization yNormalization() {
        return yNormalization;
    }

    /**
     * Returns the training record.
     * @return the record
     */
    public TrainingRecord trainingRecord() {
        return trainingRecord;
    }

    /**
     * Returns the number of unknowns n.
     * @return n
     */
    public int parameterSize() {
        return forward.inputSize();
    }

    /**
     * Returns the number of observations m.
     * @return m
     */
    public int observationSize() {
        return forward.outputSize();
    }

    /**
     * Returns the largest activation of the model: the largest input, output or intermediate size of any layer of
     * f or g (see {@link Network#largestActivation()}).
     * @return the largest activation, in values
     */
    public long largestActivation() {
        return Math.max(forward.largestActivation(), reverse.largestActivation());
    }

    /**
     * Returns (an upper bound of) the memory a session of this model allocates
     * ({@link ModelDeceptron#newSession()}), in doubles: the normalised input and output buffers of both directions
     * ({@code 2n + 2m}), the evaluators of f and g ({@link Network#evaluatorMemory()}) and 64 doubles for the
     * session's own objects. Computed without
     * overflow and without allocating anything: this is what the readers and the registry compare with their
     * limits before a session exists.
     * @return the number of doubles, {@link Long#MAX_VALUE} when it does not fit a long
     */
    public long sessionMemory() {
        final long buffers = 2L * parameterSize() + 2L * observationSize() + SESSION_OVERHEAD;
        final long f = forward.evaluatorMemory();
        final long g = reverse.evaluatorMemory();
        if (f > Long.MAX_VALUE - buffers || g > Long.MAX_VALUE - buffers - f) {
            return Long.MAX_VALUE;
        }
        return buffers + f + g;
    }

    /**
     * Returns a copy with another name.
     * @param newName the name
     * @return the copy
     */
    public DeceptronModel withName(final String newName) {
        return new DeceptronModel(newName, familyId, familyFingerprint, forward, reverse, xNormalization,
                                  yNormalization, trainingRecord);
    }

    /**
     * Returns a copy with another training record.
     * @param record the record
     * @return the copy
     */
    public DeceptronModel withTrainingRecord(final TrainingRecord record) {
        return new DeceptronModel(name, familyId, familyFingerprint, forward, reverse, xNormalization,
                                  yNormalization, record);
    }

    /**
     * Returns a one-line summary.
     * @return the summary
     */
    @Override
    public String toString() {
        return "DeceptronModel(" + name + ", family " + familyId + " [" + familyFingerprint + "], n="
               + parameterSize() + ", m=" + observationSize() + ")";
    }
}
