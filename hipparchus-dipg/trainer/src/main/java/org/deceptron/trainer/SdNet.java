package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hipparchus.random.RandomGenerator;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.enums.WeightsFormat;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.controlflow.compat.StopGradient;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv2DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.Conv3DConfig;
import org.nd4j.linalg.api.ops.impl.layers.convolution.config.PaddingMode;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One network (f or g) declared in a {@link SameDiff} graph: its weights (trainable variables or frozen
 * constants) and any number of applications sharing them, each with an optional explicit tangent pass.
 * <p>
 * The tangent pass is the forward-mode JVP written as ordinary graph ops, so SameDiff can differentiate it with
 * respect to the weights (that is how JCP trains g): dense and convolution layers are linear in the tangent and
 * apply the same weights without bias; LeakyReLU multiplies the tangent by its slope mask
 * {@code z > 0 ? 1 : slope}, built with {@code gt + castTo} under a StopGradient (M2.1's LeakyReLUDerivative op
 * breaks gradient building: the graph then fails to differentiate); tanh multiplies by {@code 1 - tanh^2} (differentiable).
 * </p>
 * <p>
 * Weight layouts (SameDiff side): dense W [in, out] (x.mmul(W)), b [out]; conv2d W [kH, kW, in, out] (YXIO),
 * conv3d W [kD, kH, kW, in, out], b [out]. {@link ModelExport} transposes them to core's layouts.
 * </p>
 */
public final class SdNet {

    /** Graph. */
    private final SameDiff sd;

    /** Layers. */
    private final List<LayerSpec> layers;

    /** Variables by parameter name, in declaration order. */
    private final Map<String, SDVariable> params = new LinkedHashMap<>();

    /** Names of the trainable parameters (empty when frozen). */
    private final List<String> trainable = new ArrayList<>();

    /** Data type. */
    private final DataType dtype;

    /** Input size. */
    private final int inputSize;

    /** Prefix of the parameter names. */
    private final String prefixName;

    /** Output size. */
    private final int outputSize;

    /**
     * Declares a network in a graph.
     * @param sd the graph
     * @param prefix parameter name prefix (e.g. "f" or "g")
     * @param layers the layers
     * @param inputSize input size
     * @param values initial parameter values by name (see {@link #initialParameters}); copied
     * @param frozen declare the weights as constants (not trained)
     * @param dtype data type of the graph
     */
    public SdNet(final SameDiff sd, final String prefix, final List<LayerSpec> layers, final int inputSize,
                 final Map<String, INDArray> values, final boolean frozen, final DataType dtype) {
        this.sd = sd;
        this.layers = List.copyOf(layers);
        this.dtype = dtype;
        this.inputSize = inputSize;
        int size = inputSize;
        for (final LayerSpec l : layers) {
            size = l.outputSize(size);
        }
        this.outputSize = size;
        for (final String name : parameterNames(prefix, layers)) {
            final INDArray v = values.get(name);
            if (v == null) {
                throw new IllegalArgumentException("no value for parameter " + name);
            }
            final INDArray copy = v.castTo(dtype).dup('c');
            final SDVariable var = frozen ? sd.constant(name, copy) : sd.var(name, copy);
            params.put(name, var);
            if (!frozen) {
                trainable.add(name);
            }
        }
        this.prefixName = prefix;
    }

    /**
     * Returns the names of the trainable parameters.
     * @return the names (empty for a frozen network)
     */
    public List<String> trainableNames() {
        return Collections.unmodifiableList(trainable);
    }

    /**
     * Returns the names of all parameters.
     * @return the names, in declaration order
     */
    public List<String> parameterNames() {
        return List.copyOf(params.keySet());
    }

    /**
     * Returns the input size.
     * @return input size
     */
    public int inputSize() {
        return inputSize;
    }

    /**
     * Returns the output size.
     * @return output size
     */
    public int outputSize() {
        return outputSize;
    }

    /**
     * Applies the network to a flat batch [B, in].
     * @param x the input
     * @return the output [B, out]
     */
    public SDVariable apply(final SDVariable x) {
        return applyWithTangent(x, null)[0];
    }

    /**
     * Applies the network and its tangent map.
     * @param x the input [B, in]
     * @param dx the tangent input [B, in], or null for no tangent
     * @return {output [B, out], tangent output [B, out] or null}
     */
    public SDVariable[] applyWithTangent(final SDVariable x, final SDVariable dx) {
        Tensor t = new Tensor(x, dx, new long[] {inputSize});
        t = applyAll(prefixName, layers, t);
        t = t.reshape(sd, new long[] {outputSize});
        return new SDVariable[] {t.v, t.t};
    }

