package org.deceptron.dipg.spi;

import org.hipparchus.random.RandomGenerator;

/**
 * A registered forward family: a {@link ForwardModel} (the physics, its derivatives, its identity) with the
 * {@link InstanceProtocol} its instances are drawn and judged by. This is the unit that is registered (through
 * {@code META-INF/services/org.deceptron.dipg.spi.ForwardFamily} on a class path, or as an OSGi service) and
 * trained for. Problems are built from it by {@code org.deceptron.dipg.problem.FamilyProblemFactory}.
 * <p>Implementations are immutable and thread safe.</p>
 */
public interface ForwardFamily {

    /**
     * Returns the forward model.
     * @return the model, never null
     */
    ForwardModel model();

    /**
     * Returns the instance protocol.
     * @return the protocol, never null
     */
    InstanceProtocol protocol();

    /**
     * Returns the identifier of the family: its model's.
     * @return {@code model().id()}
     */
    default String id() {
        return model().id();
    }

    /**
     * Draws one noisy instance: x_true from the prior, then y* = F(x_true) + noise, with the noise drawn after the
     * prior sample from the same source, component by component.
     * @param random the random source
     * @return the instance
     */
    default Instance drawInstance(final RandomGenerator random) {
        final double[] x = protocol().samplePrior(random);
        final double[] y = model().value(x);
        final double sigma = protocol().noiseLevel();
        for (int k = 0; k < y.length; k++) {
            y[k] += sigma * random.nextGaussian();
        }
        return new Instance(x, y);
    }

    /**
     * Pairs a model with a protocol (for a user's own forward model).
     * @param model the forward model
     * @param protocol its instance protocol
     * @return the family, whose id is the model's
     */
    static ForwardFamily of(final ForwardModel model, final InstanceProtocol protocol) {
        return new ComposedFamily(model, protocol);
    }
}
