package org.deceptron.pde.heat;

import org.deceptron.pde.PdeFamily;
import org.deceptron.pde.PdeProtocol;

/**
 * Base of heat-1d, heat-2d and heat-3d: a {@link HeatModel} with its {@link HeatPrior}, start x = 0 (the reference
 * demos' x0) and the default tolerance.
 */
public abstract class HeatFamily extends PdeFamily<HeatModel> {

    /**
     * Creates a heat family.
     * @param model the model (built with the same prior)
     * @param prior the prior
     * @param noise the observation noise
     */
    HeatFamily(final HeatModel model, final HeatPrior prior, final double noise) {
        super(model, new PdeProtocol(model.parameterSize(), noise, 0.0, prior));
    }
}
