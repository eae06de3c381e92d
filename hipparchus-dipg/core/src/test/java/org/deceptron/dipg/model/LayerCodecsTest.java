package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.nn.ResidualBlock;
import org.deceptron.dipg.nn.Tanh;
import org.junit.jupiter.api.Test;

/** The layer codec registry covers every layer type exactly once and keeps the tags of format version 1. */
class LayerCodecsTest {

    @Test
    void everyLayerTypeHasExactlyOneCodec() {
        final Set<Class<?>> permitted = Set.of(Layer.class.getPermittedSubclasses());
        final List<Class<?>> types = LayerCodecs.CODECS.stream().map(LayerCodec::type).collect(Collectors.toList());
        assertThat(types).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(permitted);
        for (final Class<?> type : permitted) {
            assertThat(LayerCodecs.forType(type).type()).isEqualTo(type);
        }
    }

    @Test
    void tagsAreUniqueAndThoseOfFormatVersionOne() {
        final Map<Integer, String> tags = new TreeMap<>();
        for (final LayerCodec<?> codec : LayerCodecs.CODECS) {
            for (final LayerCodec.Tag tag : codec.tags()) {
                assertThat(tags.put(tag.code(), tag.name())).as("tag %d claimed twice", tag.code()).isNull();
                assertThat(LayerCodecs.forTag(tag.code())).isSameAs(codec);
            }
        }
        assertThat(tags).containsExactlyEntriesOf(new TreeMap<>(Map.of(
            1, "Dense", 2, "LeakyRelu", 3, "Tanh", 4, "Convolution", 5, "Residual", 6, "Reshape", 7, "Dense float32",
            8, "Convolution float32")));
        assertThat(LayerCodecs.forTag(0)).isNull();
        assertThat(LayerCodecs.forTag(9)).isNull();
    }

    @Test
    void everyCodecWritesOneOfItsTagsAndReadsBackTheSameBytes() throws IOException {
        final Random random = new Random(5);
        final Convolution conv = TestModels.conv(random, 2, 2, 3, Padding.CIRCULAR);
        final double[] floats = {0.5, -0.25, 1.0, 2.0, -3.0, 0.125};
        final List<Layer> layers = List.of(
            TestModels.dense(random, 3, 2), new Dense(3, 2, floats, new double[] {0.5, -1}), new LeakyRelu(0.01),
            new Tanh(), conv, new Convolution(1, 1, 1, 1, Padding.ZERO, new int[] {4}, new double[] {0.5},
                                              new double[] {0.25}),
            new ResidualBlock(List.of(conv, new LeakyRelu(0.2)), new Tanh()), new Reshape(7));
        final int[] expectedTags = {1, 7, 2, 3, 4, 8, 5, 6};
        for (int k = 0; k < layers.size(); k++) {
            final Layer layer = layers.get(k);
            final byte[] bytes = write(layer);
            final int tag = ((bytes[0] & 0xff) << 24) | ((bytes[1] & 0xff) << 16) | ((bytes[2] & 0xff) << 8)
                            | (bytes[3] & 0xff);
            assertThat(tag).as("tag of %s", layer).isEqualTo(expectedTags[k]);
            assertThat(LayerCodecs.forTag(tag).type()).isEqualTo(layer.getClass());
            final BodyReader reader = new BodyReader(bytes, "test", 0);
            final Layer back = LayerCodecs.readLayer(reader, "layer " + k, 0);
            assertThat(reader.remaining()).isZero();
            assertThat(back).hasToString(layer.toString());
            assertThat(write(back)).as("%s written back", layer).isEqualTo(bytes);
        }
    }

    private static byte[] write(final Layer layer) throws IOException {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final DataOutputStream out = new DataOutputStream(bytes);
        LayerCodecs.writeLayer(out, layer);
        out.flush();
        return bytes.toByteArray();
    }
}
