package org.deceptron.pde;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Locale;

import org.deceptron.dipg.problem.FamilyChecks;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * Common base of the PDE forward families: box bounds, noise level, tolerance, start point, the fingerprint (a
 * SHA-256 hash of the id and of every constant that changes the map, truncated to 16 hex digits) and the argument
 * checks ({@link FamilyChecks}) in front of the model evaluations, so that subclasses only implement the
 * numerics on checked, unmodified arrays.
 * <p>
 * Subclasses are immutable and thread safe: every evaluation allocates its own workspace.
 * </p>
 */
public abstract class AbstractPdeFamily implements ForwardFamily {

    /** Family id. */
    private final String id;

    /** Number of unknowns. */
    private final int n;

    /** Number of observations. */
    private final int m;

    /** Lower bounds. */
    private final double[] lower;

    /** Upper bounds. */
    private final double[] upper;

    /** Noise standard deviation. */
    private final double noise;

    /** Tolerance on the normalised residual RMS. */
    private final double tolerance;

    /** Start point. */
    private final double[] start;

    /** Canonical description of the constants. */
    private final String constants;

    /** Fingerprint. */
    private final String fingerprint;

    /**
     * Creates the family.
     * @param id the id
     * @param n number of unknowns
     * @param m number of observations
     * @param lower lower bound of every unknown
     * @param upper upper bound of every unknown
     * @param start start value of every unknown (inside the box)
     * @param noise observation noise standard deviation
     * @param tolerance tolerance on the normalised residual RMS
     * @param constants canonical description of every constant that changes the map (hashed into the fingerprint)
     */
    protected AbstractPdeFamily(final String id, final int n, final int m, final double lower, final double upper,
                                final double start, final double noise, final double tolerance,
                                final String constants) {
        this.id = id;
        this.n = n;
        this.m = m;
        this.lower = new double[n];
        this.upper = new double[n];
        this.start = new double[n];
        Arrays.fill(this.lower, lower);
        Arrays.fill(this.upper, upper);
        Arrays.fill(this.start, start);
        this.noise = noise;
        this.tolerance = tolerance;
        this.constants = constants;
        this.fingerprint = hash(id + "|n=" + n + "|m=" + m + "|box=" + format(lower) + ":" + format(upper)
                + "|noise=" + format(noise) + "|" + constants);
    }

    /**
     * Formats a constant canonically for descriptions and hashing.
     * @param v the value
     * @return its shortest round-trip decimal form
     */
    protected static String format(final double v) {
        return Double.toString(v);
    }

    /**
     * Builds a canonical "key=value;..." description from alternating keys and values.
     * @param keyValues key, value, key, value...
     * @return the description
     */
    protected static String describe(final Object... keyValues) {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (sb.length() > 0) {
                sb.append(';');
            }
            final Object v = keyValues[i + 1];
            sb.append(keyValues[i]).append('=');
            if (v instanceof Double) {
                sb.append(format((Double) v));
            } else if (v instanceof double[]) {
                final double[] a = (double[]) v;
                for (int k = 0; k < a.length; k++) {
                    sb.append(k == 0 ? "" : ",").append(format(a[k]));
                }
            } else if (v instanceof int[]) {
                final int[] a = (int[]) v;
                for (int k = 0; k < a.length; k++) {
                    sb.append(k == 0 ? "" : "x").append(a[k]);
                }
            } else {
                sb.append(v);
            }
        }
        return sb.toString();
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
            throw new IllegalStateException("SHA-256 unavailable", e);
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
    public final double noiseLevel() {
        return noise;
    }

    /** {@inheritDoc} */
    @Override
    public final double tolerance() {
        return tolerance;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] defaultStart() {
        return start.clone();
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

    /**
     * Returns the largest x-RMSE (root mean square error of the recovered unknowns against the true ones) that
     * a solve must also reach to count as a success, for families whose benchmark defines success that way
     * (Allen-Cahn: 0.10); NaN when success is defined by the residual tolerance alone.
     * @return the x-RMSE threshold, or NaN
     */
    public double successXRmse() {
        return Double.NaN;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] value(final double[] x) {
        FamilyChecks.checkPoint(this, x);
        return computeValue(x);
    }

    /** {@inheritDoc} */
    @Override
    public final RealMatrix jacobian(final double[] x) {
        FamilyChecks.checkPoint(this, x);
        return new Array2DRowRealMatrix(computeJacobian(x), false);
    }

    /** {@inheritDoc} */
    @Override
    public final double[] jvp(final double[] x, final double[] v) {
        FamilyChecks.checkPointAndDirection(this, x, v);
        return computeJvp(x, v);
    }

    /** {@inheritDoc} */
    @Override
    public boolean hasVjp() {
        return true;
    }

    /** {@inheritDoc} */
    @Override
    public final double[] vjp(final double[] x, final double[] w) {
        FamilyChecks.checkPointAndCoDirection(this, x, w);
        return computeVjp(x, w);
    }

    /**
     * Solves the forward model at a checked point.
     * @param x the unknowns (checked; do not modify or keep)
     * @return F(x), a new array
     */
    protected abstract double[] computeValue(double[] x);

    /**
     * Tangent-linear model at a checked point.
     * @param x the point (checked)
     * @param v the direction (checked)
     * @return J v, a new array
     */
    protected abstract double[] computeJvp(double[] x, double[] v);

    /**
     * Adjoint model at a checked point.
     * @param x the point (checked)
     * @param w the co-direction (checked)
     * @return J^T w, a new array
     */
    protected abstract double[] computeVjp(double[] x, double[] w);

    /**
     * Computes the full Jacobian at a checked point. The default builds it column by column from
     * {@link #computeJvp} (or row by row from {@link #computeVjp} when m &lt; n); subclasses override it with a
     * cheaper exact formula where they have one.
     * @param x the point (checked)
     * @return the m x n Jacobian as a new row-major array
     */
    protected double[][] computeJacobian(final double[] x) {
        final double[][] jac = new double[m][n];
        if (m < n) {
            final double[] w = new double[m];
            for (int i = 0; i < m; i++) {
                w[i] = 1.0;
                jac[i] = computeVjp(x, w);
                w[i] = 0.0;
            }
        } else {
            final double[] v = new double[n];
            for (int j = 0; j < n; j++) {
                v[j] = 1.0;
                final double[] col = computeJvp(x, v);
                v[j] = 0.0;
                for (int i = 0; i < m; i++) {
                    jac[i][j] = col[i];
                }
            }
        }
        return jac;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + id + ", n=" + n + ", m=" + m + ", noise=" + noise + ", tol="
                + tolerance + ", " + constants + "]";
    }
}
