package org.deceptron.models.darcy2d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code darcy-2d}: the model file {@code darcy-2d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=darcy-2d")
public final class Darcy2dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public Darcy2dDeceptronProvider() {
        super("darcy-2d", Darcy2dDeceptronProvider.class, "darcy-2d.dmodel");
    }
}
