package org.deceptron.models.heat1d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code heat-1d}: the model file {@code heat-1d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=heat-1d")
public final class Heat1dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public Heat1dDeceptronProvider() {
        super("heat-1d", Heat1dDeceptronProvider.class, "heat-1d.dmodel");
    }
}
