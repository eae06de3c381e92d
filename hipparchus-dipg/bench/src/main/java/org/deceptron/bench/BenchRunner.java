package org.deceptron.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.deceptron.dipg.DipgOptimizer;
import org.deceptron.dipg.DipgOptimum;
import org.deceptron.dipg.krylov.GaussNewtonKrylovOptimizer;
import org.deceptron.dipg.problem.FamilyProblemFactory;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.FamilyProblem;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.ForwardModel;
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
 * Runs the benchmark protocol (README, "Benchmark protocol"): for each family, the same instances, start, checker
 * and limits for every method; JIT warm-up on separate instances; one thread; then a traced re-run of a typical
 * instance for the residual-vs-time plot.
 * <p>
 * Counting. Every solve runs on a problem built by {@link FamilyProblemFactory#create(ForwardFamily, double[])}
 * from the family's model wrapped in a {@link CountingModel} (and, for the learned methods, its Deceptron in a
 * {@link CountingDeceptron}), so forward, tangent and adjoint solves and g evaluations are counted the same way
 * for every method ({@link SolveCounts}), whatever the method reports itself.
 * </p>
 * <p>
 * Warm-up. Per family and method, the {@code warmup} warm-up instances (stream 1) are solved in rounds, up to
 * {@link #WARMUP_ROUNDS} rounds and until {@link #WARMUP_BUDGET_NANOS} have been spent, at least one round: a
 * method of a fraction of a millisecond per solve is run thousands of times before it is timed (with 20 rounds at
 * most, such medians were 2.5-3x too high), one that takes seconds only once. Not timed, not reported; the
 * listener sees the first round only.
 * </p>
 * <p>
 * Per family, a method is skipped, with its reason in {@link FamilyResults#skipped()}, when it needs a trained
 * model the family does not have (dipg, dipg-nojcp, one-shot), when it needs m = n (dipg-identity) and when it is
 * out of reach (linear-inverse beyond {@link LinearInverse#MAX_SIZE}). The linear inverse is computed once per
 * family, before its solves; its setup is reported apart ({@link FamilyResults#linearInverseSetup()}).
 * </p>
 */
public final class BenchRunner {

    /** Methods whose typical instance is re-run with a trace for the plot (when they ran). */
    public static final List<BenchMethod> TRACED = List.of(BenchMethod.DIPG, BenchMethod.GN_KRYLOV,
            BenchMethod.LINEAR_INVERSE, BenchMethod.LM);

    /**
     * Maximal number of warm-up rounds per family and method: in practice the time budget decides (20 rounds of 2
     * instances were ~2 ms of warm-up for a 0.05 ms solve, and the in-bench D-IPG medians of heat-1d/heat-2d were
     * 2.5-3x those of a run with 100 instances and 20 warm-up).
     */
    public static final int WARMUP_ROUNDS = 100_000;

    /** Warm-up rounds stop once they have taken this long (per family and method), after the first round. */
    public static final long WARMUP_BUDGET_NANOS = 1_000_000_000L;

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
     * Returns the number of solves a run reports to its listener (for progress bars): the first warm-up round and
     * the timed instances of every method (skipped ones included: their share is reported at once), and the
     * traced re-runs.
     * @param families number of families
     * @param methods the methods (LM is added if missing)
     * @param instances timed instances per family
     * @param warmup warm-up instances per family and method
     * @return the number of solves
     */
    public static int plannedSolves(final int families, final List<BenchMethod> methods, final int instances,
                                    final int warmup) {
        final int m = methods.size() + (methods.contains(BenchMethod.LM) ? 0 : 1);
        final int traced = (int) TRACED.stream().filter(t -> t == BenchMethod.LM || methods.contains(t)).count();
        return families * (m * (instances + warmup) + traced);
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
     * Tells why a method cannot run on a family.
     * @param family the family
     * @param models its models
     * @param method the method
     * @return the reason, or empty when it can run
     */
    public static Optional<String> unavailable(final ForwardFamily family, final DeceptronPair models,
                                               final BenchMethod method) {
        final ForwardModel model = family.model();
        if (method.isLearned() && models.forMethod(method).isEmpty()) {
            return Optional.of("no " + (method == BenchMethod.DIPG_NOJCP ? "-JCP" : "+JCP") + " model");
        }
        if (method == BenchMethod.DIPG_IDENTITY && model.parameterSize() != model.observationSize()) {
            return Optional.of("needs m = n for g = identity (n = " + model.parameterSize() + ", m = "
                    + model.observationSize() + ")");
        }
        if (method == BenchMethod.LINEAR_INVERSE && !LinearInverse.isFeasible(model)) {
            return Optional.of("out of reach: max(n, m) = " + Math.max(model.parameterSize(), model.observationSize())
                    + " > " + LinearInverse.MAX_SIZE + " (a dense n x m inverse)");
        }
        return Optional.empty();
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
        final Map<BenchMethod, String> skipped = new EnumMap<>(BenchMethod.class);
        LinearInverse inverse = null;
        for (final BenchMethod method : methods) {
            final Optional<String> reason = unavailable(family, models, method);
            if (reason.isPresent()) {
                skipped.put(method, reason.get());
                done[0] += warm.size() + timed.size();
                listener.solved(family.id(), method, done[0], total);
                continue;
            }
            if (method == BenchMethod.LINEAR_INVERSE) {
                inverse = LinearInverse.atPriorMean(family, seed);
            }
            warmUp(family, models, inverse, method, warm, done, total);
            final List<InstanceResult> list = new ArrayList<>();
            for (final Instance inst : timed) {
                list.add(solve(family, models, inverse, method, inst, false));
                listener.solved(family.id(), method, ++done[0], total);
            }
            results.put(method, list);
        }
        final List<InstanceResult> lm = results.get(BenchMethod.LM);
        final List<MethodSummary> summaries = summarize(family, results);
        final int typical = typicalInstance(lm);
        final Map<BenchMethod, InstanceResult> traces = new EnumMap<>(BenchMethod.class);
        for (final BenchMethod method : TRACED) {
            if (!methods.contains(method)) {
                continue;
            }
            if (results.containsKey(method)) {
                traces.put(method, solve(family, models, inverse, method, timed.get(typical), true));
            }
            listener.solved(family.id(), method, ++done[0], total);
        }
        final double trainingSeconds = models.jcp().map(Deceptron::trainingSeconds).orElse(Double.NaN);
        return new FamilyResults(family.id(), family.model().parameterSize(), family.model().observationSize(),
                family.protocol().tolerance(), trainingSeconds, results, summaries, typical, traces, skipped,
                Optional.ofNullable(inverse).map(LinearInverse::setup));
    }

    /**
     * Warms a method up (see the class documentation).
     * @param family the family
     * @param models the models
     * @param inverse the family's linear inverse (linear-inverse only, else null)
     * @param method the method
     * @param warm the warm-up instances
     * @param done solves done (updated for the first round)
     * @param total solves planned
     */
    private void warmUp(final ForwardFamily family, final DeceptronPair models, final LinearInverse inverse,
                        final BenchMethod method, final List<Instance> warm, final int[] done, final int total) {
        final long t0 = System.nanoTime();
        for (int round = 0; round < WARMUP_ROUNDS && !warm.isEmpty(); round++) {
            for (final Instance inst : warm) {
                solve(family, models, inverse, method, inst, false);
                if (round == 0) {
                    listener.solved(family.id(), method, ++done[0], total);
                }
            }
            if (System.nanoTime() - t0 > WARMUP_BUDGET_NANOS) {
                break;
            }
        }
    }

    /**
     * Summarises a family's results: one row per method, each with the family's best peer ({@link BestPeer}) and
     * its own speed-up against it.
     * @param family the family
     * @param results the results per method (LM's included)
     * @return the rows, in method order
     */
    static List<MethodSummary> summarize(final ForwardFamily family,
                                         final Map<BenchMethod, List<InstanceResult>> results) {
        final List<InstanceResult> lm = results.get(BenchMethod.LM);
        final List<MethodSummary> rows = new ArrayList<>();
        for (final Map.Entry<BenchMethod, List<InstanceResult>> e : results.entrySet()) {
            rows.add(MethodSummary.of(family.id(), e.getKey().label(), family.model().parameterSize(),
                    family.model().observationSize(), e.getValue(), lm));
        }
        final Optional<MethodSummary> peer = BestPeer.select(rows);
        if (peer.isEmpty()) {
            return rows;
        }
        final List<InstanceResult> reference = results.get(BenchMethod.byLabel(peer.get().method()).orElseThrow());
        final List<MethodSummary> out = new ArrayList<>();
        for (final MethodSummary s : rows) {
            final List<InstanceResult> own = results.get(BenchMethod.byLabel(s.method()).orElseThrow());
            out.add(s.withBestPeer(peer.get().method(), MethodSummary.speedup(reference, own)));
        }
        return out;
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
        Arrays.sort(idx, (a, b) -> Double.compare(lm.get(a).millis(), lm.get(b).millis()));
        return idx[idx.length / 2];
    }

    /**
     * Solves one instance with one method. For linear-inverse this first computes the family's inverse
     * ({@link LinearInverse#atPriorMean(ForwardFamily, long)}, not timed); {@link #run(Map)} computes it once per
     * family instead.
     * @param family the family
     * @param models the models
     * @param method the method
     * @param inst the instance
     * @param trace whether to record the residual trace
     * @return the result
     * @throws IllegalArgumentException when the method cannot run on the family ({@link #unavailable})
     */
    public InstanceResult solve(final ForwardFamily family, final DeceptronPair models, final BenchMethod method,
                                final Instance inst, final boolean trace) {
        final Optional<String> reason = unavailable(family, models, method);
        if (reason.isPresent()) {
            throw new IllegalArgumentException(method.label() + " cannot run on " + family.id() + ": "
                    + reason.get());
        }
        final LinearInverse inverse = method == BenchMethod.LINEAR_INVERSE ? LinearInverse.atPriorMean(family, seed)
                : null;
        return solve(family, models, inverse, method, inst, trace);
    }

    /**
     * Solves one instance with one method on the counted problem.
     * @param family the family
     * @param models the models
     * @param inverse the family's linear inverse (linear-inverse only, else may be null)
     * @param method the method
     * @param inst the instance
     * @param trace whether to record the residual trace
     * @return the result
     */
    private InstanceResult solve(final ForwardFamily family, final DeceptronPair models, final LinearInverse inverse,
                                 final BenchMethod method, final Instance inst, final boolean trace) {
        final SolveCounter counter = new SolveCounter();
        final ForwardFamily counted = ForwardFamily.of(new CountingModel(family.model(), counter), family.protocol());
        final FamilyProblem problem = FamilyProblemFactory.create(counted, inst.observed());
        switch (method) {
            case DIPG:
            case DIPG_NOJCP:
                return dipg(family, problem, inst, models.forMethod(method).orElseThrow(), counter, trace);
            case DIPG_IDENTITY:
                return dipg(family, problem, inst, new IdentityDeceptron(family.model()), counter, trace);
            case ONE_SHOT:
                return oneShot(family, problem, inst, models.jcp().orElseThrow(), counter);
            case LM:
                return peer(family, problem, inst, new LevenbergMarquardtOptimizer(), counter, trace);
            case GN:
                return peer(family, problem, inst, new GaussNewtonOptimizer(), counter, trace);
            case GN_KRYLOV:
                return peer(family, problem, inst, new GaussNewtonKrylovOptimizer(), counter, trace);
            case LINEAR_INVERSE:
                return peer(family, problem, inst, inverse.optimizer(), counter, trace);
            default:
                throw new IllegalArgumentException("unknown method " + method);
        }
    }

    /**
     * D-IPG. The Deceptron is wrapped in a {@link CountingDeceptron} when the registry accepts it as it is (a
     * refused one is passed as it is: the solve is then Levenberg-Marquardt and evaluates no g).
     * @param family the family
     * @param problem the counted problem
     * @param inst the instance
     * @param model the model
     * @param counter the solve's tally
     * @param trace whether to trace
     * @return the result
     */
    private static InstanceResult dipg(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                       final Deceptron model, final SolveCounter counter, final boolean trace) {
        final boolean accepted = new DipgOptimizer().withDeceptrons(model).lookup(problem).getDeceptron().isPresent();
        final DipgOptimizer optimizer = new DipgOptimizer()
                .withDeceptrons(accepted ? new CountingDeceptron(model, counter) : model).withTrace(trace);
        final long t0 = System.nanoTime();
        try {
            final DipgOptimum o = optimizer.optimize(problem);
            final double ms = (System.nanoTime() - t0) * 1e-6;
            final double xr = Stats.rmse(o.getPoint().toArray(), inst.truth());
            return new InstanceResult(family.protocol().isSuccess(o.getRMS(), xr), o.getIterations(),
                    o.getValueEvaluations(), o.getJacobianEvaluations(), counter.counts(), xr, o.getRMS(), ms, null,
                    o.getTrace());
        } catch (RuntimeException e) {
            return failure(t0, e, counter);
        }
    }

    /**
     * The one-shot learned inverse.
     * @param family the family
     * @param problem the counted problem
     * @param inst the instance
     * @param model the model
     * @param counter the solve's tally
     * @return the result
     */
    private static InstanceResult oneShot(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                          final Deceptron model, final SolveCounter counter) {
        final long t0 = System.nanoTime();
        final DeceptronSession session = new CountingDeceptron(model, counter).newSession();
        final double[] x = new double[family.model().parameterSize()];
        session.inverse(inst.observed(), x);
        final Evaluation e = problem.evaluate(new ArrayRealVector(x, false));
        final double rms = e.getRMS();
        final double ms = (System.nanoTime() - t0) * 1e-6;
        final double xr = Stats.rmse(e.getPoint().toArray(), inst.truth());
        return new InstanceResult(family.protocol().isSuccess(rms, xr), 0, 1, 0, counter.counts(), xr, rms, ms, null,
                List.of());
    }

    /**
     * A non-learned peer: a {@link LeastSquaresOptimizer} on the counted problem, monitored
     * ({@link MonitoredFamilyProblem}, still a family problem, so that gn-krylov stays matrix-free).
     * @param family the family
     * @param problem the counted problem
     * @param inst the instance
     * @param optimizer the optimizer
     * @param counter the solve's tally
     * @param trace whether to trace
     * @return the result
     */
    private static InstanceResult peer(final ForwardFamily family, final FamilyProblem problem, final Instance inst,
                                       final LeastSquaresOptimizer optimizer, final SolveCounter counter,
                                       final boolean trace) {
        final MonitoredFamilyProblem monitored = new MonitoredFamilyProblem(problem, trace);
        final long t0 = System.nanoTime();
        try {
            final Optimum o = optimizer.optimize(monitored);
            final double ms = (System.nanoTime() - t0) * 1e-6;
            final double xr = Stats.rmse(o.getPoint().toArray(), inst.truth());
            return new InstanceResult(family.protocol().isSuccess(o.getRMS(), xr), o.getIterations(),
                    monitored.getValueEvaluations(), monitored.getJacobianEvaluations(), counter.counts(), xr,
                    o.getRMS(), ms, null, monitored.getTrace());
        } catch (RuntimeException e) {
            return failure(t0, e, counter);
        }
    }

    /**
     * A failed solve (exception).
     * @param t0 start time
     * @param e the exception
     * @param counter the solve's tally (the work spent until the failure)
     * @return the result
     */
    private static InstanceResult failure(final long t0, final RuntimeException e, final SolveCounter counter) {
        final double ms = (System.nanoTime() - t0) * 1e-6;
        return new InstanceResult(false, -1, -1, -1, counter.counts(), Double.NaN, Double.NaN, ms,
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