    /**
     * A value, its tangent (may be null) and its per-sample shape.
     * @param v value
     * @param t tangent or null
     * @param dims per-sample dimensions
     */
    private record Tensor(SDVariable v, SDVariable t, long[] dims) {
        Tensor reshape(final SameDiff sd, final long[] newDims) {
            if (Arrays.equals(dims, newDims)) {
                return this;
            }
            final long[] full = new long[newDims.length + 1];
            full[0] = -1;
            System.arraycopy(newDims, 0, full, 1, newDims.length);
            return new Tensor(sd.reshape(v, full), t == null ? null : sd.reshape(t, full), newDims);
        }
    }

    private Tensor applyAll(final String path, final List<LayerSpec> list, final Tensor in) {
        Tensor t = in;
        for (int i = 0; i < list.size(); i++) {
            t = applyOne(path + "_" + i, list.get(i), t);
        }
        return t;
    }

    private Tensor applyOne(final String name, final LayerSpec layer, final Tensor in) {
        if (layer instanceof LayerSpec.Dense d) {
            final Tensor x = in.reshape(sd, new long[] {d.in()});
            final SDVariable w = params.get(name + "_W");
            final SDVariable b = params.get(name + "_b");
            return new Tensor(x.v.mmul(w).add(b), x.t == null ? null : x.t.mmul(w), new long[] {d.out()});
        } else if (layer instanceof LayerSpec.LeakyRelu r) {
            final SDVariable y = sd.nn().leakyRelu(in.v, r.slope());
            SDVariable dy = null;
            if (in.t != null) {
                final SDVariable mask = stopGradient(sd, in.v.gt(0.0).castTo(dtype).mul(1.0 - r.slope()).add(r.slope()));
                dy = mask.mul(in.t);
            }
            return new Tensor(y, dy, in.dims);
        } else if (layer instanceof LayerSpec.Tanh) {
            final SDVariable y = sd.math().tanh(in.v);
            return new Tensor(y, in.t == null ? null : y.mul(y).rsub(1.0).mul(in.t), in.dims);
        } else if (layer instanceof LayerSpec.Reshape r) {
            return in.reshape(sd, new long[] {r.size()});
        } else if (layer instanceof LayerSpec.Conv c) {
            final long[] dims = new long[c.shape().length + 1];
            dims[0] = c.inChannels();
            for (int k = 0; k < c.shape().length; k++) {
                dims[k + 1] = c.shape()[k];
            }
            final Tensor x = in.reshape(sd, dims);
            final SDVariable w = params.get(name + "_W");
            final SDVariable b = params.get(name + "_b");
            final SDVariable y = conv(c, x.v, w, b);
            final SDVariable dy = x.t == null ? null : conv(c, x.t, w, null);
            final long[] outDims = dims.clone();
            outDims[0] = c.outChannels();
            return new Tensor(y, dy, outDims);
        } else if (layer instanceof LayerSpec.Residual r) {
            final Tensor body = applyAll(name, r.body(), in).reshape(sd, in.dims);
            Tensor s = new Tensor(in.v.add(body.v), in.t == null ? null : in.t.add(body.t), in.dims);
            if (r.post() != null) {
                s = applyOne(name + "_post", r.post(), s);
            }
            return s;
        }
        throw new IllegalArgumentException("unsupported layer " + layer);
    }

    private SDVariable conv(final LayerSpec.Conv c, final SDVariable x, final SDVariable w, final SDVariable b) {
        final int k = c.kernel();
        SDVariable in = x;
        PaddingMode mode = PaddingMode.SAME;
        if (c.circular()) {
            in = circularPad(in, c.shape(), k / 2);
            mode = PaddingMode.VALID;
        }
        if (c.dims() == 2) {
            final Conv2DConfig cfg = Conv2DConfig.builder().kH(k).kW(k).sH(1).sW(1).dH(1).dW(1).pH(0).pW(0)
                .paddingMode(mode).dataFormat("NCHW").weightsFormat(WeightsFormat.YXIO).build();
            return b == null ? sd.cnn().conv2d(in, w, cfg) : sd.cnn().conv2d(in, w, b, cfg);
        } else if (c.dims() == 3) {
            final Conv3DConfig cfg = Conv3DConfig.builder().kD(k).kH(k).kW(k).sD(1).sH(1).sW(1).dD(1).dH(1).dW(1)
                .pD(0).pH(0).pW(0).biasUsed(b != null).paddingMode(mode).dataFormat("NCDHW").build();
            return b == null ? sd.cnn().conv3d(in, w, cfg) : sd.cnn().conv3d(in, w, b, cfg);
        }
        throw new IllegalArgumentException("only 2-D and 3-D convolutions are trained, got " + c);
    }

