package org.deceptron.dipg.model;

import java.util.Objects;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronSession;

/**
 * The {@link Deceptron} of a {@link DeceptronModel}: evaluates the model's networks in physical units (see the
 * model's documentation for the formulas). Immutable and thread safe; sessions are not.
 */
public final class ModelDeceptron implements Deceptron {

    /** The model. */
    private final DeceptronModel model;

    /**
     * Creates the Deceptron of a model.
     * @param model the model
     */
    public ModelDeceptron(final DeceptronModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    /**
     * Returns the model.
     * @return the model
     */
    public DeceptronModel model() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public String familyId() {
        return model.familyId();
    }

    /** {@inheritDoc} */
    @Override
    public String familyFingerprint() {
        return model.familyFingerprint();
    }

    /** {@inheritDoc} */
    @Override
    public String name() {
        return model.name();
    }

    /** {@inheritDoc} */
    @Override
    public int parameterSize() {
        return model.parameterSize();
    }

    /** {@inheritDoc} */
    @Override
    public int observationSize() {
        return model.observationSize();
    }

    /**
     * Returns the validation RJCP of the model's own variant ({@link TrainingRecord#variantRjcp()}).
     * @return the RJCP, NaN when unknown
     */
    @Override
    public double trainingRjcp() {
        return model.trainingRecord().variantRjcp();
    }

    /**
     * Returns the total training wall time ({@link TrainingRecord#totalSeconds()}).
     * @return seconds, NaN when unknown
     */
    @Override
    public double trainingSeconds() {
        return model.trainingRecord().totalSeconds();
    }

    /**
     * Creates a session with its own network evaluators and buffers.
     * @return a new session
     */
    @Override
    public DeceptronSession newSession() {
        return new ModelSession(model);
    }

    /**
     * Returns a one-line summary.
     * @return the summary
     */
    @Override
    public String toString() {
        return "ModelDeceptron(" + model + ")";
    }
}
