package org.deceptron.dipg.model;

/**
 * The limits a model file reader enforces on the model a file declares (see {@link ModelFile}): the defaults are
 * the documented caps of {@link ModelFile}; tests use smaller ones to exercise the checks on small files.
 * @param maxWeights most weights and biases in the whole model ({@link ModelFile#MAX_WEIGHTS})
 * @param maxActivation largest input or output size of a layer ({@link ModelFile#MAX_ACTIVATION})
 * @param maxSessionDoubles largest {@link DeceptronModel#sessionMemory()} ({@link ModelFile#MAX_SESSION_DOUBLES})
 * @param maxLayers most layers in the whole model, nested ones included ({@link ModelFile#MAX_LAYERS})
 */
record ReadLimits(long maxWeights, long maxActivation, long maxSessionDoubles, int maxLayers) {

    /** The documented caps of {@link ModelFile}. */
    static final ReadLimits DEFAULT = new ReadLimits(ModelFile.MAX_WEIGHTS, ModelFile.MAX_ACTIVATION,
                                                     ModelFile.MAX_SESSION_DOUBLES, ModelFile.MAX_LAYERS);
}
