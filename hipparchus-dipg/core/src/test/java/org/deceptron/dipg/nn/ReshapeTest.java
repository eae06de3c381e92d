package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class ReshapeTest {

    @Test
    void isTheIdentity() {
        final Network net = NnTestSupport.network(new Reshape(3));
        assertThat(NnTestSupport.forward(net, new double[] {1, 2, 3})).containsExactly(1, 2, 3);
        final double[] y = new double[3];
        final double[] ty = new double[3];
        net.newEvaluator().jvp(new double[] {1, 2, 3}, new double[] {4, 5, 6}, y, ty);
        assertThat(y).containsExactly(1, 2, 3);
        assertThat(ty).containsExactly(4, 5, 6);
        NnTestSupport.assertJvpMatchesFiniteDifferences(net, new Random(6));
    }

    @Test
    void checksTheSize() {
        assertThat(new Reshape(4).inputSize()).isEqualTo(4);
        assertThat(new Reshape(4)).hasToString("Reshape(4)");
        assertThatThrownBy(() -> new Reshape(0)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("must be positive, got 0");
        assertThatThrownBy(() -> new Reshape(4).outputSize(5)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("Reshape(4) expects input size 4, got 5");
    }
}
