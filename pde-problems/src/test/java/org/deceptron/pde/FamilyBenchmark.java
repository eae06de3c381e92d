package org.deceptron.pde;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;

/**
 * Measurement harness (not a test; run by hand): forward and Jacobian cost, the residual RMS the true unknowns
 * score, and Hipparchus LM on noisy instances. Arguments: [family id filter] [instances] [noise-floor samples].
 */
public final class FamilyBenchmark {

    /** Utility. */
    private FamilyBenchmark() {
    }

    /**
     * Runs the measurements.
     * @param args optional family id, number of LM instances, number of noise-floor samples
     */
    public static void main(final String[] args) {
        final String only = args.length > 0 ? args[0] : "";
        final int instances = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        final int floorSamples = args.length > 2 ? Integer.parseInt(args[2]) : 100;
        for (final ForwardFamily f : ServiceLoader.load(ForwardFamily.class)) {
            if (!only.isEmpty() && !f.id().equals(only)) {
                continue;
            }
            run(f, instances, floorSamples);
        }
    }

    /**
     * Measures one family.
     * @param f family
     * @param instances LM instances
     * @param floorSamples noise-floor samples
     */
    static void run(final ForwardFamily f, final int instances, final int floorSamples) {
        final RandomGenerator rng = new Well19937a(11);
        final double[] x = f.protocol().samplePrior(rng);
        // warm-up
        long t0 = System.nanoTime();
        int reps = 0;
        while (System.nanoTime() - t0 < 1.5e9) {
            f.model().value(x);
            reps++;
        }
        t0 = System.nanoTime();
        for (int i = 0; i < reps; i++) {
            f.model().value(x);
        }
        final double valueMs = (System.nanoTime() - t0) / 1e6 / reps;
        f.model().jacobian(x);
        t0 = System.nanoTime();
        final int jr = 3;
        for (int i = 0; i < jr; i++) {
            f.model().jacobian(x);
        }
        final double jacMs = (System.nanoTime() - t0) / 1e6 / jr;
        final double[] v = new double[x.length];
        Arrays.fill(v, 0.1);
        for (int i = 0; i < 20; i++) {
            f.model().jvp(x, v);
            f.model().vjp(x, v);
        }
        t0 = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            f.model().jvp(x, v);
        }
        final double jvpMs = (System.nanoTime() - t0) / 1e6 / 20;
        // nonlinearity index from the start: ||F(x) - F(x0) - J(x0)(x - x0)|| / ||F(x) - F(x0)||, mean over samples
        double nl = 0;
        final double[] x0 = f.protocol().defaultStart();
        final double[] f0 = f.model().value(x0);
        for (int s = 0; s < 10; s++) {
            final double[] xs = f.protocol().samplePrior(rng);
            final double[] d = new double[xs.length];
            for (int i = 0; i < d.length; i++) {
                d[i] = xs[i] - x0[i];
            }
            final double[] lin = f.model().jvp(x0, d);
            final double[] fx = f.model().value(xs);
            double num = 0;
            double den = 0;
            for (int i = 0; i < fx.length; i++) {
                final double diff = fx[i] - f0[i];
                num += (diff - lin[i]) * (diff - lin[i]);
                den += diff * diff;
            }
            nl += Math.sqrt(num / den) / 10;
        }
        System.out.printf(Locale.ROOT, "%s nonlinearity index %.3f%n", f.id(), nl);
        // noise floor
        double sum = 0;
        double max = 0;
        for (int s = 0; s < floorSamples; s++) {
            final double[] xs = f.protocol().samplePrior(rng);
            final double[] y = f.model().value(xs);
            double ss = 0;
            for (int i = 0; i < y.length; i++) {
                final double e = rng.nextGaussian();
                ss += e * e;
            }
            final double rms = Math.sqrt(ss / y.length);
            sum += rms;
            max = Math.max(max, rms);
        }
        System.out.printf(Locale.ROOT, "%-18s n=%4d m=%4d noise=%.4g tol=%.2f value=%.3f ms jac=%.1f ms jvp=%.3f ms"
                + " trueRMS mean=%.3f max=%.3f fp=%s%n", f.id(), f.model().parameterSize(), f.model().observationSize(),
                f.protocol().noiseLevel(), f.protocol().tolerance(), valueMs, jacMs, jvpMs, sum / floorSamples, max, f.model().fingerprint());
        final RandomGenerator inst = new Well19937a(2024);
        final List<String> rows = new ArrayList<>();
        int ok = 0;
        for (int k = 0; k < instances; k++) {
            final Instance drawn = f.drawInstance(inst);
            final FamilyProblem p = FamilyProblemFactory.create(f, drawn.observed());
            final long s0 = System.nanoTime();
            String res;
            try {
                final LeastSquaresOptimizer.Optimum o = new LevenbergMarquardtOptimizer().optimize(p);
                final double ms = (System.nanoTime() - s0) / 1e6;
                final double[] xh = o.getPoint().toArray();
                final boolean success = o.getRMS() <= f.protocol().tolerance();
                ok += success ? 1 : 0;
                res = String.format(Locale.ROOT, "  #%d rms=%.3f it=%d ev=%d %.0f ms xRMSE=%.4f %s", k, o.getRMS(),
                        o.getIterations(), o.getEvaluations(), ms, drawn.xRmse(xh), success ? "OK" : "FAIL");
            } catch (RuntimeException e) {
                res = "  #" + k + " " + e + " after " + (System.nanoTime() - s0) / 1e6 + " ms";
            }
            System.out.println(res);
            rows.add(res);
        }
        System.out.println("  LM success " + ok + "/" + instances);
    }
}
