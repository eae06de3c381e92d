package org.deceptron.dipg.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.nn.ResidualBlock;
import org.deceptron.dipg.nn.Tanh;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.exception.MathIllegalStateException;

/**
 * The registry of the {@link LayerCodec}s of format version 1, looked up by layer class (writing) and by tag
 * (reading), and the reading and writing of layer lists. The layouts are documented in {@link ModelFile}.
 * <p>
 * Adding a layer type to the format: write the layer class (and add it to the {@code permits} clause of
 * {@link Layer}), write its codec here, register it in {@link #CODECS} and document its layout in
 * {@link ModelFile}. {@code LayerCodecsTest} checks that every permitted layer class has exactly one codec and that
 * no two codecs share a tag.
 * </p>
 */
final class LayerCodecs {

    /** Every codec of the format, one per layer class. */
    static final List<LayerCodec<?>> CODECS = List.of(
        new DenseCodec(), new LeakyReluCodec(), new TanhCodec(), new ConvolutionCodec(), new ResidualCodec(),
        new ReshapeCodec());

    /** Codecs by layer class. */
    private static final Map<Class<?>, LayerCodec<?>> BY_TYPE =
        CODECS.stream().collect(Collectors.toUnmodifiableMap(LayerCodec::type, Function.identity()));

    /** Codecs by tag. */
    private static final Map<Integer, LayerCodec<?>> BY_TAG =
        CODECS.stream().flatMap(c -> c.tags().stream().map(t -> Map.entry(t.code(), c)))
              .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    /** The known tags for messages, e.g. "1 Dense, 2 LeakyRelu, ...", by increasing tag. */
    private static final String KNOWN_TAGS =
        CODECS.stream().flatMap(c -> c.tags().stream()).sorted(Comparator.comparingInt(LayerCodec.Tag::code))
              .map(t -> t.code() + " " + t.name()).collect(Collectors.joining(", "));

    /** Utility class. */
    private LayerCodecs() {
    }

    /**
     * Returns the codec of a layer class.
     * @param type the layer class
     * @return the codec, or null when the class has none
     */
    static LayerCodec<?> forType(final Class<?> type) {
        return BY_TYPE.get(type);
    }

    /**
     * Returns the codec reading a tag.
     * @param tag the tag
     * @return the codec, or null for an unknown tag
     */
    static LayerCodec<?> forTag(final int tag) {
        return BY_TAG.get(tag);
    }

    /**
     * Writes a count and layers.
     * @param out the stream
     * @param layers the layers
     * @throws IOException when writing fails
     */
    static void writeLayers(final DataOutputStream out, final List<Layer> layers) throws IOException {
        out.writeInt(layers.size());
        for (final Layer layer : layers) {
            writeLayer(out, layer);
        }
    }

    /**
     * Writes one layer: tag and parameters.
     * @param out the stream
     * @param layer the layer
     * @throws IOException when writing fails
     * @throws MathIllegalStateException when the layer's class has no codec ({@link DipgFormats#MODEL_NO_LAYER_CODEC})
     */
    static void writeLayer(final DataOutputStream out, final Layer layer) throws IOException {
        final LayerCodec<?> codec = BY_TYPE.get(layer.getClass());
        if (codec == null) {
            throw new MathIllegalStateException(DipgFormats.MODEL_NO_LAYER_CODEC, layer);
        }
        write(codec, layer, out);
    }

    /**
     * Writes a layer with its codec.
     * @param codec the codec of the layer's class
     * @param layer the layer
     * @param out the stream
     * @param <L> the layer type
     * @throws IOException when writing fails
     */
    private static <L extends Layer> void write(final LayerCodec<L> codec, final Layer layer,
                                                final DataOutputStream out) throws IOException {
        codec.write(codec.type().cast(layer), out);
    }

    /**
     * Reads a count and that many layers.
     * @param r the body reader
     * @param what where the layers belong, for messages
     * @param depth nesting depth of residual blocks
     * @return the layers
     */
    static List<Layer> readLayers(final BodyReader r, final String what, final int depth) {
        final int count = r.readCount("layer count of " + what, 1,
                                      Math.min(FormatV1.MAX_LAYERS, r.remaining() / Integer.BYTES));
        // the count is backed by at least 4 bytes per layer, but nested lists would each reserve it: grow instead
        final List<Layer> layers = new ArrayList<>(Math.min(count, 16));
        for (int k = 0; k < count; k++) {
            layers.add(readLayer(r, what + " layer " + k, depth));
        }
        return layers;
    }

