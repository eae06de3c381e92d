package org.deceptron.trainer;

import java.util.Objects;

/**
 * How Adam runs the three stages: each stage's {@link StageSchedule}, and the regularisation and learning-rate
 * decay they share.
 * @param s1 schedule of S1 (its stage must be S1)
 * @param s2 schedule of S2 (its stage must be S2)
 * @param s3 schedule of S3, each branch (its stage must be S3)
 * @param weightDecay L2 weight decay added to the gradient, PyTorch Adam's {@code weight_decay} (finite, &gt;= 0)
 * @param clip clip of the global gradient norm (finite, &gt;= 0; 0 = off)
 * @param cosine true for a cosine decay of the learning rate to 0 over each stage, false for a constant rate
 */
public record OptimizerSettings(StageSchedule s1, StageSchedule s2, StageSchedule s3, double weightDecay,
                                double clip, boolean cosine) {

    /**
     * Checks the settings.
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION})
     * naming the first value out of range, or a schedule given for another stage
     */
    public OptimizerSettings {
        stageOf(s1, TrainingStage.S1);
        stageOf(s2, TrainingStage.S2);
        stageOf(s3, TrainingStage.S3);
        OptionChecks.nonNegative("weightDecay", weightDecay);
        OptionChecks.nonNegative("clip", clip);
    }

    /**
     * Returns the schedule of a stage.
     * @param stage the stage
     * @return its schedule
     */
    public StageSchedule stage(final TrainingStage stage) {
        return switch (stage) {
            case S1 -> s1;
            case S2 -> s2;
            case S3 -> s3;
        };
    }

    /**
     * Returns a copy with the schedule of one stage replaced.
     * @param schedule the new schedule (replaces the one of its stage)
     * @return the new settings
     */
    public OptimizerSettings with(final StageSchedule schedule) {
        return new OptimizerSettings(schedule.stage() == TrainingStage.S1 ? schedule : s1,
                                     schedule.stage() == TrainingStage.S2 ? schedule : s2,
                                     schedule.stage() == TrainingStage.S3 ? schedule : s3,
                                     weightDecay, clip, cosine);
    }

    /**
     * Checks that a schedule is the one of a stage.
     * @param schedule the schedule
     * @param stage the stage it must be for
     */
    private static void stageOf(final StageSchedule schedule, final TrainingStage stage) {
        Objects.requireNonNull(schedule, "schedule of " + stage);
        OptionChecks.check(schedule.stage() == stage, "schedule of " + stage, schedule.stage(), stage.toString());
    }
}
