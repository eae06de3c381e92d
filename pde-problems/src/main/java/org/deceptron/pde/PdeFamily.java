package org.deceptron.pde;

import org.deceptron.dipg.spi.ForwardFamily;

/**
 * Base of the registered PDE families: one {@link AbstractPdeModel} (the physics) with its {@link PdeProtocol}
 * (prior, noise, start). Subclasses are the DS components and ServiceLoader entries; they only choose the
 * constants.
 * @param <M> the model type
 */
public abstract class PdeFamily<M extends AbstractPdeModel> implements ForwardFamily {

    /** The model. */
    private final M model;

    /** The protocol. */
    private final PdeProtocol protocol;

    /**
     * Creates the family.
     * @param model the model
     * @param protocol the protocol
     */
    protected PdeFamily(final M model, final PdeProtocol protocol) {
        this.model = model;
        this.protocol = protocol;
    }

    /** {@inheritDoc} */
    @Override
    public final M model() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public final PdeProtocol protocol() {
        return protocol;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + model + ", " + protocol + "]";
    }
}
