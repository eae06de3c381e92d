package org.deceptron.bench;

import java.util.Arrays;

import org.deceptron.dipg.spi.ModelChecks;
import java.util.EnumSet;
import java.util.Set;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.deceptron.dipg.spi.Linearization;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.LUDecomposition;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;

/** Test family F(x) = A x + 0.02 x^3 (componentwise), A well conditioned, box [-2, 2]; model and protocol in one. */
final class LinearFamily implements ForwardFamily, ForwardModel, InstanceProtocol {

    static final int N = 12;

    private final RealMatrix a;

    LinearFamily() {
        final RandomGenerator rng = new Well19937a(3);
        final double[][] m = new double[N][N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                m[i][j] = (i == j ? 1 : 0) + 0.3 * rng.nextGaussian() / Math.sqrt(N);
            }
        }
        a = new Array2DRowRealMatrix(m, false);
    }

    RealMatrix inverse() {
        return new LUDecomposition(a).getSolver().getInverse();
    }

    RealMatrix matrix() {
        return a.copy();
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
        return "linear-test";
    }

    @Override
    public int parameterSize() {
        return N;
    }

    @Override
    public int observationSize() {
        return N;
    }

    @Override
    public double[] lowerBounds() {
        final double[] b = new double[N];
        Arrays.fill(b, -2);
        return b;
    }

    @Override
    public double[] upperBounds() {
        final double[] b = new double[N];
        Arrays.fill(b, 2);
        return b;
    }

    @Override
    public double[] value(final double[] x) {
        ModelChecks.checkPoint(this, x);
        final double[] y = a.operate(x);
        for (int i = 0; i < N; i++) {
            y[i] += 0.02 * x[i] * x[i] * x[i];
        }
        return y;
    }

    @Override
    public Set<Derivative> derivatives() {
        return EnumSet.of(Derivative.TANGENT, Derivative.ADJOINT);
    }

    @Override
    public Linearization linearize(final double[] x) {
        ModelChecks.checkPoint(this, x);
        final RealMatrix j = a.copy();
        for (int i = 0; i < N; i++) {
            j.addToEntry(i, i, 0.06 * x[i] * x[i]);
        }
        return Linearization.ofMatrix(j);
    }

    @Override
    public double[] samplePrior(final RandomGenerator random) {
        final double[] x = new double[N];
        for (int i = 0; i < N; i++) {
            x[i] = Math.max(-1.8, Math.min(1.8, 0.6 * random.nextGaussian()));
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
        return new double[N];
    }

    @Override
    public String fingerprint() {
        return "linear-test-1";
    }
}
