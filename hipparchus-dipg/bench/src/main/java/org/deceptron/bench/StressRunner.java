package org.deceptron.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.dipg.spi.InstanceProtocol;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;

/**
 * Runs the stress suite ({@code dipg bench --stress}): per family and {@link StressScenario}, D-IPG (with the
 * family's +JCP Deceptron, wrapped where the scenario says) and Hipparchus LM (defaults) on the same problems.
 * <p>
 * Instances: the nominal ones are drawn with the bench's seeding rule ({@link BenchRunner#random(long, String,
 * int)}, stream 0, {@link ForwardFamily#drawInstance(RandomGenerator)}); each scenario rescales their noise draw
 * and their deviation from the prior mean (see {@link StressScenario}). Problems:
 * {@link FamilyProblemFactory#create(ForwardModel, double, double[], double[], double, int, int)} with the family's
 * noise level (weights), its default start, its tolerance times the scenario's factor and the default limits.
 * A solve that throws is a failure with its message; the suite never aborts. Warm-up (JIT): {@code warmup}
 * nominal instances of stream 1 per family and method, not counted. One thread.
 * </p>
 */
public final class StressRunner {

    /** Number of prior draws the prior mean is estimated from (stream 2 of the seeding rule). */
    public static final int PRIOR_MEAN_SAMPLES = 256;

    /** The two methods, in the order they are run. */
    private static final BenchMethod[] METHODS = {BenchMethod.DIPG, BenchMethod.LM};

    /** Timed instances per family and scenario. */
    private final int instances;

    /** Warm-up instances per family and method. */
    private final int warmup;

    /** Base seed. */
    private final long seed;

    /** Scenarios to run. */
    private final List<StressScenario> scenarios;

    /** Progress listener. */
    private final StressListener listener;

    /**
     * Creates a runner over every scenario.
     * @param instances timed instances per family and scenario
     * @param warmup warm-up instances per family and method
     * @param seed base seed
     * @param listener progress listener
     */
    public StressRunner(final int instances, final int warmup, final long seed, final StressListener listener) {
        this(instances, warmup, seed, List.of(StressScenario.values()), listener);
    }

