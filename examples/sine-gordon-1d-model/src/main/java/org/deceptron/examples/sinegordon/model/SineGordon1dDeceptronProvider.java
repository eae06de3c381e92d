package org.deceptron.examples.sinegordon.model;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of the example family {@code sine-gordon-1d}: the model file {@code sine-gordon-1d.dmodel}
 * of this bundle (trained with {@code ./dipg --classpath <family jar> train --family sine-gordon-1d}, see
 * examples/README.md). Found by Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a
 * class path.
 */
@Component(service = DeceptronProvider.class, property = "family.id=sine-gordon-1d")
public final class SineGordon1dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public SineGordon1dDeceptronProvider() {
        super("sine-gordon-1d", SineGordon1dDeceptronProvider.class, "sine-gordon-1d.dmodel");
    }
}
