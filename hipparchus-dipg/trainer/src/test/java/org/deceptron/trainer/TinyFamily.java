package org.deceptron.trainer;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.ForwardingModel;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;

/**
 * A small synthetic family for tests: n = m, F(x) = A x + 0.1 tanh(A x) with a fixed well-conditioned A.
 * The prior is either the full box (independent components) or a low-dimensional subspace plus a little noise
 * ({@code rank < n}): then reconstruction losses only see a thin slab of x-space and leave g's Jacobian free in the
 * other directions, which is where JCP should matter.
 */
final class TinyFamily implements ForwardFamily, ForwardModel, InstanceProtocol {

    private final int n;
    private final int rank;
    private final double[][] a;
    private final double[][] basis;

    TinyFamily(final int n, final int rank) {
        this.n = n;
        this.rank = rank;
        final RandomGenerator r = new Well19937c(42);
        a = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                a[i][j] = (i == j ? 1.0 : 0.0) + 0.3 * r.nextGaussian() / Math.sqrt(n);
            }
        }
        basis = new double[rank][n];
        for (final double[] b : basis) {
            for (int j = 0; j < n; j++) {
                b[j] = r.nextGaussian() / Math.sqrt(n);
            }
        }
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
        return "tiny-" + n + "-" + rank;
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
        final double[] l = new double[n];
        Arrays.fill(l, Double.NEGATIVE_INFINITY);
        return l;
    }

    @Override
    public double[] upperBounds() {
        final double[] u = new double[n];
        Arrays.fill(u, Double.POSITIVE_INFINITY);
        return u;
    }

    private double[] ax(final double[] x) {
        final double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                z[i] += a[i][j] * x[j];
            }
        }
        return z;
    }

    @Override
    public double[] value(final double[] x) {
        final double[] z = ax(x);
        for (int i = 0; i < n; i++) {
            z[i] += 0.1 * Math.tanh(z[i]);
        }
        return z;
    }

    @Override
    public Set<Derivative> derivatives() {
        return EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT);
    }

    @Override
    public Linearization linearize(final double[] x) {
        return Linearization.ofMatrix(jacobianAt(x));
    }

    private RealMatrix jacobianAt(final double[] x) {
        final double[] z = ax(x);
        final double[][] j = new double[n][n];
        for (int i = 0; i < n; i++) {
            final double t = Math.tanh(z[i]);
            for (int k = 0; k < n; k++) {
                j[i][k] = (1 + 0.1 * (1 - t * t)) * a[i][k];
            }
        }
        return new Array2DRowRealMatrix(j, false);
    }


    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[n];
        if (rank >= n) {
            for (int j = 0; j < n; j++) {
                x[j] = random.nextGaussian();
            }
            return x;
        }
        for (int k = 0; k < rank; k++) {
            final double c = 2 * random.nextGaussian();
            for (int j = 0; j < n; j++) {
                x[j] += c * basis[k][j];
            }
        }
        for (int j = 0; j < n; j++) {
            x[j] += 0.01 * random.nextGaussian();
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
        return "tiny:" + n + ":" + rank + ":42";
    }

    /**
     * The same family with its derivatives hidden: a model with only {@code value} (a legacy simulator).
     * @param family the family
     * @return the value-only family (same id, fingerprint, prior and noise)
     */
    static ForwardFamily valueOnly(final TinyFamily family) {
        return ForwardFamily.of(ForwardingModel.valueOnly(family), family);
    }
}
