package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class LeakyReluTest {

    private final Network net = NnTestSupport.network(new Reshape(4), new LeakyRelu(0.25));

    @Test
    void forwardKeepsPositivesAndScalesTheRest() {
        assertThat(NnTestSupport.forward(net, new double[] {2, -3, 0, 0.5})).containsExactly(2, -0.75, 0, 0.5);
    }

    @Test
    void tangentIsTheSlopeMaskWithSlopeAtZero() {
        final double[] y = new double[4];
        final double[] ty = new double[4];
        net.newEvaluator().jvp(new double[] {2, -3, 0, 0.5}, new double[] {1, 1, 1, -2}, y, ty);
        assertThat(y).containsExactly(2, -0.75, 0, 0.5);
        assertThat(ty).containsExactly(1, 0.25, 0.25, -2);
    }

    @Test
    void jvpMatchesFiniteDifferencesAwayFromZero() {
        final Random random = new Random(4);
        final double[] x = NnTestSupport.random(random, 4, 1);
        for (int i = 0; i < x.length; i++) {
            x[i] += Math.copySign(0.1, x[i]);
        }
        final double[] t = NnTestSupport.random(random, 4, 1);
        final double[] y = new double[4];
        final double[] ty = new double[4];
        net.newEvaluator().jvp(x, t, y, ty);
        assertThat(NnTestSupport.relativeError(ty, NnTestSupport.finiteDifference(net, x, t)))
            .isLessThanOrEqualTo(NnTestSupport.FD_TOLERANCE);
    }

    @Test
    void isElementWiseAndValidatesItsSlope() {
        final LeakyRelu relu = new LeakyRelu(0.01);
        assertThat(relu.inputSize()).isEqualTo(Layer.ANY_SIZE);
        assertThat(relu.outputSize(17)).isEqualTo(17);
        assertThat(relu.slope()).isEqualTo(0.01);
        assertThat(relu).hasToString("LeakyRelu(0.01)");
        assertThatThrownBy(() -> new LeakyRelu(Double.NaN)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("slope must be finite");
        assertThatThrownBy(() -> relu.outputSize(0)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining("positive input size");
    }
}
