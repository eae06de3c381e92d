package org.deceptron.dipg;

import java.util.EnumSet;
import java.util.Set;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.deceptron.dipg.spi.Linearization;
import org.deceptron.dipg.spi.ModelChecks;
import org.hipparchus.exception.MathIllegalStateException;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;

/**
 * Test family F(x) = A x + eps sin(x), with A = I + a well-conditioned random perturbation, box [-2, 2]^n.
 * Its exact local inverse is known: A^-1 (to first order in eps). A test fixture: model, protocol and family in
 * one object. Tangent model only (no adjoint).
 */
final class SyntheticFamily implements ForwardFamily, ForwardModel, InstanceProtocol {

    /** Size. */
    private final int n;

    /** Nonlinearity strength. */
    private final double eps;

    /** The matrix A. */
    private final RealMatrix a;

    /** Fingerprint suffix. */
    private final String tag;

    SyntheticFamily(final int n, final double eps, final long seed) {
        this(n, eps, seed, "");
    }

    SyntheticFamily(final int n, final double eps, final long seed, final String tag) {
        this.n = n;
        this.eps = eps;
        this.tag = tag;
        final RandomGenerator rng = new Well19937a(seed);
        final double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                m[i][j] = (i == j ? 1.0 : 0.0) + 0.4 * rng.nextGaussian() / Math.sqrt(n);
            }
        }
        this.a = new Array2DRowRealMatrix(m, false);
    }

    RealMatrix matrix() {
        return a.copy();
    }

    RealMatrix inverse() {
        return new LUDecomposition(a).getSolver().getInverse();
    }

    @Override
    public ForwardModel model() {
        return this;
    }

    @Override
    public InstanceProtocol protocol() {
        return this;
    }

    @Override
    public String id() {
        return "synthetic";
    }

    @Override
    public int parameterSize() {
        return n;
    }

    @Override
    public int observationSize() {
        return n;
    }

    @Override
    public double[] lowerBounds() {
        final double[] b = new double[n];
        java.util.Arrays.fill(b, -2);
        return b;
    }

    @Override
    public double[] upperBounds() {
        final double[] b = new double[n];
        java.util.Arrays.fill(b, 2);
        return b;
    }

    @Override
    public double[] value(final double[] x) {
        ModelChecks.checkPoint(this, x);
        final double[] y = a.operate(x);
        for (int i = 0; i < n; i++) {
            y[i] += eps * Math.sin(x[i]);
        }
        return y;
    }

    @Override
    public Set<Derivative> derivatives() {
        return EnumSet.of(Derivative.TANGENT);
    }

    @Override
    public Linearization linearize(final double[] point) {
        ModelChecks.checkPoint(this, point);
        final double[] x = point.clone();
        return new Linearization() {
            @Override
            public double[] jvp(final double[] v) {
                ModelChecks.checkDirection(SyntheticFamily.this, v);
                final double[] y = a.operate(v);
                for (int i = 0; i < n; i++) {
                    y[i] += eps * Math.cos(x[i]) * v[i];
                }
                return y;
            }

            @Override
            public double[] vjp(final double[] w) {
                throw new MathIllegalStateException(DipgFormats.NO_DERIVATIVE, id(), "adjoint", derivatives());
            }

            @Override
            public RealMatrix jacobian() {
                final RealMatrix j = a.copy();
                for (int i = 0; i < n; i++) {
                    j.addToEntry(i, i, eps * Math.cos(x[i]));
                }
                return j;
            }
        };
    }

    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.max(-1.5, Math.min(1.5, 0.7 * random.nextGaussian()));
        }
        return x;
    }

    @Override
    public double noiseLevel() {
        return 0.01;
    }

    @Override
    public double tolerance() {
        return 1.5;
    }

    @Override
    public double[] defaultStart() {
        return new double[n];
    }

    @Override
    public String fingerprint() {
        return "synthetic-" + n + "-" + eps + tag;
    }

    static RealMatrix identity(final int n) {
        return MatrixUtils.createRealIdentityMatrix(n);
    }
}
