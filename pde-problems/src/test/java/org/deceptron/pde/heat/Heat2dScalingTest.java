package org.deceptron.pde.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** {@link Heat2dFamily#withNodes(int)}: the heat-2d physics on other grids, for the scaling study. */
class Heat2dScalingTest {

    @Test
    void sixteenIsTheRegisteredFamily() {
        final Heat2dFamily registered = new Heat2dFamily();
        final Heat2dFamily scaled = Heat2dFamily.withNodes(Heat2dFamily.NODES);
        assertThat(scaled.id()).isEqualTo(Heat2dFamily.ID);
        assertThat(scaled.fingerprint()).isEqualTo(registered.fingerprint());
        final double[] x = registered.samplePrior(new Well19937a(3));
        assertThat(scaled.value(x)).containsExactly(registered.value(x));
    }

    @Test
    void otherSizesHaveTheirOwnIdAndFingerprint() {
        final Heat2dFamily f12 = Heat2dFamily.withNodes(12);
        final Heat2dFamily f16 = Heat2dFamily.withNodes(16);
        final Heat2dFamily f24 = Heat2dFamily.withNodes(24);
        assertThat(f12.id()).isEqualTo("heat-2d-12x12");
        assertThat(f24.id()).isEqualTo("heat-2d-24x24");
        assertThat(Heat2dFamily.idFor(24)).isEqualTo(f24.id());
        assertThat(f12.fingerprint()).isNotEqualTo(f16.fingerprint()).isNotEqualTo(f24.fingerprint());
        assertThat(f16.fingerprint()).isNotEqualTo(f24.fingerprint());
        assertThat(Heat2dFamily.withNodes(24).fingerprint()).isEqualTo(f24.fingerprint());
    }

    @Test
    void sizesOfValueAndJvpFollowTheGrid() {
        for (final int nodes : new int[] {12, 24}) {
            final Heat2dFamily f = Heat2dFamily.withNodes(nodes);
            final int n = nodes * nodes;
            assertThat(f.parameterSize()).isEqualTo(n);
            assertThat(f.observationSize()).isEqualTo(n);
            assertThat(f.shape()).containsExactly(nodes, nodes);
            final double[] x = f.samplePrior(new Well19937a(nodes));
            assertThat(x).hasSize(n);
            assertThat(f.value(x)).hasSize(n);
            final double[] v = new double[n];
            v[n / 2] = 1.0;
            assertThat(f.jvp(x, v)).hasSize(n);
            assertThat(f.defaultStart()).hasSize(n);
        }
    }

    @Test
    void tooSmallGridIsRejected() {
        assertThatThrownBy(() -> Heat2dFamily.withNodes(3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 4");
    }
}
