package org.deceptron.dipg.model;

/**
 * Constants of model file format version 1 (see {@link ModelFile}): header length and limits. The layer tags and
 * layouts belong to the layer codecs ({@link LayerCodecs}).
 */
final class FormatV1 {

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
