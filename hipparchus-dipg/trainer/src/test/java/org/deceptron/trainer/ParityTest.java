package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.NetworkEvaluator;
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
 * The exported core network computes what the SameDiff network computes: outputs and JVPs agree within 1e-5
 * (relative to the largest component) for every architecture, in double precision, with random (non-zero)
 * biases so that every layout transposition is exercised.
 */
class ParityTest {

    static Stream<Arguments> architectures() {
        return Stream.of(
            Arguments.of("mlp", new Architecture.Mlp(new int[] {12, 7}, false, false), 10, 6),
            Arguments.of("mlp+lrelu", new Architecture.Mlp(new int[0], true, false), 9, 9),
            Arguments.of("mlp+tanh", new Architecture.Mlp(new int[] {16}, false, true), 8, 5),
            Arguments.of("conv2d zero", new Architecture.ConvResNet(new int[] {5, 6}, 4, 2, 3, false, false), 30, 30),
            Arguments.of("conv2d circular", new Architecture.ConvResNet(new int[] {6, 5}, 3, 1, 3, true, false),
                         30, 30),
            Arguments.of("conv2d circular k5 tanh",
                         new Architecture.ConvResNet(new int[] {7, 6}, 3, 1, 5, true, true), 42, 42),
            Arguments.of("conv3d zero tanh", new Architecture.ConvResNet(new int[] {3, 4, 5}, 3, 1, 3, false, true),
                         60, 60),
            Arguments.of("conv3d circular", new Architecture.ConvResNet(new int[] {4, 3, 4}, 2, 1, 3, true, false),
                         48, 48));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("architectures")
    void coreMatchesSameDiff(final String label, final Architecture arch, final int in, final int out) {
        final List<LayerSpec> layers = arch.layers(in, out);
        final RandomGenerator random = new Well19937c(3);
        final Map<String, INDArray> params = SdNet.initialParameters("g", layers, random, DataType.DOUBLE);
        for (final Map.Entry<String, INDArray> e : params.entrySet()) {
            if (e.getKey().endsWith("_b")) {
                final double[] b = new double[(int) e.getValue().length()];
                for (int i = 0; i < b.length; i++) {
                    b[i] = 0.3 * random.nextGaussian();
                }
                e.setValue(Nd4j.create(b, new long[] {b.length}, DataType.DOUBLE));
            }
        }
        final int batch = 3;
        final double[][] x = new double[batch][in];
        final double[][] dx = new double[batch][in];
        for (int s = 0; s < batch; s++) {
            for (int j = 0; j < in; j++) {
                x[s][j] = random.nextGaussian();
                dx[s][j] = random.nextGaussian();
            }
        }
        final SameDiff sd = SameDiff.create();
        final SDVariable xv = sd.placeHolder("x", DataType.DOUBLE, -1, in);
        final SDVariable dv = sd.placeHolder("dx", DataType.DOUBLE, -1, in);
        final SdNet net = new SdNet(sd, "g", layers, in, params, true, DataType.DOUBLE);
        final SDVariable[] yt = net.applyWithTangent(xv, dv);
        sd.updateVariableNameAndReference(yt[0], "y");
        sd.updateVariableNameAndReference(yt[1], "dy");
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put("x", Nd4j.create(x));
        ph.put("dx", Nd4j.create(dx));
        final Map<String, INDArray> res = sd.output(ph, "y", "dy");
        final double[][] ySd = res.get("y").toDoubleMatrix();
        final double[][] dySd = res.get("dy").toDoubleMatrix();

        final Network core = CoreNetworks.toNetwork("g", layers, params);
        assertThat(core.inputSize()).isEqualTo(in);
        assertThat(core.outputSize()).isEqualTo(out);
        final NetworkEvaluator ev = core.newEvaluator();
        for (int s = 0; s < batch; s++) {
            final double[] y = new double[out];
            final double[] y2 = new double[out];
            final double[] dy = new double[out];
            ev.forward(x[s], y);
            ev.jvp(x[s], dx[s], y2, dy);
            assertClose(label + " y", y, ySd[s]);
            assertClose(label + " y(jvp)", y2, ySd[s]);
            assertClose(label + " dy", dy, dySd[s]);
        }
    }

    static void assertClose(final String what, final double[] actual, final double[] expected) {
        double scale = 0;
        double err = 0;
        for (int i = 0; i < expected.length; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
            err = Math.max(err, Math.abs(actual[i] - expected[i]));
        }
        assertThat(scale).as(what + " is not trivially zero").isGreaterThan(1e-3);
        assertThat(err / scale).as(what + " relative error").isLessThanOrEqualTo(1e-5);
    }
}
