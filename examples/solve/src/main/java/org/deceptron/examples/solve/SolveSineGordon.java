package org.deceptron.examples.solve;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;

/**
 * Plain Hipparchus code solving the example family {@code sine-gordon-1d} with {@code new DipgOptimizer()} and with
 * {@link LevenbergMarquardtOptimizer}, on the same problems. Nothing here names the family's or the model bundle's
 * classes: both jars are on the class path and found through {@link java.util.ServiceLoader}
 * ({@link FamilyRegistry#classpath()} for the family, the optimizer's default registry for the Deceptron).
 * <p>
 * Run it with {@code mvn -B -f examples/pom.xml -pl solve -am verify} (its test) or as a program:
 * {@code java -cp <class path> org.deceptron.examples.solve.SolveSineGordon [instances] [seed]}.
 * </p>
 */
public final class SolveSineGordon {

    /** The example family's id. */
    public static final String FAMILY = "sine-gordon-1d";

    /** Not instantiable. */
    private SolveSineGordon() {
    }

    /**
     * The outcome of one instance solved both ways.
     * @param dipg the D-IPG optimum (its diagnostics: Deceptron used, learned steps, Jacobians)
     * @param dipgSuccess whether D-IPG met the family's success criterion
     * @param dipgMillis D-IPG wall time, ms
     * @param lm the Levenberg-Marquardt optimum
     * @param lmSuccess whether LM met the family's success criterion
     * @param lmMillis LM wall time, ms
     */
    public record Outcome(DipgOptimum dipg, boolean dipgSuccess, double dipgMillis,
                          LeastSquaresOptimizer.Optimum lm, boolean lmSuccess, double lmMillis) {
    }

    /**
     * Draws instances of the family from a seeded generator and solves each with both optimizers.
     * @param instances number of instances, &gt;= 1
     * @param seed seed of the instance generator
     * @return one outcome per instance
     * @throws java.util.NoSuchElementException when the family jar is not on the class path
     */
    public static List<Outcome> solve(final int instances, final long seed) {
        final ForwardFamily family = FamilyRegistry.classpath().get(FAMILY);
        final LeastSquaresOptimizer dipgOptimizer = new DipgOptimizer();          // was: new LevenbergMarquardtOptimizer()
        final LeastSquaresOptimizer lmOptimizer = new LevenbergMarquardtOptimizer();
        final RandomGenerator random = new Well19937a(seed);
        final List<Outcome> outcomes = new ArrayList<>();
        for (int k = 0; k < instances; k++) {
            final Instance instance = family.drawInstance(random);   // x_true from the prior, y* = F(x_true) + noise
            final FamilyProblem problem = FamilyProblemFactory.create(family, instance.observed());

            long t0 = System.nanoTime();
            final DipgOptimum dipg = (DipgOptimum) dipgOptimizer.optimize(problem);
            final double dipgMillis = (System.nanoTime() - t0) / 1e6;

            t0 = System.nanoTime();
            final LeastSquaresOptimizer.Optimum lm = lmOptimizer.optimize(problem);
            final double lmMillis = (System.nanoTime() - t0) / 1e6;

            // getRMS() is the RMS of the 1/noise-weighted residuals: the family's success measure
            outcomes.add(new Outcome(
                    dipg, family.protocol().isSuccess(dipg.getRMS(), instance.xRmse(dipg.getPoint().toArray())),
                    dipgMillis,
                    lm, family.protocol().isSuccess(lm.getRMS(), instance.xRmse(lm.getPoint().toArray())), lmMillis));
        }
        return outcomes;
    }

    /**
     * Solves a few instances (after a warm-up round) and prints one line per instance and method.
     * @param args optional: number of instances (default 5) and seed (default 2026)
     */
    public static void main(final String[] args) {
        final int instances = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        final long seed = args.length > 1 ? Long.parseLong(args[1]) : 2026L;
        solve(3, seed + 1);   // warm-up: JIT, model load
        for (final Outcome o : solve(instances, seed)) {
            System.out.printf(Locale.ROOT, "dipg %s rms %.3f  %2d iterations  %d Jacobians  %7.2f ms  (%s)%n",
                              o.dipgSuccess() ? "ok  " : "FAIL", o.dipg().getRMS(), o.dipg().getIterations(),
                              o.dipg().getJacobianEvaluations(), o.dipgMillis(),
                              o.dipg().getDeceptronName().orElse(o.dipg().getDeceptronStatus()));
            System.out.printf(Locale.ROOT, "lm   %s rms %.3f  %2d iterations  %d evaluations  %7.2f ms%n",
                              o.lmSuccess() ? "ok  " : "FAIL", o.lm().getRMS(), o.lm().getIterations(),
                              o.lm().getEvaluations(), o.lmMillis());
        }
    }
}
