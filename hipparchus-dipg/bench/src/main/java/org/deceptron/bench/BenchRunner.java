package org.deceptron.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.problem.MonitoredProblem;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.GaussNewtonOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer.Optimum;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresProblem.Evaluation;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.random.RandomGenerator;
import org.hipparchus.random.Well19937a;

/**
 * Runs the benchmark protocol (README, "Benchmark protocol"): for each family, the same instances, start, checker and
 * limits for every method; JIT warm-up on separate instances; one thread; then a traced re-run of a typical
 * instance for the residual-vs-time plot.
 */
public final class BenchRunner {

    /** Number of warm-up instances per family and method. */
    private final int warmup;

    /** Number of timed instances per family. */
    private final int instances;

    /** Base seed. */
    private final long seed;

    /** Methods to run (LM is always run: speed-ups are relative to it). */
    private final List<BenchMethod> methods;

    /** Progress listener. */
    private final BenchListener listener;

    /**
     * Creates a runner.
     * @param instances timed instances per family
     * @param warmup warm-up instances per family and method
     * @param seed base seed
     * @param methods methods to run (LM is added if missing)
     * @param listener progress listener
     */
    public BenchRunner(final int instances, final int warmup, final long seed, final List<BenchMethod> methods,
                       final BenchListener listener) {
        if (instances < 1) {
            throw new IllegalArgumentException("instances must be >= 1, got " + instances);
        }
        if (warmup < 0) {
            throw new IllegalArgumentException("warm-up must be >= 0, got " + warmup);
        }
        this.instances = instances;
        this.warmup = warmup;
        this.seed = seed;
        final List<BenchMethod> all = new ArrayList<>(methods);
        if (!all.contains(BenchMethod.LM)) {
            all.add(BenchMethod.LM);
        }
        this.methods = Collections.unmodifiableList(all);
        this.listener = listener;
    }

    /**
     * Returns the number of solves a run performs (for progress bars).
     * @param families number of families
     * @param methods the methods (LM is added if missing)
     * @param instances timed instances per family
     * @param warmup warm-up instances per family and method
     * @return the number of solves
     */
    public static int plannedSolves(final int families, final List<BenchMethod> methods, final int instances,
                                    final int warmup) {
        final int m = methods.size() + (methods.contains(BenchMethod.LM) ? 0 : 1);
        return families * (m * (instances + warmup) + 2);
    }

    /**
     * Returns the random source of a family's instances: the one seeding rule of the benchmark, {@code dipg solve}
     * and {@code dipg scaling}, so that the same seed draws the same instances everywhere.
     * @param seed the run seed
     * @param familyId the family id
     * @param stream 0 for timed instances, 1 for warm-up
     * @return a new generator
     */
    public static RandomGenerator random(final long seed, final String familyId, final int stream) {
        return new Well19937a(new int[] {(int) seed, (int) (seed >>> 32), familyId.hashCode(), stream});
    }

