package org.deceptron.models.advdiff2d;

import org.deceptron.dipg.model.ResourceDeceptronProvider;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.osgi.service.component.annotations.Component;

/**
 * The trained Deceptron of family {@code adv-diff-2d}: the model file {@code adv-diff-2d.dmodel} of this bundle. Found by
 * Declarative Services inside OSGi and by {@link java.util.ServiceLoader} on a classpath.
 */
@Component(service = DeceptronProvider.class, property = "family.id=adv-diff-2d")
public final class AdvDiff2dDeceptronProvider extends ResourceDeceptronProvider {

    /** Creates the provider (called by Service Component Runtime and by ServiceLoader). */
    public AdvDiff2dDeceptronProvider() {
        super("adv-diff-2d", AdvDiff2dDeceptronProvider.class, "adv-diff-2d.dmodel");
    }
}
