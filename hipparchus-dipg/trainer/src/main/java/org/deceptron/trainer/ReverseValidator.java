package org.deceptron.trainer;

import java.util.HashMap;
import java.util.Map;
import java.util.OptionalDouble;

import org.hipparchus.random.Well19937c;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Validation of a reverse map: reconstruction, cycle (clean y), RJCP with the surrogate and, when the family is
 * known, with the exact forward tangent; all on fixed probes (the first {@code rjcpSamples} validation samples,
 * probes from {@code seed + 99}), so that every stage and both S3 branches are compared on the same probes.
 */
final class ReverseValidator {

    /** The run. */
    private final TrainingRun run;
    /** f's parameters (frozen). */
    private final Map<String, INDArray> f;
    /** Graph with the surrogate's JCP. */
    private final StageGraphs.Graph surrogate;
    /** Graph with the exact JCP, null without the family. */
    private final StageGraphs.Graph exact;
    /** RJCP inputs x (repeated per probe). */
    private final INDArray xj;
    /** RJCP probes. */
    private final INDArray xi;
    /** Exact RJCP inputs y, null without the family. */
    private final INDArray yj;
    /** Exact RJCP tangents, null without the family. */
    private final INDArray dyj;

    /**
     * Builds the validation graphs around a trained f.
     * @param run the run
     * @param f f's parameters (frozen)
     */
    ReverseValidator(final TrainingRun run, final Map<String, INDArray> f) {
        this.run = run;
        this.f = f;
        final TrainingOptions o = run.options();
        final TrainingData data = run.data();
        final Map<String, INDArray> gDummy = SdNet.initialParameters(StageGraphs.G, run.gLayers(), new Well19937c(0),
                                                                     o.dtype());
        this.surrogate = graph(f, gDummy, JcpTarget.SURROGATE);
        final int k = Math.min(o.jcp().rjcpSamples(), data.xVal.length);
        final double[][] probes = Batches.rademacher(k * o.jcp().rjcpProbes(), data.n(), new Well19937c(o.seed() + 99));
        this.xi = run.batches().matrix(probes);
        this.xj = run.batches().rows(data.xVal, null, 0, k, o.jcp().rjcpProbes());
        if (run.tangents() != null) {
            this.exact = graph(f, gDummy, JcpTarget.EXACT);
            this.yj = run.batches().rows(data.yVal, null, 0, k, o.jcp().rjcpProbes());
            this.dyj = run.batches().matrix(run.tangents().at(data.xValRaw, null, 0, k, probes));
        } else {
            this.exact = null;
            this.yj = null;
            this.dyj = null;
        }
    }

    /**
     * Returns the trained f the reverse maps are validated (and trained) against.
     * @return f's parameters
     */
    Map<String, INDArray> f() {
        return f;
    }

    /**
     * Builds a validation graph.
     * @param fParams f's parameters
     * @param g placeholder parameters of g
     * @param target the JCP target
     * @return the graph (no gradients)
     */
    private StageGraphs.Graph graph(final Map<String, INDArray> fParams, final Map<String, INDArray> g,
                                    final JcpTarget target) {
        final TrainingOptions o = run.options();
        return StageGraphs.reverse(run.fLayers(), run.gLayers(), run.data().n(), run.data().m(), fParams, g,
                                   o.loss().recOnData(), o.loss().cycleWeight(), target, 1.0, false, o.dtype());
    }

    /**
     * Validates reverse parameters.
     * @param g the parameters
     * @return the metrics
     */
    ReverseMetrics validate(final Map<String, INDArray> g) {
        assign(surrogate.sd(), g);
        final TrainingData data = run.data();
        double rec = 0;
        double cyc = 0;
        final int total = data.xVal.length;
        for (int lo = 0; lo < total; lo += TrainingRun.CHUNK) {
            final int hi = Math.min(total, lo + TrainingRun.CHUNK);
            final Map<String, INDArray> ph = new HashMap<>();
            ph.put("x", run.batches().rows(data.xVal, null, lo, hi, 1));
            final INDArray y = run.batches().rows(data.yVal, null, lo, hi, 1);
            ph.put("y", y);
            ph.put("yt", y);
            final Map<String, INDArray> out = surrogate.sd().output(ph, "rec", "cyc");
            rec += out.get("rec").getDouble(0) * (hi - lo);
            cyc += out.get("cyc").getDouble(0) * (hi - lo);
        }
        final Map<String, INDArray> ph = new HashMap<>();
        ph.put("xj", xj);
        ph.put("xi", xi);
        final double rjcp = surrogate.sd().output(ph, "jcp").get("jcp").getDouble(0);
        return new ReverseMetrics(rec / total, cyc / total, rjcp, exactRjcp(g));
    }

    /**
     * Computes the exact RJCP.
     * @param g the parameters
     * @return the RJCP, empty without the family
     */
    private OptionalDouble exactRjcp(final Map<String, INDArray> g) {
        if (exact == null) {
            return OptionalDouble.empty();
        }
        assign(exact.sd(), g);
        final Map<String, INDArray> pe = new HashMap<>();
        pe.put("yj", yj);
        pe.put("dyj", dyj);
        pe.put("xi", xi);
        return OptionalDouble.of(exact.sd().output(pe, "jcp").get("jcp").getDouble(0));
    }

    /**
     * Copies parameters into a graph.
     * @param sd the graph
     * @param g the parameters
     */
    private static void assign(final SameDiff sd, final Map<String, INDArray> g) {
        for (final Map.Entry<String, INDArray> e : g.entrySet()) {
            sd.getArrForVarName(e.getKey()).assign(e.getValue());
        }
    }
}
