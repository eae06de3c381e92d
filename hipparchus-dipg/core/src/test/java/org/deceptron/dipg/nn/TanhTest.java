package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class TanhTest {

    private final Network net = NnTestSupport.network(new Reshape(3), new Tanh());

    @Test
    void forwardIsTanh() {
        assertThat(NnTestSupport.forward(net, new double[] {0, 1, -2}))
            .containsExactly(0, Math.tanh(1), Math.tanh(-2));
    }

    @Test
    void tangentIsOneMinusSquare() {
        final double[] y = new double[3];
        final double[] ty = new double[3];
        net.newEvaluator().jvp(new double[] {0, 1, -2}, new double[] {2, 1, 1}, y, ty);
        assertThat(ty).containsExactly(2, 1 - Math.tanh(1) * Math.tanh(1), 1 - Math.tanh(-2) * Math.tanh(-2));
        NnTestSupport.assertJvpMatchesFiniteDifferences(net, new Random(5));
    }

    @Test
    void isElementWise() {
        assertThat(new Tanh().inputSize()).isEqualTo(Layer.ANY_SIZE);
        assertThat(new Tanh().outputSize(5)).isEqualTo(5);
        assertThat(new Tanh()).hasToString("Tanh");
    }
}
