package org.deceptron.trainer;

/** How a side (x or y) is z-scored from the training statistics. */
public enum NormMode {
    /** No normalisation (mean 0, std 1): e.g. x of Allen-Cahn in [-1, 1] feeding a tanh output. */
    NONE,
    /** One scalar mean and std for all components (fields on a grid, translation invariant). */
    GLOBAL,
    /**
     * Per-component mean and std (the paper's Heat-1D/3D); each std is floored at 5% of the global std, so that
     * nearly constant components (boundary points) are not blown up.
     */
    PER_COMPONENT
}
