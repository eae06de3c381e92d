package org.deceptron.dipg.nn;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** {@link Network#evaluatorMemory()} and {@link Network#largestActivation()}: what an evaluator will allocate. */
class NetworkMemoryTest {

    private static final com.sun.management.ThreadMXBean THREADS =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static long allocatedBy(final Runnable action) {
        final long thread = Thread.currentThread().getId();
        action.run();
        final long before = THREADS.getThreadAllocatedBytes(thread);
        action.run();
        return THREADS.getThreadAllocatedBytes(thread) - before;
    }

    @Test
    void evaluatorMemoryBoundsWhatAnEvaluatorAllocatesAndIsCloseToIt() {
        final Random random = new Random(5);
        final LeakyRelu relu = new LeakyRelu(0.1);
        final List<Network> networks = List.of(
            NnTestSupport.network(NnTestSupport.dense(random, 20, 200), relu, NnTestSupport.dense(random, 200, 10)),
            NnTestSupport.network(NnTestSupport.conv(random, 1, 2, 16, 5, Padding.CIRCULAR, 300), new Tanh(),
                                  NnTestSupport.conv(random, 1, 16, 1, 3, Padding.ZERO, 300)),
            NnTestSupport.network(new Reshape(1024), NnTestSupport.conv(random, 2, 1, 12, 3, Padding.ZERO, 32, 32),
                                  new ResidualBlock(List.of(NnTestSupport.conv(random, 2, 12, 12, 3, Padding.CIRCULAR,
                                                                               32, 32), relu), relu),
                                  NnTestSupport.conv(random, 2, 12, 1, 3, Padding.ZERO, 32, 32)),
            NnTestSupport.network(NnTestSupport.conv(random, 3, 2, 4, 3, Padding.CIRCULAR, 6, 7, 8),
                                  NnTestSupport.conv(random, 3, 4, 1, 5, Padding.ZERO, 6, 7, 8)),
            NnTestSupport.network(new ResidualBlock(List.of(NnTestSupport.dense(random, 8, 300), new Tanh(),
                                                            NnTestSupport.dense(random, 300, 8)), null)));
        for (final Network network : networks) {
            final long allocated = allocatedBy(network::newEvaluator);
            final long bound = Double.BYTES * network.evaluatorMemory();
            assertThat(allocated).as("bytes allocated by an evaluator of %s", network)
                .isLessThanOrEqualTo(bound).isGreaterThan(bound / 2);
        }
    }

    @Test
    void largestActivationIncludesTheInsideOfResidualBodies() {
        final Random random = new Random(6);
        final Network network = NnTestSupport.network(
            NnTestSupport.dense(random, 3, 8),
            new ResidualBlock(List.of(NnTestSupport.dense(random, 8, 96), new Tanh(), NnTestSupport.dense(random, 96, 8)),
                              new Tanh()),
            NnTestSupport.dense(random, 8, 2));
        assertThat(network.largestActivation()).isEqualTo(96);
        assertThat(NnTestSupport.network(NnTestSupport.conv(random, 2, 1, 7, 3, Padding.ZERO, 4, 5))
                       .largestActivation()).isEqualTo(7 * 20);
    }

    @Test
    void aConvolutionWithManyRowsCostsNothingUntilItIsEvaluated() {
        // 2^20 rows of one point: the tap tables of an evaluator would take tens of MB, the layer itself takes none
        final int rows = 1 << 20;
        final long allocated = allocatedBy(() -> new Convolution(2, 1, 1, 1, Padding.ZERO, new int[] {rows, 1},
                                                                 new double[] {1}, new double[] {0}));
        assertThat(allocated).isLessThan(16 * 1024);
        final Network network = NnTestSupport.network(new Convolution(2, 1, 1, 1, Padding.ZERO, new int[] {rows, 1},
                                                                      new double[] {1}, new double[] {0}));
        assertThat(network.largestActivation()).isEqualTo(rows);
        // padded rows, their tangent and the accumulator, plus two tap tables and bookkeeping per row
        assertThat(network.evaluatorMemory()).isGreaterThan(3L * rows).isLessThan(16L * rows);
    }
}