    /**
     * Reads one layer: its tag, then its parameters with the tag's codec.
     * @param r the body reader
     * @param what which layer, for messages
     * @param depth nesting depth of residual blocks
     * @return the layer
     */
    static Layer readLayer(final BodyReader r, final String what, final int depth) {
        r.countLayer(what);
        final int tag = r.readInt("tag of " + what);
        final LayerCodec<?> codec = BY_TAG.get(tag);
        if (codec == null) {
            throw r.corrupt("unknown layer tag " + tag + " for " + what + " (known tags: " + KNOWN_TAGS + ")");
        }
        final Layer layer;
        try {
            layer = codec.read(tag, r, what, depth);
        } catch (MathIllegalArgumentException e) {
            throw r.corrupt("invalid " + what + ": " + e.getMessage(), e);
        }
        checkActivation(r, what, layer);
        return layer;
    }

    /**
     * Refuses a layer whose input or output size exceeds {@link ReadLimits#maxActivation()}. The layers of a
     * residual body are checked as they are read, element-wise layers keep the size they are given: checking every
     * layer with a fixed size bounds every activation of the model. Layer constructors allocate nothing beyond
     * their parameters (which the file holds), so the check can follow the construction.
     * @param r the body reader
     * @param what which layer, for messages
     * @param layer the layer
     */
    private static void checkActivation(final BodyReader r, final String what, final Layer layer) {
        final int in = layer.inputSize();
        if (in == Layer.ANY_SIZE) {
            return;
        }
        final long size = Math.max(in, layer.outputSize(in));
        if (size > r.limits().maxActivation()) {
            throw r.tooLarge(what + " (" + layer + ") has an activation of " + size + " values, over the limit of "
                             + r.limits().maxActivation() + " values per layer (ModelFile.MAX_ACTIVATION)");
        }
    }

    /**
     * Multiplies non-negative sizes without overflow: the running product never exceeds {@code cap} before a
     * multiplication, so it never wraps.
     * @param cap the largest acceptable product (at most {@link Long#MAX_VALUE} / 2^31)
     * @param factors the factors, each non-negative and at most {@link Integer#MAX_VALUE}
     * @return the product, or -1 when it exceeds {@code cap}
     */
    static long cappedProduct(final long cap, final long... factors) {
        long product = 1;
        for (final long factor : factors) {
            product *= factor;
            if (product > cap) {
                return -1;
            }
        }
        return product;
    }

    /**
     * Tells whether every value is exactly representable as a float.
     * @param values the values
     * @return true when storing them as float32 loses nothing
     */
    static boolean isFloatExact(final double[] values) {
        for (final double v : values) {
            if ((double) (float) v != v && !Double.isNaN(v)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Writes values (no length) as doubles or (exactly representable) floats.
     * @param out the stream
     * @param values the values
     * @param single whether to write float32
     * @throws IOException when writing fails
     */
    static void writeValues(final DataOutputStream out, final double[] values, final boolean single)
            throws IOException {
        for (final double v : values) {
            if (single) {
                out.writeFloat((float) v);
            } else {
                out.writeDouble(v);
            }
        }
    }

    /**
     * {@link Dense}: tag 1 {@code int in, int out, double[out*in] weights (row-major [out][in]), double[out] bias},
     * tag 7 the same with float32 values (written when every weight and bias is exactly a float).
     */
    private static final class DenseCodec implements LayerCodec<Dense> {

        /** Tag of double values. */
        static final int DENSE = 1;

        /** Tag of float32 values. */
        static final int DENSE_FLOAT = 7;

        @Override
        public Class<Dense> type() {
            return Dense.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(DENSE, "Dense"), new Tag(DENSE_FLOAT, "Dense float32"));
        }

        @Override
        public void write(final Dense dense, final DataOutputStream out) throws IOException {
            final double[] weights = dense.weights();
            final double[] bias = dense.bias();
            final boolean single = isFloatExact(weights) && isFloatExact(bias);
            out.writeInt(single ? DENSE_FLOAT : DENSE);
            out.writeInt(dense.inputSize());
            out.writeInt(dense.outputSize());
            writeValues(out, weights, single);
            writeValues(out, bias, single);
        }

        @Override
        public Dense read(final int tag, final BodyReader r, final String what, final int depth) {
            final boolean single = tag == DENSE_FLOAT;
            final int in = r.readCount("input size of " + what, 1, Layer.MAX_SIZE);
            final int out = r.readCount("output size of " + what, 1, Layer.MAX_SIZE);
            // a product of two ints cannot overflow a long; readValues checks it against the bytes present
            final double[] w = r.readValues((long) in * out, single, "weights of " + what);
            final double[] b = r.readValues(out, single, "biases of " + what);
            return new Dense(in, out, w, b);
        }
    }

    /** {@link LeakyRelu}: tag 2 {@code double slope}. */
    private static final class LeakyReluCodec implements LayerCodec<LeakyRelu> {

        /** Tag. */
        static final int LEAKY_RELU = 2;

        @Override
        public Class<LeakyRelu> type() {
            return LeakyRelu.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(LEAKY_RELU, "LeakyRelu"));
        }

        @Override
        public void write(final LeakyRelu relu, final DataOutputStream out) throws IOException {
            out.writeInt(LEAKY_RELU);
            out.writeDouble(relu.slope());
        }

        @Override
        public LeakyRelu read(final int tag, final BodyReader r, final String what, final int depth) {
            return new LeakyRelu(r.readDouble("slope of " + what));
        }
    }

    /** {@link Tanh}: tag 3, no parameters. */
    private static final class TanhCodec implements LayerCodec<Tanh> {

        /** Tag. */
        static final int TANH = 3;

        @Override
        public Class<Tanh> type() {
            return Tanh.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(TANH, "Tanh"));
        }

        @Override
        public void write(final Tanh tanh, final DataOutputStream out) throws IOException {
            out.writeInt(TANH);
        }

        @Override
        public Tanh read(final int tag, final BodyReader r, final String what, final int depth) {
            return new Tanh();
        }
    }

