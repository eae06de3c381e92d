package org.deceptron.dipg.spi;

import java.util.Objects;

/** The family of {@link ForwardFamily#of(ForwardModel, InstanceProtocol)}: a model and a protocol. */
final class ComposedFamily implements ForwardFamily {

    /** The model. */
    private final ForwardModel model;

    /** The protocol. */
    private final InstanceProtocol protocol;

    /**
     * Creates the family.
     * @param model the model
     * @param protocol the protocol
     */
    ComposedFamily(final ForwardModel model, final InstanceProtocol protocol) {
        this.model = Objects.requireNonNull(model, "model");
        this.protocol = Objects.requireNonNull(protocol, "protocol");
    }

    /** {@inheritDoc} */
    @Override
    public ForwardModel model() {
        return model;
    }

    /** {@inheritDoc} */
    @Override
    public InstanceProtocol protocol() {
        return protocol;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return "ForwardFamily[" + model.id() + "]";
    }
}
