package org.deceptron.models.heat2d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code heat-2d}: the model file {@code heat-2d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=heat-2d")
public final class Heat2dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public Heat2dDeceptronProvider() {
        super("heat-2d", Heat2dDeceptronProvider.class, "heat-2d.dmodel");
    }
}