    /**
     * Pads periodically along every spatial axis (axes 2..) by concatenating wrapped slices.
     * @param x input [B, C, spatial...]
     * @param shape spatial shape
     * @param p pad width on each side
     * @return the padded tensor
     */
    private SDVariable circularPad(final SDVariable x, final int[] shape, final int p) {
        SDVariable y = x;
        if (p == 0) {
            return y;
        }
        for (int a = 0; a < shape.length; a++) {
            final int axis = a + 2;
            final int n = shape[a];
            final SDVariable left = y.get(slice(axis, shape.length + 2, n - p, n));
            final SDVariable right = y.get(slice(axis, shape.length + 2, 0, p));
            y = sd.concat(axis, left, y, right);
        }
        return y;
    }

    private static SDIndex[] slice(final int axis, final int rank, final int from, final int to) {
        final SDIndex[] idx = new SDIndex[rank];
        for (int i = 0; i < rank; i++) {
            idx[i] = i == axis ? SDIndex.interval((long) from, (long) to) : SDIndex.all();
        }
        return idx;
    }

    /**
     * StopGradient (there is no {@code sd.stopGradient} in M2.1): identity forward, zero gradient.
     * @param sd graph
     * @param v variable
     * @return the stopped variable
     */
    public static SDVariable stopGradient(final SameDiff sd, final SDVariable v) {
        return new StopGradient(sd, v).outputVariable();
    }

    /**
     * Lists the parameter names of a network, in declaration order.
     * @param prefix name prefix
     * @param layers layers
     * @return the names
     */
    public static List<String> parameterNames(final String prefix, final List<LayerSpec> layers) {
        final List<String> names = new ArrayList<>();
        collectNames(prefix, layers, names);
        return names;
    }

    private static void collectNames(final String path, final List<LayerSpec> list, final List<String> out) {
        for (int i = 0; i < list.size(); i++) {
            final String name = path + "_" + i;
            final LayerSpec l = list.get(i);
            if (l instanceof LayerSpec.Dense || l instanceof LayerSpec.Conv) {
                out.add(name + "_W");
                out.add(name + "_b");
            } else if (l instanceof LayerSpec.Residual r) {
                collectNames(name, r.body(), out);
            }
        }
    }

    /**
     * Draws initial parameters: He-normal weights (std sqrt(2 / ((1 + slope^2) fan_in))) for layers followed by a
     * LeakyReLU, LeCun-normal (std sqrt(1 / fan_in)) for the others, halved for the last layer of a residual
     * body (keeps the blocks near identity at the start); zero biases. Drawn from {@code random} in declaration
     * order, so the initialisation is deterministic for a seed.
     * @param prefix name prefix
     * @param layers layers
     * @param random random source
     * @param dtype data type
     * @return values by parameter name, SameDiff layout
     */
    public static Map<String, INDArray> initialParameters(final String prefix, final List<LayerSpec> layers,
                                                          final RandomGenerator random, final DataType dtype) {
        final Map<String, INDArray> out = new LinkedHashMap<>();
        init(prefix, layers, random, dtype, out, false);
        return out;
    }

    private static void init(final String path, final List<LayerSpec> list, final RandomGenerator random,
                             final DataType dtype, final Map<String, INDArray> out, final boolean residualBody) {
        for (int i = 0; i < list.size(); i++) {
            final String name = path + "_" + i;
            final LayerSpec l = list.get(i);
            final boolean nextIsRelu = i + 1 < list.size() && list.get(i + 1) instanceof LayerSpec.LeakyRelu r
                                       && r.slope() < 1;
            final boolean lastOfBody = residualBody && i == list.size() - 1;
            long[] shape = null;
            long fanIn = 0;
            long outN = 0;
            if (l instanceof LayerSpec.Dense d) {
                shape = new long[] {d.in(), d.out()};
                fanIn = d.in();
                outN = d.out();
            } else if (l instanceof LayerSpec.Conv c) {
                shape = new long[c.dims() + 2];
                long taps = 1;
                for (int k = 0; k < c.dims(); k++) {
                    shape[k] = c.kernel();
                    taps *= c.kernel();
                }
                shape[c.dims()] = c.inChannels();
                shape[c.dims() + 1] = c.outChannels();
                fanIn = taps * c.inChannels();
                outN = c.outChannels();
            } else if (l instanceof LayerSpec.Residual r) {
                init(name, r.body(), random, dtype, out, true);
                continue;
            } else {
                continue;
            }
            final double slope = Architecture.SLOPE;
            double std = nextIsRelu ? Math.sqrt(2.0 / ((1 + slope * slope) * fanIn)) : Math.sqrt(1.0 / fanIn);
            if (lastOfBody) {
                std *= 0.5;
            }
            long count = 1;
            for (final long s : shape) {
                count *= s;
            }
            final double[] w = new double[(int) count];
            for (int k = 0; k < w.length; k++) {
                w[k] = std * random.nextGaussian();
            }
            out.put(name + "_W", Nd4j.create(w, shape, 'c').castTo(dtype));
            out.put(name + "_b", Nd4j.zeros(dtype, outN));
        }
    }
}
