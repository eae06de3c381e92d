/**
 * Trains Deceptrons with SameDiff and exports them to core's model file.
 * <p>
 * A run is described by immutable {@link org.deceptron.trainer.TrainingOptions}, a few checked groups
 * ({@link org.deceptron.trainer.NetworkSettings}, {@link org.deceptron.trainer.DataSettings},
 * {@link org.deceptron.trainer.OptimizerSettings} of per-stage {@link org.deceptron.trainer.StageSchedule} values,
 * {@link org.deceptron.trainer.ReverseLoss}, {@link org.deceptron.trainer.JcpSampling}) plus seed, precision and
 * branches (per family: {@link org.deceptron.trainer.TrainingPresets}, whose benchmark rows are the
 * {@link org.deceptron.trainer.FamilyPreset} constants), executed by
 * {@link org.deceptron.trainer.DeceptronTrainer} in the paper's three stages (S1 forward fit, S2 reverse fit, S3
 * reverse fine-tuning in two {@link org.deceptron.trainer.Branch branches}, +JCP and -JCP), and returned as a
 * {@link org.deceptron.trainer.TrainingResult} of per-stage {@link org.deceptron.trainer.StageResult} values;
 * {@link org.deceptron.trainer.ModelExport} turns it into core's model file with its training record. Invalid
 * settings raise Hipparchus' {@code MathIllegalArgumentException} with a {@link org.deceptron.trainer.TrainerFormats}
 * specifier. This is the only module with DL4J/ND4J on its class path.
 * </p>
 */
package org.deceptron.trainer;
