package org.deceptron.pde.heat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** {@link Heat2dFamily#withNodes(int)}: the heat-2d physics on other grids, for the scaling study. */
class Heat2dScalingTest {

    @Test
    void sixteenIsTheRegisteredFamily() {
        final Heat2dFamily registered = new Heat2dFamily();
        final Heat2dFamily scaled = Heat2dFamily.withNodes(Heat2dFamily.NODES);
        assertThat(scaled.id()).isEqualTo(Heat2dFamily.ID);
        assertThat(scaled.model().fingerprint()).isEqualTo(registered.model().fingerprint());
        final double[] x = registered.protocol().samplePrior(new Well19937a(3));
        assertThat(scaled.model().value(x)).containsExactly(registered.model().value(x));
    }

    @Test
    void otherSizesHaveTheirOwnIdAndFingerprint() {
        final Heat2dFamily f12 = Heat2dFamily.withNodes(12);
        final Heat2dFamily f16 = Heat2dFamily.withNodes(16);
        final Heat2dFamily f24 = Heat2dFamily.withNodes(24);
        assertThat(f12.id()).isEqualTo("heat-2d-12x12");
        assertThat(f24.id()).isEqualTo("heat-2d-24x24");
        assertThat(Heat2dFamily.idFor(24)).isEqualTo(f24.id());
        assertThat(f12.model().fingerprint()).isNotEqualTo(f16.model().fingerprint()).isNotEqualTo(f24.model().fingerprint());
        assertThat(f16.model().fingerprint()).isNotEqualTo(f24.model().fingerprint());
        assertThat(Heat2dFamily.withNodes(24).model().fingerprint()).isEqualTo(f24.model().fingerprint());
    }

    @Test
    void sizesOfValueAndJvpFollowTheGrid() {
        for (final int nodes : new int[] {12, 24}) {
            final Heat2dFamily f = Heat2dFamily.withNodes(nodes);
            final int n = nodes * nodes;
            assertThat(f.model().parameterSize()).isEqualTo(n);
            assertThat(f.model().observationSize()).isEqualTo(n);
            assertThat(f.model().shape()).containsExactly(nodes, nodes);
            final double[] x = f.protocol().samplePrior(new Well19937a(nodes));
            assertThat(x).hasSize(n);
            assertThat(f.model().value(x)).hasSize(n);
            final double[] v = new double[n];
            v[n / 2] = 1.0;
            assertThat(f.model().jvp(x, v)).hasSize(n);
            assertThat(f.protocol().defaultStart()).hasSize(n);
        }
    }

    @Test
    void tooSmallGridIsRejected() {
        assertThatThrownBy(() -> Heat2dFamily.withNodes(3)).isInstanceOf(MathIllegalArgumentException.class)
                .hasMessageContaining("at least 4");
    }
}
