package org.deceptron.trainer;

import java.util.Objects;

/**
 * How long and how fast one {@link TrainingStage} trains (S3: each branch).
 * @param stage the stage
 * @param epochs epochs (&gt;= 0)
 * @param learningRate Adam's learning rate (finite and &gt; 0; the peak of the cosine schedule when it is on)
 */
public record StageSchedule(TrainingStage stage, int epochs, double learningRate) {

    /**
     * Checks the schedule.
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION})
     * naming the stage's epochs or learning rate
     */
    public StageSchedule {
        Objects.requireNonNull(stage, "stage");
        OptionChecks.check(epochs >= 0, "epochs of " + stage, epochs, ">= 0");
        OptionChecks.check(learningRate > 0 && learningRate < Double.POSITIVE_INFINITY, "learning rate of " + stage,
                           learningRate, "finite and > 0");
    }
}
