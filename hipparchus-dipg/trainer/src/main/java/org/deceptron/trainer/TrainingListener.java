package org.deceptron.trainer;

import java.util.Map;

/** Progress callbacks of a training run (progress bars, logs). All methods have empty defaults. */
public interface TrainingListener {

    /**
     * Called before a stage.
     * @param stage stage name (S1, S2, S3+JCP, S3-JCP)
     * @param epochs epochs of the stage
     */
    default void stageStarted(final String stage, final int epochs) {
    }

    /**
     * Called after each epoch.
     * @param stage stage name
     * @param epoch epoch index, 1-based
     * @param epochs epochs of the stage
     * @param metrics train and validation metrics of the epoch (insertion ordered)
     */
    default void epochFinished(final String stage, final int epoch, final int epochs,
                               final Map<String, Double> metrics) {
    }

    /**
     * Called after a stage.
     * @param summary the stage summary
     */
    default void stageFinished(final StageSummary summary) {
    }

    /**
     * Free-form information (data generation, checkpoint choices).
     * @param message the message
     */
    default void info(final String message) {
    }
}
