package org.deceptron.trainer;

/**
 * The paper's three training stages; each has its own epochs and learning rate, its {@link StageSchedule}. S3 runs
 * twice, once per {@link Branch}, with the same schedule.
 */
public enum TrainingStage {
    /** Forward surrogate f on MSE(f(x), y). */
    S1,
    /** Reverse map g with f frozen: reconstruction plus cycle loss. */
    S2,
    /** Reverse fine-tuning from the S2 checkpoint, with (+JCP) and without (-JCP) the Jacobian composition penalty. */
    S3
}
