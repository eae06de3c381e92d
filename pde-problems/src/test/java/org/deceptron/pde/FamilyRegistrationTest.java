package org.deceptron.pde;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.random.Well19937a;
import org.junit.jupiter.api.Test;

/** ServiceLoader registration, ids, sizes, boxes, fingerprints. */
class FamilyRegistrationTest {

    /** Fingerprints pinned: a change of any constant of a map must be deliberate (and retrain its Deceptron). */
    private static final Map<String, String> FINGERPRINTS = Map.of(
            "heat-1d", "12f48bd05273130a", "heat-2d", "c5ffaa993ceec5df", "heat-3d", "d411f66423d0bf2a",
            "darcy-2d", "00bc186e2860888c", "adv-diff-2d", "8334a76b78209309", "allen-cahn-2d", "a5dfc1cff169192a",
            "navier-stokes-2d", "2fac7d301689a3ce");

    @Test
    void allSevenFamiliesAreFoundWithTheirIds() {
        final List<ForwardFamily> families = Families.all();
        assertThat(families).extracting(ForwardFamily::id).containsExactlyElementsOf(Families.IDS);
        assertThat(families).allSatisfy(f -> assertThat(f).isInstanceOf(PdeFamily.class));
    }

    @Test
    void fingerprintsAreDistinctStableAndPinned() {
        final List<ForwardFamily> first = Families.all();
        final List<ForwardFamily> second = Families.all();
        final Set<String> seen = new HashSet<>();
        for (int i = 0; i < first.size(); i++) {
            final String fp = first.get(i).model().fingerprint();
            assertThat(fp).matches("[0-9a-f]{16}");
            assertThat(second.get(i).model().fingerprint()).isEqualTo(fp);
            assertThat(seen.add(fp)).isTrue();
        }
        final Map<String, String> actual = first.stream()
                .collect(Collectors.toMap(ForwardFamily::id, f -> f.model().fingerprint()));
        assertThat(actual).isEqualTo(FINGERPRINTS);
    }

    @Test
    void sizesBoxesStartsAndPriorsAreConsistent() {
        final Map<String, int[]> sizes = Map.of("heat-1d", new int[] {64, 64}, "heat-2d", new int[] {256, 256},
                "heat-3d", new int[] {512, 512}, "darcy-2d", new int[] {256, 256},
                "adv-diff-2d", new int[] {576, 576}, "allen-cahn-2d", new int[] {576, 576},
                "navier-stokes-2d", new int[] {256, 256});
        for (final ForwardFamily f : Families.all()) {
            assertThat(new int[] {f.model().parameterSize(), f.model().observationSize()}).as(f.id()).isEqualTo(sizes.get(f.id()));
            assertThat(f.protocol().noiseLevel()).isPositive();
            assertThat(f.protocol().tolerance()).isEqualTo(1.5);
            assertThat(f.model().derivatives()).containsExactlyInAnyOrder(Derivative.TANGENT, Derivative.ADJOINT);
            final double[] lo = f.model().lowerBounds();
            final double[] hi = f.model().upperBounds();
            final double[] x0 = f.protocol().defaultStart();
            final Well19937a random = new Well19937a(1);
            for (int s = 0; s < 20; s++) {
                final double[] x = f.protocol().samplePrior(random);
                for (int i = 0; i < x.length; i++) {
                    assertThat(x[i]).isBetween(lo[i], hi[i]);
                }
            }
            for (int i = 0; i < x0.length; i++) {
                assertThat(x0[i]).isBetween(lo[i], hi[i]);
            }
            final double threshold = f.protocol().successXRmse();
            if (f.id().equals("allen-cahn-2d")) {
                assertThat(threshold).isEqualTo(0.10);
            } else {
                assertThat(threshold).isNaN();
            }
        }
    }
}
