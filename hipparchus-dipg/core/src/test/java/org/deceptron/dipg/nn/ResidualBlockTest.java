package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class ResidualBlockTest {

    private static final Dense SCALE_BY_TWO = new Dense(2, 2, new double[] {2, 0, 0, 2}, new double[] {1, -1});

    @Test
    void addsTheInputToTheBody() {
        final ResidualBlock block = new ResidualBlock(List.of(SCALE_BY_TWO), null);
        // x + (2x + b) = 3x + b
        assertThat(NnTestSupport.forward(NnTestSupport.network(block), new double[] {1, -2}))
            .containsExactly(4, -7);
    }

    @Test
    void appliesThePostActivationToTheSum() {
        final ResidualBlock block = new ResidualBlock(List.of(SCALE_BY_TWO), new LeakyRelu(0.5));
        assertThat(NnTestSupport.forward(NnTestSupport.network(block), new double[] {1, -2}))
            .containsExactly(4, -3.5);
        final double[] y = new double[2];
        final double[] ty = new double[2];
        NnTestSupport.network(block).newEvaluator().jvp(new double[] {1, -2}, new double[] {1, 1}, y, ty);
        assertThat(ty).containsExactly(3, 1.5);
    }

    @Test
    void jvpMatchesFiniteDifferences() {
        final Random random = new Random(9);
        final ResidualBlock plain = new ResidualBlock(
            List.of(NnTestSupport.dense(random, 5, 8), new Tanh(), NnTestSupport.dense(random, 8, 5)), null);
        final ResidualBlock withPost = new ResidualBlock(
            List.of(NnTestSupport.dense(random, 5, 8), new LeakyRelu(0.2), NnTestSupport.dense(random, 8, 5)),
            new Tanh());
        NnTestSupport.assertJvpMatchesFiniteDifferences(NnTestSupport.network(plain), random);
        NnTestSupport.assertJvpMatchesFiniteDifferences(NnTestSupport.network(withPost), random);
        NnTestSupport.assertJvpMatchesFiniteDifferences(NnTestSupport.network(plain, withPost), random);
    }

    @Test
    void anElementWiseBodyMakesAnElementWiseBlock() {
        final ResidualBlock block = new ResidualBlock(List.of(new Tanh()), null);
        assertThat(block.inputSize()).isEqualTo(Layer.ANY_SIZE);
        assertThat(block.outputSize(6)).isEqualTo(6);
        assertThat(NnTestSupport.forward(NnTestSupport.network(new Reshape(1), block), new double[] {0.5}))
            .containsExactly(0.5 + Math.tanh(0.5));
    }

    @Test
    void exposesItsParts() {
        final ResidualBlock block = new ResidualBlock(List.of(SCALE_BY_TWO), new Tanh());
        assertThat(block.body()).containsExactly(SCALE_BY_TWO);
        assertThat(block.postActivation()).isInstanceOf(Tanh.class);
        assertThat(block.inputSize()).isEqualTo(2);
        assertThat(block).hasToString("Residual[Dense(2->2)]->Tanh");
        assertThatThrownBy(() -> block.body().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void rejectsBodiesAndActivationsThatChangeTheSize() {
        final Random random = new Random(10);
        assertThatThrownBy(() -> new ResidualBlock(List.of(NnTestSupport.dense(random, 3, 4)), null))
            .isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("residual body must preserve the size: input 3, output 4");
        assertThatThrownBy(() -> new ResidualBlock(List.of(NnTestSupport.dense(random, 3, 3)),
                                                   NnTestSupport.dense(random, 3, 2)))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("must preserve the size 3");
        assertThatThrownBy(() -> new ResidualBlock(List.of(NnTestSupport.dense(random, 3, 3)), new Reshape(4)))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("expects input size 4");
        assertThatThrownBy(() -> new ResidualBlock(List.of(), null))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("at least one layer");
        assertThatThrownBy(() -> new ResidualBlock(List.of(SCALE_BY_TWO), null).outputSize(3))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("expects input size 2, got 3");
    }
}
