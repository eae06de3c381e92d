package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.deceptron.dipg.nn.Network;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class DeceptronModelTest {

    private final Random random = new Random(5);

    private final Network f = new Network(List.of(TestModels.dense(random, 3, 4)));

    private final Network g = new Network(List.of(TestModels.dense(random, 4, 3)));

    private DeceptronModel model(final Network forward, final Network reverse, final int xLength,
                                 final int yLength) {
        return new DeceptronModel("m", "fam", "fp", forward, reverse, Normalization.identity(xLength),
                                  Normalization.identity(yLength), TrainingRecord.empty());
    }

    @Test
    void exposesItsParts() {
        final DeceptronModel model = model(f, g, 3, 4);
        assertThat(model.parameterSize()).isEqualTo(3);
        assertThat(model.observationSize()).isEqualTo(4);
        assertThat(model.forwardNetwork()).isSameAs(f);
        assertThat(model.reverseNetwork()).isSameAs(g);
        assertThat(model.name()).isEqualTo("m");
        assertThat(model.familyId()).isEqualTo("fam");
        assertThat(model.familyFingerprint()).isEqualTo("fp");
        assertThat(model.xNormalization().length()).isEqualTo(3);
        assertThat(model.yNormalization().length()).isEqualTo(4);
        assertThat(model.trainingRecord()).isSameAs(TrainingRecord.empty());
        assertThat(model).hasToString("DeceptronModel(m, family fam [fp], n=3, m=4)");
    }

    @Test
    void withCopiesChangeOneThing() {
        final DeceptronModel model = model(f, g, 3, 4);
        final DeceptronModel renamed = model.withName("other");
        assertThat(renamed.name()).isEqualTo("other");
        assertThat(renamed.reverseNetwork()).isSameAs(g);
        final TrainingRecord record = TestModels.record();
        assertThat(model.withTrainingRecord(record).trainingRecord()).isSameAs(record);
        assertThat(model.name()).isEqualTo("m");
    }

    @Test
    void rejectsInconsistentSizesSayingWhich() {
        final Network g5 = new Network(List.of(TestModels.dense(random, 5, 3)));
        final Network g2 = new Network(List.of(TestModels.dense(random, 4, 2)));
        assertThatThrownBy(() -> model(f, g5, 3, 4)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("inconsistent Deceptron model: reverse network g input size 5 differs from the forward "
                        + "network f output size m = 4");
        assertThatThrownBy(() -> model(f, g2, 3, 4)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("reverse network g output size 2 differs from the forward network f input "
                                  + "size n = 3");
        assertThatThrownBy(() -> model(f, g, 2, 4)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("x normalization length 2 differs from n = 3");
        assertThatThrownBy(() -> model(f, g, 3, 5)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("y normalization length 5 differs from m = 4");
        assertThatThrownBy(() -> new DeceptronModel("m", null, "fp", f, g, Normalization.identity(3),
                                                    Normalization.identity(4), TrainingRecord.empty()))
            .isInstanceOf(NullPointerException.class).hasMessage("familyId");
    }
}