    /**
     * Creates a runner.
     * @param instances timed instances per family and scenario
     * @param warmup warm-up instances per family and method
     * @param seed base seed
     * @param scenarios scenarios to run, in this order
     * @param listener progress listener
     */
    public StressRunner(final int instances, final int warmup, final long seed, final List<StressScenario> scenarios,
                        final StressListener listener) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be >= 1, got " + instances);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up must be >= 0, got " + warmup);
        }
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("no scenario");
        }
        this.instances = instances;
        this.warmup = warmup;
        this.seed = seed;
        this.scenarios = List.copyOf(scenarios);
        this.listener = listener;
    }

    /**
     * Returns the number of solves a run performs (for progress bars).
     * @param families number of families
     * @param scenarios number of scenarios
     * @param instances timed instances per family and scenario
     * @param warmup warm-up instances per family and method
     * @return the number of solves
     */
    public static int plannedSolves(final int families, final int scenarios, final int instances, final int warmup) {
        return families * METHODS.length * (warmup + scenarios * instances);
    }

    /**
     * Runs the suite.
     * @param families the families with their +JCP Deceptron
     * @return the rows, family by family, scenario by scenario
     */
    public List<StressRow> run(final Map<ForwardFamily, Deceptron> families) {
        final int[] done = {0};
        final int total = plannedSolves(families.size(), scenarios.size(), instances, warmup);
        final List<StressRow> rows = new ArrayList<>();
        for (final Map.Entry<ForwardFamily, Deceptron> e : families.entrySet()) {
            rows.addAll(runFamily(e.getKey(), e.getValue(), done, total));
        }
        return rows;
    }

    /**
     * Runs one family.
     * @param family the family
     * @param jcp its +JCP Deceptron
     * @param done solves done (updated)
     * @param total solves planned
     * @return one row per scenario
     */
    private List<StressRow> runFamily(final ForwardFamily family, final Deceptron jcp, final int[] done,
                                      final int total) {
        for (final BenchMethod method : METHODS) {
            for (final Instance inst : draw(family, warmup, 1)) {
                solve(family, StressScenario.NOMINAL, jcp, method, inst);
                listener.solved(family.id(), StressScenario.NOMINAL, method, ++done[0], total);
            }
        }
        final List<Instance> nominal = draw(family, instances, 0);
        final double[] mean = scenarios.stream().anyMatch(s -> s.priorFactor() != 1.0) ? priorMean(family, seed)
                : null;
        final List<StressRow> rows = new ArrayList<>();
        for (final StressScenario scenario : scenarios) {
            final List<Instance> stressed = new ArrayList<>();
            for (final Instance inst : nominal) {
                stressed.add(stress(family, scenario, inst, mean));
            }
            final List<StressOutcome> dipg = new ArrayList<>();
            final List<StressOutcome> lm = new ArrayList<>();
            for (final BenchMethod method : METHODS) {
                for (final Instance inst : stressed) {
                    (method == BenchMethod.DIPG ? dipg : lm).add(solve(family, scenario, jcp, method, inst));
                    listener.solved(family.id(), scenario, method, ++done[0], total);
                }
            }
            rows.add(new StressRow(family.id(), scenario, StressSummary.of(family.id(), scenario, BenchMethod.DIPG,
                    dipg), StressSummary.of(family.id(), scenario, BenchMethod.LM, lm)));
        }
        return rows;
    }

    /**
     * Draws nominal instances with the bench's seeding rule.
     * @param family the family
     * @param count how many
     * @param stream 0 for timed instances, 1 for warm-up
     * @return the instances
     */
    private List<Instance> draw(final ForwardFamily family, final int count, final int stream) {
        final RandomGenerator rng = BenchRunner.random(seed, family.id(), stream);
        final List<Instance> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(family.drawInstance(rng));
        }
        return list;
    }

    /**
     * Estimates the prior mean of a family: the average of {@link #PRIOR_MEAN_SAMPLES} prior draws from stream 2
     * of the seeding rule.
     * @param family the family
     * @param seed the run seed
     * @return the estimated mean, length n
     */
    public static double[] priorMean(final ForwardFamily family, final long seed) {
        final RandomGenerator rng = BenchRunner.random(seed, family.id(), 2);
        final double[] mean = new double[family.model().parameterSize()];
        for (int k = 0; k < PRIOR_MEAN_SAMPLES; k++) {
            final double[] x = family.protocol().samplePrior(rng);
            for (int i = 0; i < mean.length; i++) {
                mean[i] += x[i];
            }
        }
        for (int i = 0; i < mean.length; i++) {
            mean[i] /= PRIOR_MEAN_SAMPLES;
        }
        return mean;
    }

    /**
     * Applies a scenario to a nominal instance: x' = clip(mu + priorFactor (x_true - mu)) and
     * y* = F(x') + noiseFactor (y*_nominal - F(x_true)).
     * @param family the family
     * @param scenario the scenario
     * @param nominal the nominal instance
     * @param mean the prior mean (unused when the scenario keeps the prior)
     * @return the scenario's instance (the nominal one when the scenario keeps the data)
     */
    public static Instance stress(final ForwardFamily family, final StressScenario scenario, final Instance nominal,
                                  final double[] mean) {
        if (!scenario.changesData()) {
            return nominal;
        }
        final ForwardModel model = family.model();
        final double[] truth = nominal.truth();
        final double[] y = nominal.observed();
        final double[] clean = model.value(truth);
        double[] x = truth;
        double[] fx = clean;
        if (scenario.priorFactor() != 1.0) {
            final double[] lo = model.lowerBounds();
            final double[] hi = model.upperBounds();
            x = new double[truth.length];
            for (int i = 0; i < x.length; i++) {
                x[i] = Math.max(lo[i], Math.min(hi[i], mean[i] + scenario.priorFactor() * (truth[i] - mean[i])));
            }
            fx = model.value(x);
        }
        final double[] observed = new double[y.length];
        for (int k = 0; k < y.length; k++) {
            observed[k] = fx[k] + scenario.noiseFactor() * (y[k] - clean[k]);
        }
        return new Instance(x, observed);
    }

    /**
     * Builds the problem of a scenario's instance.
     * @param family the family
     * @param scenario the scenario
     * @param inst the scenario's instance
     * @return the problem
     */
    public static FamilyProblem problem(final ForwardFamily family, final StressScenario scenario,
                                        final Instance inst) {
        final InstanceProtocol protocol = family.protocol();
        return FamilyProblemFactory.create(family.model(), protocol.noiseLevel(), inst.observed(),
                protocol.defaultStart(), protocol.tolerance() * scenario.toleranceFactor(),
                FamilyProblemFactory.DEFAULT_MAX_EVALUATIONS, FamilyProblemFactory.DEFAULT_MAX_ITERATIONS);
    }

    /**
     * Solves one instance with one method; never throws on a failed solve.
     * @param family the family
     * @param scenario the scenario
     * @param jcp the family's +JCP Deceptron
     * @param method {@link BenchMethod#DIPG} or {@link BenchMethod#LM}
     * @param inst the scenario's instance
     * @return the outcome
     */
    private static StressOutcome solve(final ForwardFamily family, final StressScenario scenario,
                                       final Deceptron jcp, final BenchMethod method, final Instance inst) {
        long t0 = System.nanoTime();
        try {
            final FamilyProblem problem = problem(family, scenario, inst);
            if (method == BenchMethod.DIPG) {
                final DipgOptimizer optimizer = new DipgOptimizer().withDeceptrons(scenario.deceptron(jcp));
                t0 = System.nanoTime();
                final DipgOptimum o = optimizer.optimize(problem);
                final double ms = (System.nanoTime() - t0) * 1e-6;
                final double xr = inst.xRmse(o.getPoint().toArray());
                return new StressOutcome(success(family, scenario, problem, o.getRMS(), xr), o.getValueEvaluations(),
                        o.getJacobianEvaluations(), o.getDipgSteps(), o.getRMS(), xr, ms, null,
                        o.getDeceptronStatus());
            }
            final MonitoredProblem monitored = new MonitoredProblem(problem, false);
            final LevenbergMarquardtOptimizer optimizer = new LevenbergMarquardtOptimizer();
            t0 = System.nanoTime();
            final Optimum o = optimizer.optimize(monitored);
            final double ms = (System.nanoTime() - t0) * 1e-6;
            final double xr = inst.xRmse(o.getPoint().toArray());
            return new StressOutcome(success(family, scenario, problem, o.getRMS(), xr),
                    monitored.getValueEvaluations(), monitored.getJacobianEvaluations(), 0, o.getRMS(), xr, ms, null,
                    "");
        } catch (RuntimeException | AssertionError e) {
            final double ms = (System.nanoTime() - t0) * 1e-6;
            return new StressOutcome(false, -1, -1, -1, Double.NaN, Double.NaN, ms,
                    e.getClass().getSimpleName() + ": " + e.getMessage(), "");
        }
    }

    /**
     * The scenario's success criterion.
     * @param family the family
     * @param scenario the scenario
     * @param problem the problem
     * @param rms the final normalised residual RMS
     * @param xRmse the final x-RMSE against the scenario's true unknowns
     * @return true on success
     */
    private static boolean success(final ForwardFamily family, final StressScenario scenario,
                                   final FamilyProblem problem, final double rms, final double xRmse) {
        if (scenario.residualSuccess()) {
            return rms <= problem.getTolerance();
        }
        return family.protocol().isSuccess(rms, xRmse);
    }

    /**
     * Returns the scenarios run.
     * @return the scenarios
     */
    public List<StressScenario> scenarios() {
        return scenarios;
    }
}
