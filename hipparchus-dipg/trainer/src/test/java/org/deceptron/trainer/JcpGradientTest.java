package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The JCP tangent pass in the SameDiff graph is right (double precision, tiny sizes):
 * <ol>
 *   <li>J_g(f(x)) J_f(x) xi from the explicit tangent ops equals the central finite difference of g(f(x));</li>
 *   <li>the gradient of the whole S3 loss (rec + cycle + JCP) with respect to g's weights equals the central
 *   finite difference of the loss.</li>
 * </ol>
 */
class JcpGradientTest {

    static Stream<Arguments> nets() {
        return Stream.of(
            Arguments.of("mlp", new Architecture.Mlp(new int[] {7}, true, false),
                         new Architecture.Mlp(new int[] {9}, false, false), 5),
            Arguments.of("mlp tanh", new Architecture.Mlp(new int[] {6}, false, false),
                         new Architecture.Mlp(new int[] {6}, false, true), 4),
            Arguments.of("conv2d circular", new Architecture.ConvResNet(new int[] {4, 4}, 2, 1, 3, true, false),
                         new Architecture.ConvResNet(new int[] {4, 4}, 2, 1, 3, true, true), 16),
            Arguments.of("conv3d zero", new Architecture.ConvResNet(new int[] {3, 3, 3}, 2, 1, 3, false, false),
                         new Architecture.ConvResNet(new int[] {3, 3, 3}, 2, 1, 3, false, false), 27));
    }

    private static Map<String, INDArray> withBiases(final Map<String, INDArray> p, final RandomGenerator r) {
        for (final Map.Entry<String, INDArray> e : p.entrySet()) {
            if (e.getKey().endsWith("_b")) {
                final double[] b = new double[(int) e.getValue().length()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = 0.2 * r.nextGaussian();
                }
                e.setValue(Nd4j.create(b, new long[] {b.length}, DataType.DOUBLE));
            }
        }
        return p;
    }

