package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingRecordTest {

    @Test
    void emptyKnowsNothing() {
        final TrainingRecord r = TrainingRecord.empty();
        assertThat(r.seed()).isZero();
        assertThat(r.trainerVersion()).isEmpty();
        assertThat(r.trainCount()).isZero();
        assertThat(r.epochsS3()).isZero();
        assertThat(r.lossS1()).isNaN();
        assertThat(r.rjcpWithJcp()).isNaN();
        assertThat(r.variantRjcp()).isNaN();
        assertThat(r.totalSeconds()).isNaN();
        assertThat(r.jcp()).isTrue();
        assertThat(r.extra()).isEmpty();
        assertThat(TrainingRecord.builder().build()).isEqualTo(r).hasSameHashCodeAs(r);
    }

    @Test
    void builderSetsEveryValue() {
        final TrainingRecord r = TestModels.record();
        assertThat(r.seed()).isEqualTo(42L);
        assertThat(r.trainerVersion()).isEqualTo("0.1.0-test");
        assertThat(r.trainCount()).isEqualTo(2000);
        assertThat(r.validationCount()).isEqualTo(200);
        assertThat(new int[] {r.epochsS1(), r.epochsS2(), r.epochsS3()}).containsExactly(30, 20, 10);
        assertThat(new double[] {r.lossS1(), r.lossS2()}).containsExactly(1.5e-3, 2.5e-3);
        assertThat(r.lossS3()).isNaN();
        assertThat(r.rjcpWithJcp()).isEqualTo(0.05);
        assertThat(r.rjcpWithoutJcp()).isEqualTo(0.4);
        assertThat(new double[] {r.secondsS1(), r.secondsS2(), r.secondsS3(), r.totalSeconds()})
            .containsExactly(12.5, 8.25, 4, 25);
        assertThat(r.extra()).containsExactly(Map.entry("batch", "64"), Map.entry("lr.s1", "1e-3"),
                                              Map.entry("note", "\u00e9t\u00e9 \u2211"));
        assertThat(r.toString()).contains("+JCP", "seed=42", "rjcp+=0.05");
    }

    @Test
    void variantRjcpFollowsTheVariant() {
        final TrainingRecord plus = TestModels.record();
        final TrainingRecord minus = plus.toBuilder().jcp(false).build();
        assertThat(plus.variantRjcp()).isEqualTo(0.05);
        assertThat(minus.variantRjcp()).isEqualTo(0.4);
        assertThat(minus).isNotEqualTo(plus);
        assertThat(minus.toBuilder().jcp(true).build()).isEqualTo(plus).hasSameHashCodeAs(plus);
    }

    @Test
    void extraSettingsAreImmutableAndReplaceable() {
        final TrainingRecord r = TestModels.record();
        assertThatThrownBy(() -> r.extra().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
        final TrainingRecord replaced = r.toBuilder().extra(Map.of("only", "one")).build();
        assertThat(replaced.extra()).containsExactly(Map.entry("only", "one"));
        assertThat(r.extra()).hasSize(3);
    }

    @Test
    void rejectsInvalidValues() {
        final TrainingRecord.Builder b = TrainingRecord.builder();
        assertThatThrownBy(() -> b.dataSizes(-1, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("train count must be >= 0, got -1");
        assertThatThrownBy(() -> b.epochs(1, -2, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("epochs S2 must be >= 0, got -2");
        assertThatThrownBy(() -> b.seconds(1, 2, 3, -4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("total seconds must be >= 0");
        assertThatThrownBy(() -> b.seconds(Double.POSITIVE_INFINITY, 2, 3, 4))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seconds S1");
        assertThatThrownBy(() -> b.trainerVersion(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.extra("k", null)).isInstanceOf(NullPointerException.class);
    }
}