    /**
     * {@link Convolution}: tag 4 {@code int dims, int inChannels, int outChannels, int kernel, int padding (0 ZERO,
     * 1 CIRCULAR), int[dims] spatial shape, double[out*in*kernel^dims] weights, double[out] bias}, tag 8 the same
     * with float32 values (written when every weight and bias is exactly a float).
     */
    private static final class ConvolutionCodec implements LayerCodec<Convolution> {

        /** Tag of double values. */
        static final int CONVOLUTION = 4;

        /** Tag of float32 values. */
        static final int CONVOLUTION_FLOAT = 8;

        /** Code of {@link Padding#ZERO}. */
        static final int PADDING_ZERO = 0;

        /** Code of {@link Padding#CIRCULAR}. */
        static final int PADDING_CIRCULAR = 1;

        @Override
        public Class<Convolution> type() {
            return Convolution.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(CONVOLUTION, "Convolution"), new Tag(CONVOLUTION_FLOAT, "Convolution float32"));
        }

        @Override
        public void write(final Convolution conv, final DataOutputStream out) throws IOException {
            final double[] weights = conv.weights();
            final double[] bias = conv.bias();
            final boolean single = isFloatExact(weights) && isFloatExact(bias);
            out.writeInt(single ? CONVOLUTION_FLOAT : CONVOLUTION);
            out.writeInt(conv.dims());
            out.writeInt(conv.inChannels());
            out.writeInt(conv.outChannels());
            out.writeInt(conv.kernel());
            out.writeInt(conv.padding() == Padding.CIRCULAR ? PADDING_CIRCULAR : PADDING_ZERO);
            for (final int s : conv.spatialShape()) {
                out.writeInt(s);
            }
            writeValues(out, weights, single);
            writeValues(out, bias, single);
        }