    private static INDArray gaussian(final RandomGenerator r, final int rows, final int cols) {
        final double[][] a = new double[rows][cols];
        for (final double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextGaussian();
            }
        }
        return Nd4j.create(a);
    }

    private static INDArray rademacher(final RandomGenerator r, final int rows, final int cols) {
        final double[][] a = new double[rows][cols];
        for (final double[] row : a) {
            for (int j = 0; j < cols; j++) {
                row[j] = r.nextBoolean() ? 1 : -1;
            }
        }
        return Nd4j.create(a);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void tangentPassMatchesFiniteDifferences(final String label, final Architecture fa, final Architecture ga,
                                             final int n) {
        final RandomGenerator r = new Well19937c(11);
        final List<LayerSpec> fl = fa.layers(n, n);
        final List<LayerSpec> gl = ga.layers(n, n);
        final Map<String, INDArray> fp = withBiases(SdNet.initialParameters("f", fl, r, DataType.DOUBLE), r);
        final Map<String, INDArray> gp = withBiases(SdNet.initialParameters("g", gl, r, DataType.DOUBLE), r);
        final SameDiff sd = SameDiff.create();
        final SDVariable x = sd.placeHolder("x", DataType.DOUBLE, -1, n);
        final SDVariable xi = sd.placeHolder("xi", DataType.DOUBLE, -1, n);
        final SdNet f = new SdNet(sd, "f", fl, n, fp, true, DataType.DOUBLE);
        final SdNet g = new SdNet(sd, "g", gl, n, gp, true, DataType.DOUBLE);
        final SDVariable[] fx = f.applyWithTangent(x, xi);
        final SDVariable[] gfx = g.applyWithTangent(fx[0], fx[1]);
        sd.updateVariableNameAndReference(gfx[0], "gf");
        sd.updateVariableNameAndReference(gfx[1], "jvp");
        final INDArray xa = gaussian(r, 3, n);
        final INDArray xia = rademacher(r, 3, n);
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", xa);
        ph.put("xi", xia);
        final double[][] jvp = sd.output(ph, "jvp").get("jvp").toDoubleMatrix();
        final double eps = 1e-6;
        ph.put("x", xa.add(xia.mul(eps)));
        final double[][] plus = sd.output(ph, "gf").get("gf").toDoubleMatrix();
        ph.put("x", xa.sub(xia.mul(eps)));
        final double[][] minus = sd.output(ph, "gf").get("gf").toDoubleMatrix();
        for (int s = 0; s < 3; s++) {
            final double[] fd = new double[n];
            for (int j = 0; j < n; j++) {
                fd[j] = (plus[s][j] - minus[s][j]) / (2 * eps);
            }
            ParityTest.assertClose(label + " jvp vs FD", jvp[s], fd);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void lossGradientMatchesFiniteDifferences(final String label, final Architecture fa, final Architecture ga,
                                              final int n) {
        final RandomGenerator r = new Well19937c(12);
        final List<LayerSpec> fl = fa.layers(n, n);
        final List<LayerSpec> gl = ga.layers(n, n);
        final Map<String, INDArray> fp = withBiases(SdNet.initialParameters("f", fl, r, DataType.DOUBLE), r);
        final Map<String, INDArray> gp = withBiases(SdNet.initialParameters("g", gl, r, DataType.DOUBLE), r);
        final StageGraphs.Graph graph = StageGraphs.reverse(fl, gl, n, n, fp, gp, true, 0.3, JcpTarget.SURROGATE,
                                                            0.7, true, DataType.DOUBLE);
        final SameDiff sd = graph.sd();
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", gaussian(r, 4, n));
        ph.put("y", gaussian(r, 4, n));
        ph.put("yt", gaussian(r, 4, n));
        ph.put("xj", gaussian(r, 4, n));
        ph.put("xi", rademacher(r, 4, n));
        final Map<String, INDArray> grads = sd.calculateGradients(ph, graph.trainable());
        // the JCP term alone must reach g's weights (not only through rec/cyc)
        final double jcp = sd.output(ph, "jcp").get("jcp").getDouble(0);
        assertThat(jcp).isGreaterThan(1e-3);
        final double eps = 1e-6;
        int checked = 0;
        for (final String name : graph.trainable()) {
            final INDArray p = sd.getArrForVarName(name);
            final INDArray grad = grads.get(name);
            final long len = p.length();
            final long stride = Math.max(1, len / 6);
            for (long k = 0; k < len; k += stride) {
                final double old = p.getDouble(k);
                p.putScalar(k, old + eps);
                final double lp = sd.output(ph, "loss").get("loss").getDouble(0);
                p.putScalar(k, old - eps);
                final double lm = sd.output(ph, "loss").get("loss").getDouble(0);
                p.putScalar(k, old);
                final double fd = (lp - lm) / (2 * eps);
                final double an = grad == null ? 0.0 : grad.getDouble(k);
                assertThat(an).as(label + " dLoss/d" + name + "[" + k + "]")
                    .isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(fd)));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(10);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("nets")
    void jcpGradientAloneMatchesFiniteDifferences(final String label, final Architecture fa, final Architecture ga,
                                                  final int n) {
        final RandomGenerator r = new Well19937c(13);
        final List<LayerSpec> fl = fa.layers(n, n);
        final List<LayerSpec> gl = ga.layers(n, n);
        final Map<String, INDArray> fp = withBiases(SdNet.initialParameters("f", fl, r, DataType.DOUBLE), r);
        final Map<String, INDArray> gp = withBiases(SdNet.initialParameters("g", gl, r, DataType.DOUBLE), r);
        final SameDiff sd = SameDiff.create();
        final SDVariable xj = sd.placeHolder("xj", DataType.DOUBLE, -1, n);
        final SDVariable xi = sd.placeHolder("xi", DataType.DOUBLE, -1, n);
        final SdNet f = new SdNet(sd, "f", fl, n, fp, true, DataType.DOUBLE);
        final SdNet g = new SdNet(sd, "g", gl, n, gp, false, DataType.DOUBLE);
        final SDVariable[] fd = f.applyWithTangent(xj, xi);
        final SDVariable jvp = g.applyWithTangent(SdNet.stopGradient(sd, fd[0]), SdNet.stopGradient(sd, fd[1]))[1];
        final SDVariable loss = sd.math().squaredDifference(jvp, xi).mean();
        sd.updateVariableNameAndReference(loss, "loss");
        sd.setLossVariables("loss");
        StageGraphs.buildGradients(sd);
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put("xj", gaussian(r, 5, n));
        ph.put("xi", rademacher(r, 5, n));
        final Map<String, INDArray> grads = sd.calculateGradients(ph, g.trainableNames());
        final double eps = 1e-6;
        double maxAbs = 0;
        for (final String name : g.trainableNames()) {
            final INDArray p = sd.getArrForVarName(name);
            final INDArray grad = grads.get(name);
            final long len = p.length();
            final long stride = Math.max(1, len / 5);
            for (long k = 0; k < len; k += stride) {
                final double old = p.getDouble(k);
                p.putScalar(k, old + eps);
                final double lp = sd.output(ph, "loss").get("loss").getDouble(0);
                p.putScalar(k, old - eps);
                final double lm = sd.output(ph, "loss").get("loss").getDouble(0);
                p.putScalar(k, old);
                final double num = (lp - lm) / (2 * eps);
                // biases that only enter through the piecewise-constant LeakyReLU mask have no gradient path: null
                final double an = grad == null ? 0.0 : grad.getDouble(k);
                maxAbs = Math.max(maxAbs, Math.abs(an));
                assertThat(an).as(label + " dJCP/d" + name + "[" + k + "]")
                    .isCloseTo(num, org.assertj.core.data.Offset.offset(1e-6 + 1e-5 * Math.abs(num)));
            }
        }
        assertThat(maxAbs).as("JCP reaches g's weights").isGreaterThan(1e-4);
    }
}