    /**
     * Draws the instances of a family (deterministic for the seed and family id).
     * @param family the family
     * @param count how many
     * @param stream 0 for timed instances, 1 for warm-up
     * @return the instances
     */
    public List<Instance> instances(final ForwardFamily family, final int count, final int stream) {
        final RandomGenerator rng = random(seed, family.id(), stream);
        final List<Instance> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(family.drawInstance(rng));
        }
        return list;
    }

    /**
     * Runs the benchmark on several families.
     * @param families the families with their models
     * @return the results, one per family
     */
    public List<FamilyResults> run(final Map<ForwardFamily, DeceptronPair> families) {
        final int[] done = {0};
        final int total = plannedSolves(families.size(), methods, instances, warmup);
        final List<FamilyResults> out = new ArrayList<>();
        for (final Map.Entry<ForwardFamily, DeceptronPair> e : families.entrySet()) {
            out.add(runFamily(e.getKey(), e.getValue(), done, total));
        }
        return out;
    }

    /**
     * Runs one family.
     * @param family the family
     * @param models its models
     * @param done solves done (updated)
     * @param total solves planned
     * @return the results
     */
    private FamilyResults runFamily(final ForwardFamily family, final DeceptronPair models, final int[] done,
                                    final int total) {
        final List<Instance> warm = instances(family, warmup, 1);
        final List<Instance> timed = instances(family, instances, 0);
        final Map<BenchMethod, List<InstanceResult>> results = new EnumMap<>(BenchMethod.class);
        for (final BenchMethod method : methods) {
            if (method != BenchMethod.LM && method != BenchMethod.GN && models.forMethod(method).isEmpty()) {
                continue;
            }
            for (final Instance inst : warm) {
                solve(family, models, method, inst, false);
                listener.solved(family.id(), method, ++done[0], total);
            }
            final List<InstanceResult> list = new ArrayList<>();
            for (final Instance inst : timed) {
                list.add(solve(family, models, method, inst, false));
                listener.solved(family.id(), method, ++done[0], total);
            }
            results.put(method, list);
        }
        final List<InstanceResult> lm = results.get(BenchMethod.LM);
        final List<MethodSummary> summaries = new ArrayList<>();
        for (final Map.Entry<BenchMethod, List<InstanceResult>> e : results.entrySet()) {
            summaries.add(MethodSummary.of(family.id(), e.getKey().label(), family.model().parameterSize(),
                    family.model().observationSize(), e.getValue(), lm));
        }
        final int typical = typicalInstance(lm);
        final Map<BenchMethod, InstanceResult> traces = new EnumMap<>(BenchMethod.class);
        for (final BenchMethod method : new BenchMethod[] {BenchMethod.DIPG, BenchMethod.LM}) {
            if (results.containsKey(method)) {
                traces.put(method, solve(family, models, method, timed.get(typical), true));
            }
            listener.solved(family.id(), method, ++done[0], total);
        }
        final double trainingSeconds = models.jcp().map(Deceptron::trainingSeconds).orElse(Double.NaN);
        return new FamilyResults(family.id(), family.model().parameterSize(), family.model().observationSize(), family.protocol().tolerance(),
                trainingSeconds, results, summaries, typical, traces);
    }

    /**
     * Picks the instance whose LM time is the median one.
     * @param lm LM's results
     * @return the index
     */
    private static int typicalInstance(final List<InstanceResult> lm) {
        final Integer[] idx = new Integer[lm.size()];
        for (int i = 0; i < idx.length; i++) {
            idx[i] = i;
        }
        java.util.Arrays.sort(idx, (a, b) -> Double.compare(lm.get(a).millis(), lm.get(b).millis()));
        return idx[idx.length / 2];
    }

    /**
     * Solves one instance with one method.
     * @param family the family
     * @param models the models
     * @param method the method
     * @param inst the instance
     * @param trace whether to record the residual trace
     * @return the result
     */
    public InstanceResult solve(final ForwardFamily family, final DeceptronPair models, final BenchMethod method,
                                final Instance inst, final boolean trace) {
        final FamilyProblem problem = FamilyProblemFactory.create(family, inst.observed());
        switch (method) {
            case DIPG:
            case DIPG_NOJCP:
                return dipg(family, problem, inst, models.forMethod(method).orElseThrow(), trace);
            case ONE_SHOT:
                return oneShot(family, problem, inst, models.jcp().orElseThrow());
            case LM:
                return hipparchus(family, problem, inst, new LevenbergMarquardtOptimizer(), trace);
            case GN:
                return hipparchus(family, problem, inst, new GaussNewtonOptimizer(), trace);
            default:
                throw new IllegalArgumentException("unknown method " + method);
        }
    }

    /**
     * D-IPG.
     * @param family the family
     * @param problem the problem
     * @param inst the instance
     * @param model the model
     * @param trace whether to trace
     * @return the result
     */
    private InstanceResult dipg(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                final Deceptron model, final boolean trace) {
        final DipgOptimizer optimizer = new DipgOptimizer().withDeceptrons(model).withTrace(trace);
        final long t0 = System.nanoTime();
        try {
            final DipgOptimum o = optimizer.optimize(problem);
            final double ms = (System.nanoTime() - t0) * 1e-6;
            final double xr = Stats.rmse(o.getPoint().toArray(), inst.truth());
            return new InstanceResult(family.protocol().isSuccess(o.getRMS(), xr), o.getIterations(),
                    o.getValueEvaluations(), o.getJacobianEvaluations(), xr, o.getRMS(), ms, null, o.getTrace());
        } catch (RuntimeException e) {
            return failure(t0, e);
        }
    }

    /**
     * The one-shot learned inverse.
     * @param family the family
     * @param problem the problem
     * @param inst the instance
     * @param model the model
     * @return the result
     */
    private InstanceResult oneShot(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                   final Deceptron model) {
        final long t0 = System.nanoTime();
        final DeceptronSession session = model.newSession();
        final double[] x = new double[family.model().parameterSize()];
        session.inverse(inst.observed(), x);
        final Evaluation e = problem.evaluate(new ArrayRealVector(x, false));
        final double rms = e.getRMS();
        final double ms = (System.nanoTime() - t0) * 1e-6;
        final double xr = Stats.rmse(e.getPoint().toArray(), inst.truth());
        return new InstanceResult(family.protocol().isSuccess(rms, xr), 0, 1, 0, xr, rms, ms, null,
                List.of());
    }

    /**
     * A Hipparchus optimizer.
     * @param family the family
     * @param problem the problem
     * @param inst the instance
     * @param optimizer LM or GN
     * @param trace whether to trace
     * @return the result
     */
    private InstanceResult hipparchus(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                      final LeastSquaresOptimizer optimizer, final boolean trace) {
        final MonitoredProblem monitored = new MonitoredProblem(problem, trace);
        final long t0 = System.nanoTime();
        try {
            final Optimum o = optimizer.optimize(monitored);
            final double ms = (System.nanoTime() - t0) * 1e-6;
            final double xr = Stats.rmse(o.getPoint().toArray(), inst.truth());
            return new InstanceResult(family.protocol().isSuccess(o.getRMS(), xr), o.getIterations(),
                    monitored.getValueEvaluations(), monitored.getJacobianEvaluations(), xr, o.getRMS(), ms, null,
                    monitored.getTrace());
        } catch (RuntimeException e) {
            return failure(t0, e);
        }
    }

    /**
     * A failed solve (exception).
     * @param t0 start time
     * @param e the exception
     * @return the result
     */
    private static InstanceResult failure(final long t0, final RuntimeException e) {
        final double ms = (System.nanoTime() - t0) * 1e-6;
        return new InstanceResult(false, -1, -1, -1, Double.NaN, Double.NaN, ms,
                e.getClass().getSimpleName() + ": " + e.getMessage(), List.of());
    }

    /**
     * Returns the methods run.
     * @return the methods
     */
    public List<BenchMethod> methods() {
        return methods;
    }
}
