package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deceptron.dipg.model.ModelFormatException.Reason;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.hipparchus.exception.MathIllegalStateException;
import org.junit.jupiter.api.Test;

class ResourceDeceptronProviderTest {

    /** How a model bundle uses the base class. */
    public static final class TinyProvider extends ResourceDeceptronProvider {
        /** Creates the provider. */
        public TinyProvider() {
            super(TestModels.FAMILY, TinyProvider.class, "tiny-mlp.dipg");
        }
    }

    @Test
    void loadsChecksAndCachesTheModel() {
        final DeceptronProvider provider = new TinyProvider();
        assertThat(provider.familyId()).isEqualTo(TestModels.FAMILY);
        final Deceptron deceptron = provider.load();
        assertThat(deceptron.familyId()).isEqualTo(TestModels.FAMILY);
        assertThat(deceptron.familyFingerprint()).isEqualTo(TestModels.FINGERPRINT);
        assertThat(deceptron.name()).isEqualTo("tiny-mlp +JCP");
        assertThat(provider.load()).isSameAs(deceptron);
        ModelFileTest.assertSameModel(((ModelDeceptron) deceptron).model(), TestModels.tinyMlp());
        assertThat(provider).hasToString("TinyProvider(test-family, tiny-mlp.dipg)");
    }

    @Test
    void absoluteResourceNamesWork() {
        final ResourceDeceptronProvider provider = new ResourceDeceptronProvider(
            TestModels.FAMILY, ModelFileTest.class, "/org/deceptron/dipg/model/tiny-mlp.dipg");
        assertThat(provider.resourceName()).isEqualTo("/org/deceptron/dipg/model/tiny-mlp.dipg");
        assertThat(provider.load().parameterSize()).isEqualTo(3);
    }

    @Test
    void concurrentLoadsShareOneInstance() throws Exception {
        final DeceptronProvider provider = new TinyProvider();
        final ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            final List<Callable<Deceptron>> tasks = new ArrayList<>();
            for (int k = 0; k < 8; k++) {
                tasks.add(provider::load);
            }
            final Deceptron first = provider.load();
            for (final Future<Deceptron> f : pool.invokeAll(tasks)) {
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aMissingResourceIsNamed() {
        final ResourceDeceptronProvider provider =
            new ResourceDeceptronProvider("heat-3d", ResourceDeceptronProviderTest.class, "missing.dipg");
        assertThatThrownBy(provider::load).isExactlyInstanceOf(MathIllegalStateException.class)
            .hasMessage("model resource 'missing.dipg' of " + ResourceDeceptronProviderTest.class.getName()
                        + " (family 'heat-3d') was not found");
    }

    @Test
    void aModelOfAnotherFamilyIsRefused() {
        final ResourceDeceptronProvider provider =
            new ResourceDeceptronProvider("heat-3d", ResourceDeceptronProviderTest.class, "tiny-mlp.dipg");
        assertThatThrownBy(provider::load).isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(Reason.WRONG_FAMILY))
            .hasMessage("WRONG_FAMILY: model resource 'tiny-mlp.dipg' of "
                        + ResourceDeceptronProviderTest.class.getName()
                        + " was trained for family 'test-family', expected family 'heat-3d'");
        // failures are not cached
        assertThatThrownBy(provider::load).isInstanceOf(ModelFormatException.class);
    }

    @Test
    void aResourceThatIsNotAModelIsRefused() {
        final ResourceDeceptronProvider provider =
            new ResourceDeceptronProvider("heat-3d", ResourceDeceptronProviderTest.class, "not-a-model.txt");
        assertThatThrownBy(provider::load).isInstanceOf(ModelFormatException.class)
            .satisfies(e -> assertThat(((ModelFormatException) e).reason()).isEqualTo(Reason.NOT_A_MODEL))
            .hasMessageContaining("model resource 'not-a-model.txt'");
    }

    @Test
    void rejectsNullArguments() {
        assertThatThrownBy(() -> new ResourceDeceptronProvider(null, String.class, "x"))
            .isInstanceOf(NullPointerException.class).hasMessage("familyId");
        assertThatThrownBy(() -> new ResourceDeceptronProvider("f", null, "x"))
            .isInstanceOf(NullPointerException.class).hasMessage("anchor");
        assertThatThrownBy(() -> new ResourceDeceptronProvider("f", String.class, null))
            .isInstanceOf(NullPointerException.class).hasMessage("resourceName");
    }
}
