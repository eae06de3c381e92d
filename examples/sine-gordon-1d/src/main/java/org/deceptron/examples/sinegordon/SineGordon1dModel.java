package org.deceptron.examples.sinegordon;

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
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;

/**
 * The 1-D sine-Gordon equation (the nonlinear Klein-Gordon equation of a chain of pendulums coupled by springs) on a
 * string with fixed ends, observed at a final time: the unknown is the initial displacement, the string starts at
 * rest.
 * <ul>
 * <li>PDE: {@code u_tt = c^2 u_xx - sin(u)} on (0, L), {@code u(0, t) = u(L, t) = 0}, {@code u_t(x, 0) = 0}.</li>
 * <li>Unknown x: {@code u(x_j, 0)} on the {@code nodes} interior nodes {@code x_j = j h}, {@code h = L/(nodes+1)};
 * box {@code [-bound, bound]}.</li>
 * <li>Scheme: explicit leapfrog (second-order central differences in space and time), {@code steps} steps of
 * {@code dt = T/steps}; the first step uses {@code u_t = 0}: {@code u^1 = u^0 + dt^2/2 (c^2 D2 u^0 - sin u^0)}.
 * The constructor refuses a step that breaks the CFL condition {@code c dt / h <= 1}.</li>
 * <li>Observation: a mildly nonlinear sensor on every node, {@code y_j = z_j + s sin(2 z_j)} with {@code z = u^N}
 * and {@code s = sensor} (|s| &lt; 1/2 keeps it monotone); m = nodes.</li>
 * <li>Derivatives: exact (discrete) tangent and adjoint. {@link #linearize(double[])} runs the trajectory once and
 * stores {@code cos(u^n)} for every step; the tangent runs the linearized leapfrog recursion with those
 * coefficients, the adjoint its transpose backwards in time, and the Jacobian propagates all n tangent directions
 * at once.</li>
 * </ul>
 * <p>Immutable and thread safe: every evaluation allocates its own workspace.</p>
 */
public final class SineGordon1dModel implements ForwardModel {

