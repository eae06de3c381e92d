package org.deceptron.dipg.spi;

/**
 * A trained Deceptron: a forward surrogate f ~ F and a reverse map g whose Jacobian is trained (Jacobian
 * Composition Penalty) to be a local left inverse of the forward Jacobian. Both work in physical units: the
 * normalisation of x and y is part of the Deceptron.
 * <p>
 * A Deceptron is immutable and thread safe. Evaluation needs scratch buffers, so it happens in a
 * {@link DeceptronSession} obtained from {@link #newSession()}; one session per thread (per solve).
 * </p>
 */
public interface Deceptron {

    /**
     * Returns the identifier of the family the Deceptron was trained for.
     * @return the family id
     */
    String familyId();

    /**
     * Returns the fingerprint of the family the Deceptron was trained for.
     * @return the fingerprint
     */
    String familyFingerprint();

    /**
     * Returns a short human-readable name (model file name, variant, e.g. "+JCP").
     * @return the name
     */
    String name();

    /**
     * Returns the number of unknowns n (output size of g).
     * @return n
     */
    int parameterSize();

    /**
     * Returns the number of observations m (input size of g).
     * @return m
     */
    int observationSize();

    /**
     * Returns the validation RJCP recorded at training time, or NaN when unknown.
     * @return the recorded RJCP
     */
    double trainingRjcp();

    /**
     * Returns the wall time the training took, in seconds, or NaN when unknown.
     * @return training seconds
     */
    double trainingSeconds();

    /**
     * Creates a new evaluation session with its own buffers. Sessions are not thread safe.
     * @return a new session
     */
    DeceptronSession newSession();
}
