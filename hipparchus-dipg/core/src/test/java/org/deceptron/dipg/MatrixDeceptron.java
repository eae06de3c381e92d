package org.deceptron.dipg;

import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.hipparchus.linear.RealMatrix;

/** Test Deceptron with linear maps: g(y) = G y, f(x) = Fm x. */
final class MatrixDeceptron implements Deceptron {

    private final String familyId;
    private final String fingerprint;
    private final double[][] g;
    private final double[][] f;
    private final String name;

    MatrixDeceptron(final String familyId, final String fingerprint, final RealMatrix g, final RealMatrix f,
                    final String name) {
        this.familyId = familyId;
        this.fingerprint = fingerprint;
        this.g = g.getData();
        this.f = f.getData();
        this.name = name;
    }

    @Override
    public String familyId() {
        return familyId;
    }

    @Override
    public String familyFingerprint() {
        return fingerprint;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int parameterSize() {
        return g.length;
    }

    @Override
    public int observationSize() {
        return g[0].length;
    }

    @Override
    public double trainingRjcp() {
        return Double.NaN;
    }

    @Override
    public double trainingSeconds() {
        return Double.NaN;
    }

    private static void mul(final double[][] m, final double[] v, final double[] out) {
        for (int i = 0; i < m.length; i++) {
            double s = 0;
            for (int j = 0; j < v.length; j++) {
                s += m[i][j] * v[j];
            }
            out[i] = s;
        }
    }

    @Override
    public DeceptronSession newSession() {
        return new DeceptronSession() {
            @Override
            public void inverse(final double[] y, final double[] x) {
                mul(g, y, x);
            }

            @Override
            public void inverseJvp(final double[] y, final double[] dy, final double[] x, final double[] dx) {
                mul(g, y, x);
                mul(g, dy, dx);
            }

            @Override
            public void forward(final double[] x, final double[] y) {
                mul(f, x, y);
            }

            @Override
            public void forwardJvp(final double[] x, final double[] dx, final double[] y, final double[] dy) {
                mul(f, x, y);
                mul(f, dx, dy);
            }
        };
    }
}