    /** Derivatives of the model. */
    private static final Set<Derivative> DERIVATIVES =
            Collections.unmodifiableSet(EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT));

    /** Model id. */
    private final String id;

    /** Interior nodes (n = m). */
    private final int nodes;

    /** Length of the string. */
    private final double length;

    /** Wave speed c. */
    private final double speed;

    /** Final time T. */
    private final double time;

    /** Number of leapfrog steps. */
    private final int steps;

    /** Sensor coefficient s. */
    private final double sensor;

    /** Box bound. */
    private final double bound;

    /** (c dt / h)^2. */
    private final double courant2;

    /** dt^2. */
    private final double dt2;

    /** Fingerprint. */
    private final String fingerprint;

    /** Canonical text of the constants. */
    private final String constants;

    /**
     * Creates a model.
     * @param id the model id
     * @param nodes interior nodes, &gt;= 3
     * @param length length of the string L, &gt; 0
     * @param speed wave speed c, &gt; 0
     * @param time final time T, &gt; 0
     * @param steps leapfrog steps, &gt;= 2, with {@code c (T/steps) / h <= 1}
     * @param sensor sensor coefficient s, |s| &lt; 1/2
     * @param bound box bound, &gt; 0
     * @param extra canonical text of anything else that changes the training data (prior, noise), hashed into the
     *        fingerprint
     * @throws MathIllegalArgumentException on an invalid constant or a CFL-unstable step
     */
    public SineGordon1dModel(final String id, final int nodes, final double length, final double speed,
                             final double time, final int steps, final double sensor, final double bound,
                             final String extra) {
        if (nodes < 3) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_TOO_SMALL, nodes, 3);
        }
        if (steps < 2) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_TOO_SMALL, steps, 2);
        }
        for (final double positive : new double[] {length, speed, time, bound}) {
            if (!(positive > 0) || Double.isInfinite(positive)) {
                throw new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_TOO_SMALL_BOUND_EXCLUDED, positive, 0);
            }
        }
        if (!(Math.abs(sensor) < 0.5)) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.OUT_OF_RANGE_SIMPLE, sensor, -0.5, 0.5);
        }
        final double h = length / (nodes + 1);
        final double dt = time / steps;
        final double cfl = speed * dt / h;
        if (cfl > 1.0) {
            throw new MathIllegalArgumentException(LocalizedCoreFormats.NUMBER_TOO_LARGE, cfl, 1.0);
        }
        this.id = id;
        this.nodes = nodes;
        this.length = length;
        this.speed = speed;
        this.time = time;
        this.steps = steps;
        this.sensor = sensor;
        this.bound = bound;
        this.courant2 = cfl * cfl;
        this.dt2 = dt * dt;
        this.constants = String.format(Locale.ROOT, "sine-gordon|nodes=%d|L=%s|c=%s|T=%s|steps=%d|sensor=%s|box=%s|%s",
                nodes, length, speed, time, steps, sensor, bound, extra);
        this.fingerprint = hash(id + "|" + constants);
    }

    /**
     * SHA-256 of a string, first 16 hex digits.
     * @param text the text
     * @return the hash
     */
    private static String hash(final String text) {
        try {
            final byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            final StringBuilder sb = new StringBuilder();
            for (int i = 0; i < 8; i++) {
                sb.append(String.format(Locale.ROOT, "%02x", d[i]));
            }
            return sb.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new MathIllegalStateException(e, LocalizedCoreFormats.INTERNAL_ERROR); // every Java SE has SHA-256
        }
    }

    /** {@inheritDoc} */
    @Override
    public String id() {
        return id;
    }

    /** {@inheritDoc} */
    @Override
    public int parameterSize() {
        return nodes;
    }

    /** {@inheritDoc} */
    @Override
    public int observationSize() {
        return nodes;
    }

    /** {@inheritDoc} */
    @Override
    public double[] lowerBounds() {
        final double[] lo = new double[nodes];
        Arrays.fill(lo, -bound);
        return lo;
    }

    /** {@inheritDoc} */
    @Override
    public double[] upperBounds() {
        final double[] hi = new double[nodes];
        Arrays.fill(hi, bound);
        return hi;
    }

    /** {@inheritDoc} */
    @Override
    public String fingerprint() {
        return fingerprint;
    }

    /**
     * Returns the canonical text of the constants hashed into the fingerprint.
     * @return the text
     */
    public String constants() {
        return constants;
    }

    /**
     * Returns the grid spacing h = L / (nodes + 1).
     * @return h
     */
    public double gridSpacing() {
        return length / (nodes + 1);
    }

    /**
     * Returns the Courant number c dt / h of the scheme.
     * @return the Courant number, at most 1
     */
    public double courantNumber() {
        return Math.sqrt(courant2);
    }

    /** {@inheritDoc} */
    @Override
    public Set<Derivative> derivatives() {
        return DERIVATIVES;
    }

    /** {@inheritDoc} */
    @Override
    public double[] value(final double[] x) {
        ModelChecks.checkPoint(this, x);
        return observe(trajectory(x, null));
    }

    /** {@inheritDoc} */
    @Override
    public Linearization linearize(final double[] x) {
        ModelChecks.checkPoint(this, x);
        final double[][] cosines = new double[steps][];
        final double[] z = trajectory(x, cosines);
        final double[] sensorSlope = new double[nodes];
        for (int i = 0; i < nodes; i++) {
            sensorSlope[i] = 1.0 + 2.0 * sensor * Math.cos(2.0 * z[i]);
        }
        return new SineGordonLinearization(cosines, sensorSlope);
    }

    /**
     * Runs the leapfrog scheme from u^0 = x at rest.
     * @param x initial displacement (not modified)
     * @param cosines when not null, receives cos(u^n) for n = 0 .. steps-1
     * @return u^steps, a new array
     */
    private double[] trajectory(final double[] x, final double[][] cosines) {
        double[] prev = x.clone();
        double[] cur = new double[nodes];
        double[] next = new double[nodes];
        if (cosines != null) {
            cosines[0] = cosines(prev);
        }
        // first step from rest: u^1 = u^0 + (r D2 u^0 - dt^2 sin u^0) / 2, with r = (c dt / h)^2
        for (int i = 0; i < nodes; i++) {
            final double left = i > 0 ? prev[i - 1] : 0.0;
            final double right = i < nodes - 1 ? prev[i + 1] : 0.0;
            cur[i] = prev[i] + 0.5 * (courant2 * (left - 2.0 * prev[i] + right) - dt2 * Math.sin(prev[i]));
        }
        for (int n = 1; n < steps; n++) {
            if (cosines != null) {
                cosines[n] = cosines(cur);
            }
            for (int i = 0; i < nodes; i++) {
                final double left = i > 0 ? cur[i - 1] : 0.0;
                final double right = i < nodes - 1 ? cur[i + 1] : 0.0;
                next[i] = 2.0 * cur[i] - prev[i] + courant2 * (left - 2.0 * cur[i] + right) - dt2 * Math.sin(cur[i]);
            }
            final double[] t = prev;
            prev = cur;
            cur = next;
            next = t;
        }
        return cur;
    }

    /**
     * Cosines of a state.
     * @param u the state
     * @return cos(u), a new array
     */
    private static double[] cosines(final double[] u) {
        final double[] c = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            c[i] = Math.cos(u[i]);
        }
        return c;
    }

    /**
     * Applies the sensor to the final state, in place.
     * @param z the final state (overwritten)
     * @return z, now y
     */
    private double[] observe(final double[] z) {
        for (int i = 0; i < nodes; i++) {
            z[i] += sensor * Math.sin(2.0 * z[i]);
        }
        return z;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "SineGordon1dModel[" + id + ", n=m=" + nodes + ", " + constants + "]";
    }

    /**
     * The linearization at one point: the stored cos(u^n) of its trajectory and the sensor slope at u^N. With
     * {@code A_n = 2 I + r D2 - dt^2 diag(cos u^n)} and {@code B = I + (r D2 - dt^2 diag(cos u^0)) / 2}, the
     * tangent is {@code d^1 = B v, d^{n+1} = A_n d^n - d^{n-1}, J v = diag(slope) d^N}; the adjoint runs the
     * transposed recursion backwards (A_n and B are symmetric).
     */
    private final class SineGordonLinearization implements Linearization {

        /** cos(u^n), n = 0 .. steps-1. */
        private final double[][] cosines;

        /** Sensor slope 1 + 2 s cos(2 z). */
        private final double[] slope;

        /**
         * Creates the linearization.
         * @param cosines cos(u^n) along the trajectory (kept)
         * @param slope the sensor slope at u^N (kept)
         */
        SineGordonLinearization(final double[][] cosines, final double[] slope) {
            this.cosines = cosines;
            this.slope = slope;
        }

        /**
         * out = a * p + b * (r D2 p - dt^2 cos(u^n) p), the shared stencil of A_n (a = 2, b = 1) and B (1, 1/2).
         * @param n the time level of the coefficients
         * @param a identity weight
         * @param b weight of the linearized right-hand side
         * @param p the vector
         * @param out output (not p)
         */
        private void apply(final int n, final double a, final double b, final double[] p, final double[] out) {
            final double[] c = cosines[n];
            for (int i = 0; i < nodes; i++) {
                final double left = i > 0 ? p[i - 1] : 0.0;
                final double right = i < nodes - 1 ? p[i + 1] : 0.0;
                out[i] = a * p[i] + b * (courant2 * (left - 2.0 * p[i] + right) - dt2 * c[i] * p[i]);
            }
        }

        /** {@inheritDoc} */
        @Override
        public double[] jvp(final double[] v) {
            ModelChecks.checkDirection(SineGordon1dModel.this, v);
            double[] prev = v.clone();
            double[] cur = new double[nodes];
            double[] next = new double[nodes];
            apply(0, 1.0, 0.5, prev, cur);
            for (int n = 1; n < steps; n++) {
                apply(n, 2.0, 1.0, cur, next);
                for (int i = 0; i < nodes; i++) {
                    next[i] -= prev[i];
                }
                final double[] t = prev;
                prev = cur;
                cur = next;
                next = t;
            }
            for (int i = 0; i < nodes; i++) {
                cur[i] *= slope[i];
            }
            return cur;
        }

        /** {@inheritDoc} */
        @Override
        public double[] vjp(final double[] w) {
            ModelChecks.checkCoDirection(SineGordon1dModel.this, w);
            // p_N = slope .* w; for n = N-1 .. 1: p_n += A_n p_{n+1}, p_{n-1} -= p_{n+1}; finally p_0 += B p_1
            double[] pNext = new double[nodes];
            for (int i = 0; i < nodes; i++) {
                pNext[i] = slope[i] * w[i];
            }
            double[] pCur = new double[nodes];
            double[] pPrev = new double[nodes];
            final double[] work = new double[nodes];
            for (int n = steps - 1; n >= 1; n--) {
                apply(n, 2.0, 1.0, pNext, work);
                for (int i = 0; i < nodes; i++) {
                    pCur[i] += work[i];
                    pPrev[i] -= pNext[i];
                }
                final double[] t = pNext;
                pNext = pCur;
                pCur = pPrev;
                pPrev = t;
                Arrays.fill(pPrev, 0.0);
            }
            apply(0, 1.0, 0.5, pNext, work);
            for (int i = 0; i < nodes; i++) {
                pCur[i] += work[i];
            }
            return pCur;
        }

        /**
         * The Jacobian by the tangent recursion on all n unit directions at once (row i, column k of each state
         * is d u_i / d x_k): the cost of n tangent products, in one pass over the stored trajectory.
         * @return the m x n Jacobian
         */
        @Override
        public RealMatrix jacobian() {
            final int n2 = nodes * nodes;
            double[] prev = new double[n2];
            for (int i = 0; i < nodes; i++) {
                prev[i * nodes + i] = 1.0;
            }
            double[] cur = new double[n2];
            double[] next = new double[n2];
            applyRows(0, 1.0, 0.5, prev, cur);
            for (int n = 1; n < steps; n++) {
                applyRows(n, 2.0, 1.0, cur, next);
                for (int k = 0; k < n2; k++) {
                    next[k] -= prev[k];
                }
                final double[] t = prev;
                prev = cur;
                cur = next;
                next = t;
            }
            final double[][] j = new double[nodes][nodes];
            for (int i = 0; i < nodes; i++) {
                for (int k = 0; k < nodes; k++) {
                    j[i][k] = slope[i] * cur[i * nodes + k];
                }
            }
            return new Array2DRowRealMatrix(j, false);
        }

        /**
         * {@link #apply} on every column of a row-major nodes x nodes matrix.
         * @param n the time level of the coefficients
         * @param a identity weight
         * @param b weight of the linearized right-hand side
         * @param p the matrix
         * @param out output (not p)
         */
        private void applyRows(final int n, final double a, final double b, final double[] p, final double[] out) {
            final double[] c = cosines[n];
            for (int i = 0; i < nodes; i++) {
                final int row = i * nodes;
                final double diag = a + b * (-2.0 * courant2 - dt2 * c[i]);
                final double off = b * courant2;
                for (int k = 0; k < nodes; k++) {
                    double s = diag * p[row + k];
                    if (i > 0) {
                        s += off * p[row - nodes + k];
                    }
                    if (i < nodes - 1) {
                        s += off * p[row + nodes + k];
                    }
                    out[row + k] = s;
                }
            }
        }
    }
}
