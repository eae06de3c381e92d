package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class DenseTest {

    @Test
    void forwardIsRowMajorMatrixTimesVectorPlusBias() {
        // W = [[1, 2, 3], [4, 5, 6]], b = [0.5, -1]
        final Dense dense = new Dense(3, 2, new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.5, -1});
        final double[] y = NnTestSupport.forward(NnTestSupport.network(dense), new double[] {1, -1, 2});
        assertThat(y).containsExactly(1 - 2 + 6 + 0.5, 4 - 5 + 12 - 1);
    }

    @Test
    void forwardMatchesNaiveProductForOddSizes() {
        final Random random = new Random(1);
        final Dense dense = NnTestSupport.dense(random, 7, 5);
        final double[] x = NnTestSupport.random(random, 7, 1);
        final double[] w = dense.weights();
        final double[] expected = dense.bias();
        for (int o = 0; o < 5; o++) {
            for (int i = 0; i < 7; i++) {
                expected[o] += w[o * 7 + i] * x[i];
            }
        }
        assertThat(NnTestSupport.relativeError(NnTestSupport.forward(NnTestSupport.network(dense), x), expected))
            .isLessThan(1e-15);
    }

    @Test
    void jvpIsTheWeightMatrixTimesTangent() {
        final Dense dense = new Dense(3, 2, new double[] {1, 2, 3, 4, 5, 6}, new double[] {0.5, -1});
        final double[] y = new double[2];
        final double[] ty = new double[2];
        NnTestSupport.network(dense).newEvaluator().jvp(new double[] {1, -1, 2}, new double[] {0, 1, 1}, y, ty);
        assertThat(y).containsExactly(5.5, 10);
        assertThat(ty).containsExactly(5, 11);
        NnTestSupport.assertJvpMatchesFiniteDifferences(NnTestSupport.network(NnTestSupport.dense(new Random(2), 9, 4)),
                                                        new Random(3));
    }

    @Test
    void copiesItsArraysAndExposesCopies() {
        final double[] w = {1, 2};
        final double[] b = {3};
        final Dense dense = new Dense(2, 1, w, b);
        w[0] = 100;
        dense.weights()[1] = 100;
        assertThat(dense.weights()).containsExactly(1, 2);
        assertThat(dense.bias()).containsExactly(3);
        assertThat(dense.inputSize()).isEqualTo(2);
        assertThat(dense.outputSize()).isEqualTo(1);
        assertThat(dense).hasToString("Dense(2->1)");
    }

    @Test
    void rejectsInvalidArguments() {
        assertThatThrownBy(() -> new Dense(0, 1, new double[0], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("in=0");
        assertThatThrownBy(() -> new Dense(2, 3, new double[5], new double[3]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("needs 6 weights")
            .hasMessageContaining("got 5");
        assertThatThrownBy(() -> new Dense(2, 3, new double[6], new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("needs 3 biases, got 2");
        assertThatThrownBy(() -> new Dense(1, 1, new double[] {Double.NaN}, new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("weights[0] is not finite");
        assertThatThrownBy(() -> new Dense(2, 1, new double[2], new double[1]).outputSize(3))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("expects input size 2, got 3");
    }
}
