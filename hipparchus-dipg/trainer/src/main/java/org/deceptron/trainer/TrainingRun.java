package org.deceptron.trainer;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What every stage of one training run shares: the options, the data, both networks' layers, the progress
 * listener, the batch builder and, when the family is known, its exact tangents.
 * @param options the options
 * @param data the data
 * @param fLayers f's layers
 * @param gLayers g's layers
 * @param listener progress listener (never null)
 * @param batches builds placeholder arrays in the training precision
 * @param tangents exact tangents of the family, null when the family is not known
 */
record TrainingRun(TrainingOptions options, TrainingData data, List<LayerSpec> fLayers, List<LayerSpec> gLayers,
                   TrainingListener listener, Batches batches, ExactTangents tangents) {

    /** Chunk size of the validation passes. */
    static final int CHUNK = 256;

    /**
     * Sets up a run.
     * @param options the options
     * @param family the family, or null
     * @param data the data
     * @param listener progress listener
     * @return the run
     */
    static TrainingRun of(final TrainingOptions options, final ForwardFamily family, final TrainingData data,
                          final TrainingListener listener) {
        return new TrainingRun(options, data, options.networks().forward().layers(data.n(), data.m()),
                               options.networks().reverse().layers(data.m(), data.n()), listener,
                               new Batches(options.dtype()),
                               hasTangent(family) ? new ExactTangents(family, data) : null);
    }

    /**
     * Tells whether a family can give exact tangents (exact JCP target, exact validation RJCP).
     * @param family the family, or null
     * @return true when it is given and its model declares a tangent model
     */
    static boolean hasTangent(final ForwardFamily family) {
        return family != null && family.model().hasDerivative(Derivative.TANGENT);
    }

    /**
     * Copies the current values of variables.
     * @param sd the graph
     * @param names the variables
     * @return name -&gt; copy, in the order of names
     */
    static Map<String, INDArray> snapshot(final SameDiff sd, final List<String> names) {
        final Map<String, INDArray> out = new LinkedHashMap<>();
        for (final String name : names) {
            out.put(name, sd.getArrForVarName(name).dup('c'));
        }
        return out;
    }

    /**
     * Returns the optimiser steps of one epoch.
     * @return {@code ceil(training samples / batch)}
     */
    int steps() {
        return (data.xTrain.length + options.data().batch() - 1) / options.data().batch();
    }

    /**
     * Creates the optimiser of a stage.
     * @param graph the stage's graph
     * @param stage the stage (its learning rate and epochs)
     * @return Adam with the options' weight decay, clipping and schedule
     */
    AdamOptimizer optimizer(final StageGraphs.Graph graph, final TrainingStage stage) {
        final OptimizerSettings o = options.optimizer();
        final StageSchedule s = o.stage(stage);
        return new AdamOptimizer(graph.sd(), graph.trainable(), s.learningRate(), o.weightDecay(), o.clip(),
                                 o.cosine() ? (long) steps() * s.epochs() : 0);
    }
}
