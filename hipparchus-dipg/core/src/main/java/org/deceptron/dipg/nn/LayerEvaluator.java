package org.deceptron.dipg.nn;

/**
 * Evaluation of one layer for a fixed input size, with whatever scratch buffers the layer needs. Not thread
 * safe. Callers guarantee array lengths (the input size and the layer's output size) and that outputs do not
 * alias inputs; implementations do not check them and allocate nothing.
 */
interface LayerEvaluator {

    /**
     * Evaluates the layer.
     * @param in the input (not modified)
     * @param out the output
     */
    void forward(double[] in, double[] out);

    /**
     * Evaluates the layer and its Jacobian-vector product in one pass.
     * @param in the input (not modified)
     * @param tangentIn the input tangent (not modified)
     * @param out the output
     * @param tangentOut the output tangent, J(in) tangentIn
     */
    void jvp(double[] in, double[] tangentIn, double[] out, double[] tangentOut);
}
