package org.deceptron.dipg.model;

/** Constants of model file format version 1 (see {@link ModelFile}): layer tags, padding codes, limits. */
final class FormatV1 {

    /** {@link org.deceptron.dipg.nn.Dense}. */
    static final int DENSE = 1;

    /** {@link org.deceptron.dipg.nn.LeakyRelu}. */
    static final int LEAKY_RELU = 2;

    /** {@link org.deceptron.dipg.nn.Tanh}. */
    static final int TANH = 3;

    /** {@link org.deceptron.dipg.nn.Convolution}. */
    static final int CONVOLUTION = 4;

    /** {@link org.deceptron.dipg.nn.ResidualBlock}. */
    static final int RESIDUAL = 5;

    /** {@link org.deceptron.dipg.nn.Reshape}. */
    static final int RESHAPE = 6;

    /** Tag of a dense layer whose weights and biases are stored as float32 (exactly representable values). */
    static final int DENSE_FLOAT = 7;

    /** Tag of a convolution whose weights and biases are stored as float32 (exactly representable values). */
    static final int CONVOLUTION_FLOAT = 8;

    /** Code of {@link org.deceptron.dipg.nn.Padding#ZERO}. */
    static final int PADDING_ZERO = 0;

    /** Code of {@link org.deceptron.dipg.nn.Padding#CIRCULAR}. */
    static final int PADDING_CIRCULAR = 1;

    /** Header length: magic, version, body length, header checksum. */
    static final int HEADER_BYTES = 8 + 4 + 8 + 4;

    /** Longest string, in UTF-8 bytes. */
    static final int MAX_STRING_BYTES = 1 << 20;

    /** Most layers in one network or residual body. */
    static final int MAX_LAYERS = 10_000;

    /** Deepest nesting of residual blocks. */
    static final int MAX_NESTING = 16;

    /** Most extra settings in a training record. */
    static final int MAX_EXTRA = 100_000;

    /** Largest body, in bytes. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 64;

    /** Constants only. */
    private FormatV1() {
    }
}
