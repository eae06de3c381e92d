package org.deceptron.trainer;

/**
 * The data of a run and how it is fed: samples generated from the family, split into training and validation,
 * and consumed in mini-batches.
 * @param samples training samples (&gt; 0)
 * @param validationSamples validation samples (&gt; 0)
 * @param batch mini-batch size (&gt; 0)
 * @param threads threads of the forward solves that generate the data (&gt; 0; option {@code dataThreads})
 */
public record DataSettings(int samples, int validationSamples, int batch, int threads) {

    /**
     * Checks the settings.
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION})
     * naming the first value out of range
     */
    public DataSettings {
        OptionChecks.positive("samples", samples);
        OptionChecks.positive("validationSamples", validationSamples);
        OptionChecks.positive("batch", batch);
        OptionChecks.positive("dataThreads", threads);
    }
}
