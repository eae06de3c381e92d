package org.deceptron.trainer;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The SameDiff graphs of the three stages.
 * <ul>
 *   <li>{@link #forwardFit}: S1, f trainable, loss MSE(f(x), y);</li>
 *   <li>{@link #reverse}: S2/S3, f frozen (constants), g trainable, loss
 *   {@code rec + w_cyc cyc [+ w_jcp jcp]} with {@code rec = mean (g(y or f(x)) - x)^2},
 *   {@code cyc = mean (f(g(y~)) - y~)^2} and {@code jcp = mean (J_g(h) dh - xi)^2}, where
 *   {@code (h, dh) = (f(xj), J_f(xj) xi)} from f's tangent pass (surrogate target) or the placeholders
 *   {@code (yj, dyj) = (F(xj), J_F(xj) xi)} (exact target). The f branch of the tangent is behind StopGradient.</li>
 * </ul>
 * Placeholder names: x, y, yt (perturbed y), xj, xi (JCP points and probes), yj, dyj (exact target).
 * Output names: loss, rec, cyc, jcp, mse.
 */
public final class StageGraphs {

    /** Name prefix of f's parameters. */
    public static final String F = "f";
    /** Name prefix of g's parameters. */
    public static final String G = "g";

    /** Not instantiable. */
    private StageGraphs() {
    }

    /**
     * A built graph with its networks.
     * @param sd the graph
     * @param f the forward network
     * @param g the reverse network, or null in S1
     * @param trainable names of the trainable variables
     */
    public record Graph(SameDiff sd, SdNet f, SdNet g, List<String> trainable) {
    }

    /**
     * Builds the S1 graph.
     * @param fLayers f's layers
     * @param n input size
     * @param m output size
     * @param fParams initial f parameters
     * @param dtype data type
     * @return the graph; outputs "loss" (= "mse")
     */
    public static Graph forwardFit(final List<LayerSpec> fLayers, final int n, final int m,
                                   final Map<String, INDArray> fParams, final DataType dtype) {
        final SameDiff sd = SameDiff.create();
        final SDVariable x = sd.placeHolder("x", dtype, -1, n);
        final SDVariable y = sd.placeHolder("y", dtype, -1, m);
        final SdNet f = new SdNet(sd, F, fLayers, n, fParams, false, dtype);
        final SDVariable mse = sd.math().squaredDifference(f.apply(x), y).mean();
        sd.updateVariableNameAndReference(mse, "mse");
        final SDVariable loss = mse.mul(1.0);
        sd.updateVariableNameAndReference(loss, "loss");
        sd.setLossVariables("loss");
        buildGradients(sd);
        return new Graph(sd, f, null, f.trainableNames());
    }

    /**
     * Builds the S2/S3 graph (or a validation graph).
     * @param fLayers f's layers (frozen)
     * @param gLayers g's layers
     * @param n unknowns
     * @param m observations
     * @param fParams f's parameters
     * @param gParams g's initial parameters
     * @param recOnData reconstruction on data y instead of f(x)
     * @param cycleWeight cycle weight
     * @param jcp JCP target, or null for no JCP term
     * @param jcpWeight JCP weight (ignored without JCP)
     * @param withGradients build the gradient function (training graphs)
     * @param dtype data type
     * @return the graph
     */
    public static Graph reverse(final List<LayerSpec> fLayers, final List<LayerSpec> gLayers, final int n,
                                final int m, final Map<String, INDArray> fParams, final Map<String, INDArray> gParams,
                                final boolean recOnData, final double cycleWeight, final JcpTarget jcp,
                                final double jcpWeight, final boolean withGradients, final DataType dtype) {
        final SameDiff sd = SameDiff.create();
        final SDVariable x = sd.placeHolder("x", dtype, -1, n);
        final SDVariable y = sd.placeHolder("y", dtype, -1, m);
        final SDVariable yt = sd.placeHolder("yt", dtype, -1, m);
        final SdNet f = new SdNet(sd, F, fLayers, n, fParams, true, dtype);
        final SdNet g = new SdNet(sd, G, gLayers, m, gParams, false, dtype);
        final SDVariable gin = recOnData ? y : SdNet.stopGradient(sd, f.apply(x));
        final SDVariable rec = sd.math().squaredDifference(g.apply(gin), x).mean();
        sd.updateVariableNameAndReference(rec, "rec");
        final SDVariable cyc = sd.math().squaredDifference(f.apply(g.apply(yt)), yt).mean();
        sd.updateVariableNameAndReference(cyc, "cyc");
        SDVariable loss = rec.add(cyc.mul(cycleWeight));
        if (jcp != null) {
            final SDVariable xi = sd.placeHolder("xi", dtype, -1, n);
            final SDVariable h;
            final SDVariable dh;
            if (jcp == JcpTarget.SURROGATE) {
                final SDVariable xj = sd.placeHolder("xj", dtype, -1, n);
                final SDVariable[] fd = f.applyWithTangent(xj, xi);
                h = SdNet.stopGradient(sd, fd[0]);
                dh = SdNet.stopGradient(sd, fd[1]);
            } else {
                h = sd.placeHolder("yj", dtype, -1, m);
                dh = sd.placeHolder("dyj", dtype, -1, m);
            }
            final SDVariable jvp = g.applyWithTangent(h, dh)[1];
            final SDVariable j = sd.math().squaredDifference(jvp, xi).mean();
            sd.updateVariableNameAndReference(j, "jcp");
            loss = loss.add(j.mul(jcpWeight));
        }
        sd.updateVariableNameAndReference(loss, "loss");
        sd.setLossVariables("loss");
        if (withGradients) {
            buildGradients(sd);
        }
        return new Graph(sd, f, g, g.trainableNames());
    }

    /**
     * Builds the gradient function now, with stdout muted: M2.1 prints one "Added differentiated op" line per op
     * to System.out (measured with ND4J 1.0.0-M2.1).
     * @param sd graph
     */
    static void buildGradients(final SameDiff sd) {
        final PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }
}
