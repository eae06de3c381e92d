package org.deceptron.dipg.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Manual micro-benchmark of forward and JVP for typical networks (not a test: no timing is asserted). Run with
 * {@code java -cp target/classes:target/test-classes org.deceptron.dipg.nn.NnBenchmark [filter]}; prints the
 * median time per call over several timed rounds.
 */
final class NnBenchmark {

    private NnBenchmark() {
    }

    public static void main(final String[] args) {
        final String filter = args.length > 0 ? args[0] : "";
        final Random random = new Random(42);
        final List<Object[]> cases = new ArrayList<>();
        cases.add(new Object[] {"conv2d 16->16 32x32 circ",
            NnTestSupport.network(NnTestSupport.conv(random, 2, 16, 16, 3, Padding.CIRCULAR, 32, 32))});
        cases.add(new Object[] {"conv2d 8->8 16x16 zero",
            NnTestSupport.network(NnTestSupport.conv(random, 2, 8, 8, 3, Padding.ZERO, 16, 16))});
        cases.add(new Object[] {"conv3d 12->12 8^3 zero",
            NnTestSupport.network(NnTestSupport.conv(random, 3, 12, 12, 3, Padding.ZERO, 8, 8, 8))});
        cases.add(new Object[] {"conv2d 48->48 32x32 zero",
            NnTestSupport.network(NnTestSupport.conv(random, 2, 48, 48, 3, Padding.ZERO, 32, 32))});
        cases.add(new Object[] {"mlp 256-512-256",
            NnTestSupport.network(NnTestSupport.dense(random, 256, 512), new Tanh(),
                                  NnTestSupport.dense(random, 512, 256))});
        for (final Object[] c : cases) {
            final String name = (String) c[0];
            if (!name.contains(filter)) {
                continue;
            }
            final Network network = (Network) c[1];
            final NetworkEvaluator evaluator = network.newEvaluator();
            final double[] x = NnTestSupport.random(random, network.inputSize(), 1);
            final double[] t = NnTestSupport.random(random, network.inputSize(), 1);
            final double[] y = new double[network.outputSize()];
            final double[] ty = new double[network.outputSize()];
            final double fwd = time(() -> evaluator.forward(x, y));
            final double jvp = time(() -> evaluator.jvp(x, t, y, ty));
            System.out.printf("%-26s forward %10.2f us   jvp %10.2f us%n", name, fwd / 1e3, jvp / 1e3);
        }
    }

    /** Median nanoseconds per call over 9 rounds of about 100 ms each, after 1 s of warm-up. */
    private static double time(final Runnable r) {
        long calls = 0;
        final long warmEnd = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < warmEnd) {
            r.run();
            calls++;
        }
        final long perRound = Math.max(1, calls / 10);
        final double[] rounds = new double[9];
        for (int k = 0; k < rounds.length; k++) {
            final long start = System.nanoTime();
            for (long n = 0; n < perRound; n++) {
                r.run();
            }
            rounds[k] = (System.nanoTime() - start) / (double) perRound;
        }
        Arrays.sort(rounds);
        return rounds[rounds.length / 2];
    }
}
