package org.deceptron.models.allencahn2d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code allen-cahn-2d}: the model file {@code allen-cahn-2d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=allen-cahn-2d")
public final class AllenCahn2dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public AllenCahn2dDeceptronProvider() {
        super("allen-cahn-2d", AllenCahn2dDeceptronProvider.class, "allen-cahn-2d.dmodel");
    }
}
