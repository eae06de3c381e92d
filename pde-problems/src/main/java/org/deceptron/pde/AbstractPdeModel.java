package org.deceptron.pde;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Linearization;
import org.deceptron.dipg.spi.ModelChecks;
import org.hipparchus.exception.LocalizedCoreFormats;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * Common base of the PDE forward models: box bounds, the fingerprint (a SHA-256 hash of the id and of every
 * constant that changes the map or the training data, truncated to 16 hex digits) and the argument checks
 * ({@link ModelChecks}) in front of the model evaluations, so that subclasses only implement the numerics on
 * checked, unmodified arrays: {@link #computeValue(double[])} and {@link #computeLinearization(double[])}.
 * Every PDE model has exact tangent and adjoint models.
 * <p>
 * Subclasses are immutable and thread safe: every evaluation allocates its own workspace.
 * </p>
 */
public abstract class AbstractPdeModel implements ForwardModel {

    /** Derivatives of every PDE model. */
    private static final Set<Derivative> DERIVATIVES =
            Collections.unmodifiableSet(EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT));

    /** Model id. */
    private final String id;

    /** Number of unknowns. */
    private final int n;

    /** Number of observations. */
    private final int m;

    /** Lower bounds. */
    private final double[] lower;

    /** Upper bounds. */
    private final double[] upper;

    /** Canonical description of the constants. */
    private final String constants;

    /** Fingerprint. */
    private final String fingerprint;

    /**
     * Creates the model.
     * @param id the id
     * @param n number of unknowns
     * @param m number of observations
     * @param lower lower bound of every unknown
     * @param upper upper bound of every unknown
     * @param noise observation noise standard deviation of the data Deceptrons are trained on (hashed into the
     *        fingerprint only: the noise itself belongs to the family's instance protocol)
     * @param constants canonical description of every other constant that changes the map or the training data
     *        (physics and prior; hashed into the fingerprint)
     */
    protected AbstractPdeModel(final String id, final int n, final int m, final double lower, final double upper,
                               final double noise, final String constants) {
        this.id = id;
        this.n = n;
        this.m = m;
        this.lower = new double[n];
        this.upper = new double[n];
        Arrays.fill(this.lower, lower);
        Arrays.fill(this.upper, upper);
        this.constants = constants;
        this.fingerprint = hash(id + "|n=" + n + "|m=" + m + "|box=" + Descriptions.format(lower) + ":"
                + Descriptions.format(upper)
                + "|noise=" + Descriptions.format(noise) + "|" + constants);
    }

    /**
     * SHA-256 of a string, first 16 hex digits.
     * @param text the text
     * @return the hash
     */
    private static String hash(final String text) {
        try {
            final byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format(Locale.ROOT, "%02x", digest[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new MathIllegalStateException(e, LocalizedCoreFormats.INTERNAL_ERROR); // every Java SE has SHA-256
        }
    }

    /** {@inheritDoc} */
    @Override
    public final String id() {
        return id;
    }

    /** {@inheritDoc} */
    @Override
    public final int parameterSize() {
        return n;
    }

    /** {@inheritDoc} */
    @Override
    public final int observationSize() {
        return m;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] lowerBounds() {
        return lower.clone();
    }

    /** {@inheritDoc} */
    @Override
    public final double[] upperBounds() {
        return upper.clone();
    }

    /** {@inheritDoc} */
    @Override
    public final String fingerprint() {
        return fingerprint;
    }

    /**
     * Returns the canonical description of the constants that are hashed into the fingerprint.
     * @return the description
     */
    public final String constants() {
        return constants;
    }

    /** {@inheritDoc} */
    @Override
    public final Set<Derivative> derivatives() {
        return DERIVATIVES;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] value(final double[] x) {
        ModelChecks.checkPoint(this, x);
        return computeValue(x);
    }

    /** {@inheritDoc} */
    @Override
    public final Linearization linearize(final double[] x) {
        ModelChecks.checkPoint(this, x);
        return computeLinearization(x.clone());
    }

    /**
     * Solves the forward model at a checked point.
     * @param x the unknowns (checked; do not modify or keep)
     * @return F(x), a new array
     */
    protected abstract double[] computeValue(double[] x);

    /**
     * Linearizes the model at a checked point: runs what the tangent and adjoint models need at x (trajectory,
     * factorisation, ...) once, so that the returned operator's products reuse it.
     * @param x the point (checked, a private copy the linearization may keep)
     * @return the linearization
     */
    protected abstract PdeLinearization computeLinearization(double[] x);

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", n=" + n + ", m=" + m + ", " + constants + "]";
    }
}
