package org.deceptron.dipg.model;

/**
 * Constants of model file format version 1 (see {@link ModelFile}): header length and limits. The layer tags and
 * layouts belong to the layer codecs ({@link LayerCodecs}).
 */
final class FormatV1 {

    /** Header length: magic, version, body length, header checksum. */
    static final int HEADER_BYTES = 8 + 4 + 8 + 4;

    /** Longest string, in UTF-8 bytes ({@link ModelFile#MAX_STRING_BYTES}). */
    static final int MAX_STRING_BYTES = ModelFile.MAX_STRING_BYTES;

    /** Most layers in one network or residual body (and in a whole model: {@link ModelFile#MAX_LAYERS}). */
    static final int MAX_LAYERS = ModelFile.MAX_LAYERS;

    /** Deepest nesting of residual blocks ({@link ModelFile#MAX_NESTING}). */
    static final int MAX_NESTING = ModelFile.MAX_NESTING;

    /** Most extra settings in a training record ({@link ModelFile#MAX_EXTRA_SETTINGS}). */
    static final int MAX_EXTRA = ModelFile.MAX_EXTRA_SETTINGS;

    /** Most unexpected bytes after the trailer that a reader counts for its message before it stops reading. */
    static final int MAX_COUNTED_TRAILING_BYTES = 1 << 20;

    /** Largest body, in bytes. */
    static final long MAX_BODY_BYTES = Integer.MAX_VALUE - 64;

    /** Constants only. */
    private FormatV1() {
    }
}