        @Override
        public Convolution read(final int tag, final BodyReader r, final String what, final int depth) {
            final boolean single = tag == CONVOLUTION_FLOAT;
            final int dims = r.readCount("dimensions of " + what, 1, 3);
            final int in = r.readCount("input channels of " + what, 1, Layer.MAX_SIZE);
            final int out = r.readCount("output channels of " + what, 1, Layer.MAX_SIZE);
            final int kernel = r.readCount("kernel of " + what, 1, Layer.MAX_SIZE);
            final int code = r.readInt("padding of " + what);
            final Padding padding;
            if (code == PADDING_ZERO) {
                padding = Padding.ZERO;
            } else if (code == PADDING_CIRCULAR) {
                padding = Padding.CIRCULAR;
            } else {
                throw r.corrupt("unknown padding code " + code + " for " + what + " (0 ZERO, 1 CIRCULAR)");
            }
            final int[] shape = new int[dims];
            final long[] inFactors = new long[dims + 1];
            final long[] outFactors = new long[dims + 1];
            final long[] weightFactors = new long[dims + 2];
            inFactors[0] = in;
            outFactors[0] = out;
            weightFactors[0] = out;
            weightFactors[1] = in;
            for (int k = 0; k < dims; k++) {
                shape[k] = r.readCount("spatial size " + k + " of " + what, 1, Layer.MAX_SIZE);
                inFactors[k + 1] = shape[k];
                outFactors[k + 1] = shape[k];
                weightFactors[k + 2] = kernel;
            }
            // the tensor sizes are backed by no bytes of the file: cap them before reading or allocating anything
            checkTensorSize(r, what, "input", inFactors);
            checkTensorSize(r, what, "output", outFactors);
            final long weightCount = cappedProduct(Layer.MAX_SIZE, weightFactors);
            if (weightCount < 0) {
                throw r.corrupt(what + " claims an impossible number of weights (" + out + "x" + in + "x" + kernel
                                + "^" + dims + ")");
            }
            final double[] w = r.readValues(weightCount, single, "weights of " + what);
            final double[] b = r.readValues(out, single, "biases of " + what);
            return new Convolution(dims, in, out, kernel, padding, shape, w, b);
        }

        /**
         * Refuses a convolution whose input or output size (channels times spatial points) exceeds
         * {@link Layer#MAX_SIZE}.
         * @param r the body reader
         * @param what which layer, for messages
         * @param side "input" or "output"
         * @param factors the channels, then the spatial shape
         */
        private static void checkTensorSize(final BodyReader r, final String what, final String side,
                                            final long[] factors) {
            if (cappedProduct(Layer.MAX_SIZE, factors) < 0) {
                final StringBuilder sb = new StringBuilder();
                for (final long f : factors) {
                    sb.append(sb.length() == 0 ? "" : " x ").append(f);
                }
                throw r.corrupt(what + " is too large: its " + side + " size " + sb + " (channels x spatial shape) "
                                + "exceeds the largest layer size " + Layer.MAX_SIZE);
            }
        }
    }

    /**
     * {@link ResidualBlock}: tag 5 {@code int body count, body layers, byte 0/1 has post-activation,
     * [post-activation layer]}; blocks nest at most {@link FormatV1#MAX_NESTING} deep.
     */
    private static final class ResidualCodec implements LayerCodec<ResidualBlock> {

        /** Tag. */
        static final int RESIDUAL = 5;

        @Override
        public Class<ResidualBlock> type() {
            return ResidualBlock.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(RESIDUAL, "Residual"));
        }

        @Override
        public void write(final ResidualBlock block, final DataOutputStream out) throws IOException {
            out.writeInt(RESIDUAL);
            writeLayers(out, block.body());
            final Layer post = block.postActivation();
            out.writeByte(post == null ? 0 : 1);
            if (post != null) {
                writeLayer(out, post);
            }
        }

        @Override
        public ResidualBlock read(final int tag, final BodyReader r, final String what, final int depth) {
            if (depth >= FormatV1.MAX_NESTING) {
                throw r.corrupt(what + " nests residual blocks deeper than " + FormatV1.MAX_NESTING);
            }
            final List<Layer> body = readLayers(r, "body of " + what, depth + 1);
            final Layer post = r.readBoolean("post-activation flag of " + what)
                               ? readLayer(r, "post-activation of " + what, depth + 1) : null;
            return new ResidualBlock(body, post);
        }
    }

    /** {@link Reshape}: tag 6 {@code int size}. */
    private static final class ReshapeCodec implements LayerCodec<Reshape> {

        /** Tag. */
        static final int RESHAPE = 6;

        @Override
        public Class<Reshape> type() {
            return Reshape.class;
        }

        @Override
        public List<Tag> tags() {
            return List.of(new Tag(RESHAPE, "Reshape"));
        }

        @Override
        public void write(final Reshape reshape, final DataOutputStream out) throws IOException {
            out.writeInt(RESHAPE);
            out.writeInt(reshape.inputSize());
        }

        @Override
        public Reshape read(final int tag, final BodyReader r, final String what, final int depth) {
            return new Reshape(r.readCount("size of " + what, 1, Layer.MAX_SIZE));
        }
    }
}
