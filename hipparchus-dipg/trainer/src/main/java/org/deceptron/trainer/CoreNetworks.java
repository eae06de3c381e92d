package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.nn.ResidualBlock;
import org.deceptron.dipg.nn.Tanh;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Converts trained SameDiff weights to core's plain-Java {@link Network}, transposing the layouts:
 * <ul>
 *   <li>dense: SameDiff {@code x.mmul(W)} with W [in][out] -&gt; core row-major [out][in];</li>
 *   <li>conv2d: SameDiff YXIO [kH][kW][in][out] -&gt; core [out][in][kH][kW];</li>
 *   <li>conv3d: SameDiff [kD][kH][kW][in][out] -&gt; core [out][in][kD][kH][kW].</li>
 * </ul>
 * Biases are copied as they are. Values are converted to double.
 */
public final class CoreNetworks {

    /** Not instantiable. */
    private CoreNetworks() {
    }

    /**
     * Builds a core network.
     * @param prefix parameter name prefix
     * @param layers layer specs
     * @param params parameters by name (SameDiff layout)
     * @return the network
     */
    public static Network toNetwork(final String prefix, final List<LayerSpec> layers,
                                    final Map<String, INDArray> params) {
        return new Network(convert(prefix, layers, params));
    }

    private static List<Layer> convert(final String path, final List<LayerSpec> list,
                                       final Map<String, INDArray> params) {
        final List<Layer> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            out.add(convert(path + "_" + i, list.get(i), params));
        }
        return out;
    }

    private static Layer convert(final String name, final LayerSpec l, final Map<String, INDArray> params) {
        if (l instanceof LayerSpec.Dense d) {
            final double[] w = values(params, name + "_W");
            final double[] t = new double[w.length];
            for (int i = 0; i < d.in(); i++) {
                for (int o = 0; o < d.out(); o++) {
                    t[o * d.in() + i] = w[i * d.out() + o];
                }
            }
            return new Dense(d.in(), d.out(), t, values(params, name + "_b"));
        } else if (l instanceof LayerSpec.LeakyRelu r) {
            return new LeakyRelu(r.slope());
        } else if (l instanceof LayerSpec.Tanh) {
            return new Tanh();
        } else if (l instanceof LayerSpec.Reshape r) {
            return new Reshape(r.size());
        } else if (l instanceof LayerSpec.Conv c) {
            final double[] w = values(params, name + "_W");
            final int taps = (int) Math.round(Math.pow(c.kernel(), c.dims()));
            final int in = c.inChannels();
            final int outC = c.outChannels();
            final double[] t = new double[w.length];
            // SameDiff: [taps...][in][out] with the taps row-major (kD, kH, kW); core: [out][in][taps...]
            for (int k = 0; k < taps; k++) {
                for (int i = 0; i < in; i++) {
                    for (int o = 0; o < outC; o++) {
                        t[(o * in + i) * taps + k] = w[(k * in + i) * outC + o];
                    }
                }
            }
            return new Convolution(c.dims(), in, outC, c.kernel(), c.circular() ? Padding.CIRCULAR : Padding.ZERO,
                                   c.shape().clone(), t, values(params, name + "_b"));
        } else if (l instanceof LayerSpec.Residual r) {
            return new ResidualBlock(convert(name, r.body(), params),
                                     r.post() == null ? null : convert(name + "_post", r.post(), params));
        }
        throw new IllegalArgumentException("unsupported layer " + l);
    }

    private static double[] values(final Map<String, INDArray> params, final String name) {
        final INDArray a = params.get(name);
        if (a == null) {
            throw new IllegalArgumentException("missing parameter " + name);
        }
        return a.castTo(DataType.DOUBLE).dup('c').data().asDouble();
    }
}
