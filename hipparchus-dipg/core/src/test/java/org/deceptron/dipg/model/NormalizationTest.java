package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class NormalizationTest {

    private final Normalization norm = new Normalization(new double[] {1, -2}, new double[] {2, 0.5});

    @Test
    void normalizesAndDenormalizes() {
        final double[] z = new double[2];
        norm.normalize(new double[] {5, -1}, z);
        assertThat(z).containsExactly(2, 2);
        final double[] v = new double[2];
        norm.denormalize(z, v);
        assertThat(v).containsExactly(5, -1);
        // in place
        norm.normalize(v, v);
        assertThat(v).containsExactly(2, 2);
    }

    @Test
    void scalesTangentsWithoutTheMean() {
        final double[] t = {4, 1};
        norm.normalizeTangent(t, t);
        assertThat(t).containsExactly(2, 2);
        norm.denormalizeTangent(t, t);
        assertThat(t).containsExactly(4, 1);
    }

    @Test
    void broadcastsScalarsAndProvidesTheIdentity() {
        final Normalization scalar = Normalization.of(3, 2, 4);
        assertThat(scalar.length()).isEqualTo(4);
        assertThat(scalar.mean()).containsExactly(3, 3, 3, 3);
        assertThat(scalar.std()).containsExactly(2, 2, 2, 2);
        final double[] z = new double[3];
        Normalization.identity(3).normalize(new double[] {1, 2, 3}, z);
        assertThat(z).containsExactly(1, 2, 3);
        assertThat(Normalization.of(0, 1, 3)).isEqualTo(Normalization.identity(3))
                                              .hasSameHashCodeAs(Normalization.identity(3))
                                              .isNotEqualTo(Normalization.identity(2));
    }

    @Test
    void isImmutable() {
        final double[] mean = {1};
        final Normalization n = new Normalization(mean, new double[] {1});
        mean[0] = 7;
        n.mean()[0] = 8;
        assertThat(n.mean()).containsExactly(1);
    }

    @Test
    void rejectsInvalidValuesAndLengths() {
        assertThatThrownBy(() -> new Normalization(new double[] {0, 0}, new double[] {1, 0}))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("normalization std[1] must be finite and > 0, got 0.0");
        assertThatThrownBy(() -> new Normalization(new double[] {0}, new double[] {Double.POSITIVE_INFINITY}))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("std[0] must be finite");
        assertThatThrownBy(() -> new Normalization(new double[] {0}, new double[] {Double.NaN}))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("std[0] must be finite");
        assertThatThrownBy(() -> new Normalization(new double[] {Double.NaN}, new double[] {1}))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("normalization mean[0] is not finite: NaN");
        assertThatThrownBy(() -> new Normalization(new double[] {0, 1}, new double[] {1}))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("normalization mean has 2 components but std has 1");
        assertThatThrownBy(() -> new Normalization(new double[0], new double[0]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("at least one component");
        assertThatThrownBy(() -> Normalization.of(0, 1, 0))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("length must be positive");
        assertThatThrownBy(() -> norm.normalize(new double[3], new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("raw has length 3, expected 2");
        assertThatThrownBy(() -> norm.denormalize(new double[2], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("out has length 1, expected 2");
    }
}
