package org.deceptron.models.navierstokes2d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code navier-stokes-2d}: the model file {@code navier-stokes-2d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=navier-stokes-2d")
public final class NavierStokes2dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public NavierStokes2dDeceptronProvider() {
        super("navier-stokes-2d", NavierStokes2dDeceptronProvider.class, "navier-stokes-2d.dmodel");
    }
}
