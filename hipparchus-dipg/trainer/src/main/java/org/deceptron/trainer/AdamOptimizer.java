package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.GradientUpdater;
import org.nd4j.linalg.learning.config.Adam;

/**
 * Adam on the trainable variables of a SameDiff graph, with what SameDiff's own {@code fit} lacks in M2.1:
 * PyTorch-style L2 weight decay (added to the gradient), clipping of the global gradient norm, and an optional
 * cosine decay of the learning rate over the stage. The moment updates run in ND4J's native Adam op, one call per
 * parameter array.
 */
final class AdamOptimizer {

    /** Graph whose variables are updated in place. */
    private final SameDiff sd;
    /** Trainable names. */
    private final List<String> names;
    /** Native updaters, one per name. */
    private final List<GradientUpdater<?>> updaters = new ArrayList<>();
    /** The Adam configuration whose learning rate we set per step. */
    private final List<Adam> configs = new ArrayList<>();
    /** Base learning rate. */
    private final double lr;
    /** Weight decay. */
    private final double weightDecay;
    /** Global norm clip (0 = none). */
    private final double clip;
    /** Total steps of the stage for the cosine schedule (0 = constant rate). */
    private final long cosineSteps;
    /** Steps taken. */
    private int step;
    /** Global gradient norm of the last step (before clipping). */
    private double lastNorm;

    /**
     * Creates the optimizer.
     * @param sd graph
     * @param names trainable variable names
     * @param lr base learning rate
     * @param weightDecay L2 weight decay
     * @param clip global-norm clip, 0 for none
     * @param cosineSteps total steps for cosine decay, 0 for a constant rate
     */
    AdamOptimizer(final SameDiff sd, final List<String> names, final double lr, final double weightDecay,
                  final double clip, final long cosineSteps) {
        this.sd = sd;
        this.names = List.copyOf(names);
        this.lr = lr;
        this.weightDecay = weightDecay;
        this.clip = clip;
        this.cosineSteps = cosineSteps;
        for (final String name : names) {
            final INDArray p = sd.getArrForVarName(name);
            final Adam cfg = new Adam(lr, 0.9, 0.999, 1e-8);
            final INDArray state = Nd4j.zeros(p.dataType(), 1, cfg.stateSize(p.length()));
            configs.add(cfg);
            updaters.add(cfg.instantiate(state, true));
        }
    }

    /**
     * Returns the learning rate of the next step.
     * @return the rate
     */
    double currentRate() {
        if (cosineSteps <= 0) {
            return lr;
        }
        final double t = Math.min(1.0, step / (double) cosineSteps);
        return lr * 0.5 * (1 + Math.cos(Math.PI * t));
    }

    /**
     * Returns the global gradient norm seen by the last step (before clipping).
     * @return the norm
     */
    double lastNorm() {
        return lastNorm;
    }

    /**
     * Applies one step. Missing (null) gradients, i.e. variables with no path to the loss, are skipped.
     * @param grads gradients by name (modified)
     */
    void step(final Map<String, INDArray> grads) {
        final double rate = currentRate();
        double sq = 0;
        for (final String name : names) {
            final INDArray g = grads.get(name);
            if (g != null) {
                if (weightDecay > 0) {
                    g.addi(sd.getArrForVarName(name).mul(weightDecay));
                }
                final double n2 = g.norm2Number().doubleValue();
                sq += n2 * n2;
            }
        }
        lastNorm = Math.sqrt(sq);
        final double scale = clip > 0 && lastNorm > clip ? clip / lastNorm : 1.0;
        for (int i = 0; i < names.size(); i++) {
            final INDArray g = grads.get(names.get(i));
            if (g == null) {
                continue;
            }
            if (scale != 1.0) {
                g.muli(scale);
            }
            final INDArray p = sd.getArrForVarName(names.get(i));
            final INDArray flat = g.dup('c').reshape(1, g.length());
            configs.get(i).setLearningRate(rate);
            updaters.get(i).applyUpdater(flat, step, 0);
            p.subi(flat.reshape(p.shape()));
        }
        step++;
    }
}
