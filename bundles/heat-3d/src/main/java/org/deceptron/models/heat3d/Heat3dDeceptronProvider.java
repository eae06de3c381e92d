package org.deceptron.models.heat3d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code heat-3d}: the model file {@code heat-3d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=heat-3d")
public final class Heat3dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public Heat3dDeceptronProvider() {
        super("heat-3d", Heat3dDeceptronProvider.class, "heat-3d.dmodel");
    }
}
