package org.deceptron.dipg.model;

import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.deceptron.dipg.nn.Layer;

/**
 * The model file encoding of one layer type: the tag(s) that identify it in a file, how its parameters are
 * written and how they are read back. Codecs are registered in {@link LayerCodecs}, which dispatches on the layer
 * class when writing and on the tag when reading; a layer type is added to the format by adding its codec there.
 * <p>
 * Reading follows the rules of {@link BodyReader}: every size is checked (range, overflow, bytes present) before
 * anything is allocated, and a layer constructor's {@link org.hipparchus.exception.MathIllegalArgumentException}
 * is turned into a {@link ModelFormatException.Reason#CORRUPT} by the registry.
 * </p>
 * @param <L> the layer type
 */
interface LayerCodec<L extends Layer> {

    /**
     * A tag of the format, with its name for messages.
     * @param code the tag as written in the file
     * @param name the layer type it stands for, e.g. "Dense float32"
     */
    record Tag(int code, String name) {
    }

    /**
     * Returns the layer class this codec writes (layer classes are final: the registry matches it exactly).
     * @return the layer class
     */
    Class<L> type();

    /**
     * Returns the tags this codec reads; {@link #write} writes one of them.
     * @return the tags, at least one
     */
    List<Tag> tags();

    /**
     * Writes a layer: one of {@link #tags()}, then its parameters.
     * @param layer the layer
     * @param out the stream
     * @throws IOException when writing fails
     */
    void write(L layer, DataOutputStream out) throws IOException;

    /**
     * Reads the parameters of a layer whose tag has just been read.
     * @param tag the tag, one of {@link #tags()}
     * @param in the body reader
     * @param what which layer, for messages (e.g. "forward network f layer 3")
     * @param depth nesting depth of residual blocks around this layer (0 at the top of a network)
     * @return the layer
     * @throws ModelFormatException on invalid content
     */
    L read(int tag, BodyReader in, String what, int depth);
}
