package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** Families are shared between threads: concurrent evaluations give the sequential results bit for bit. */
class ThreadSafetyTest {

    @Test
    void concurrentEvaluationsMatchSequentialOnes() throws Exception {
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (final ForwardFamily f : Families.all()) {
                final Well19937a random = new Well19937a(8);
                final List<double[]> points = new ArrayList<>();
                final List<double[]> expected = new ArrayList<>();
                final List<double[]> expectedJvp = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    final double[] x = f.protocol().samplePrior(random);
                    points.add(x);
                    expected.add(f.model().value(x));
                    expectedJvp.add(f.model().jvp(x, x));
                }
                final List<Future<double[]>> values = new ArrayList<>();
                final List<Future<double[]>> jvps = new ArrayList<>();
                for (final double[] x : points) {
                    values.add(pool.submit(() -> f.model().value(x)));
                    jvps.add(pool.submit(() -> f.model().jvp(x, x)));
                }
                for (int i = 0; i < points.size(); i++) {
                    assertThat(values.get(i).get()).as(f.id()).isEqualTo(expected.get(i));
                    assertThat(jvps.get(i).get()).as(f.id()).isEqualTo(expectedJvp.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
