package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

class NetworkEvaluatorTest {

    private final Network net = NetworkTest.mlp(new Random(20), 3, 5, 2);

    @Test
    void checksArgumentLengths() {
        final NetworkEvaluator evaluator = net.newEvaluator();
        assertThat(evaluator.network()).isSameAs(net);
        assertThatThrownBy(() -> evaluator.forward(new double[4], new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("input has length 4, expected 3");
        assertThatThrownBy(() -> evaluator.forward(new double[3], new double[3]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("output has length 3, expected 2");
        assertThatThrownBy(() -> evaluator.forward(null, new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("input is null, expected length 3");
        assertThatThrownBy(() -> evaluator.jvp(new double[3], new double[2], new double[2], new double[2]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("input tangent has length 2, expected 3");
        assertThatThrownBy(() -> evaluator.jvp(new double[3], new double[3], new double[2], new double[1]))
            .isInstanceOf(MathIllegalArgumentException.class).hasMessage("output tangent has length 1, expected 2");
    }

    @Test
    void rejectsAliasedOutputs() {
        final NetworkEvaluator square = NnTestSupport.network(new Reshape(2), new Tanh()).newEvaluator();
        final double[] a = new double[2];
        final double[] b = new double[2];
        final double[] c = new double[2];
        assertThatThrownBy(() -> square.forward(a, a)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("output must not be the same array as input");
        assertThatThrownBy(() -> square.jvp(a, b, c, c)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("output tangent must not be the same array as output");
        assertThatThrownBy(() -> square.jvp(a, b, b, c)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("output must not be the same array as input tangent");
    }

    @Test
    void evaluatorsAreIndependentAndRepeatable() {
        final Network conv = NetworkTest.convResidual2d(new Random(21), Padding.CIRCULAR);
        final NetworkEvaluator first = conv.newEvaluator();
        final NetworkEvaluator second = conv.newEvaluator();
        final Random random = new Random(22);
        final double[] x1 = NnTestSupport.random(random, conv.inputSize(), 1);
        final double[] x2 = NnTestSupport.random(random, conv.inputSize(), 1);
        final double[] y1 = new double[conv.outputSize()];
        final double[] y2 = new double[conv.outputSize()];
        final double[] again = new double[conv.outputSize()];
        first.forward(x1, y1);
        second.forward(x2, y2);
        first.forward(x1, again);
        assertThat(again).containsExactly(y1);
        assertThat(y2).isNotEqualTo(y1);
    }

    @Test
    void allocatesNothingPerCall() {
        final java.lang.management.ThreadMXBean bean = ManagementFactory.getThreadMXBean();
        assumeThat(bean).isInstanceOf(com.sun.management.ThreadMXBean.class);
        final com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) bean;
        assumeThat(threads.isThreadAllocatedMemorySupported()).isTrue();
        threads.setThreadAllocatedMemoryEnabled(true);

        final Network conv = NetworkTest.convResidual2d(new Random(23), Padding.CIRCULAR);
        final NetworkEvaluator evaluator = conv.newEvaluator();
        final double[] x = NnTestSupport.random(new Random(24), conv.inputSize(), 1);
        final double[] t = NnTestSupport.random(new Random(25), conv.inputSize(), 1);
        final double[] y = new double[conv.outputSize()];
        final double[] ty = new double[conv.outputSize()];
        for (int k = 0; k < 200; k++) {
            evaluator.forward(x, y);
            evaluator.jvp(x, t, y, ty);
        }
        final long tid = Thread.currentThread().getId();
        final long before = threads.getThreadAllocatedBytes(tid);
        for (int k = 0; k < 500; k++) {
            evaluator.forward(x, y);
            evaluator.jvp(x, t, y, ty);
        }
        final long allocated = threads.getThreadAllocatedBytes(tid) - before;
        assertThat(allocated).as("bytes allocated by 1000 evaluations").isLessThan(1024);
    }
}
