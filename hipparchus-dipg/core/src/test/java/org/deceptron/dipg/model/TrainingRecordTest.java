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
        assertThat(r.s3().epochs()).isZero();
        assertThat(r.s1().loss()).isNaN();
        assertThat(r.stage(2)).isEqualTo(TrainingRecord.Stage.UNKNOWN);
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
        assertThat(new int[] {r.s1().epochs(), r.s2().epochs(), r.s3().epochs()}).containsExactly(30, 20, 10);
        assertThat(new double[] {r.s1().loss(), r.s2().loss()}).containsExactly(1.5e-3, 2.5e-3);
        assertThat(r.s3().loss()).isNaN();
        assertThat(r.rjcpWithJcp()).isEqualTo(0.05);
        assertThat(r.rjcpWithoutJcp()).isEqualTo(0.4);
        assertThat(new double[] {r.s1().seconds(), r.s2().seconds(), r.s3().seconds(), r.totalSeconds()})
            .containsExactly(12.5, 8.25, 4, 25);
        assertThat(r.stage(1)).isEqualTo(r.s1()).isEqualTo(new TrainingRecord.Stage(30, 1.5e-3, 12.5));
        assertThat(r.stage(3)).isSameAs(r.s3());
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
        assertThatThrownBy(() -> new TrainingRecord.Stage(-2, 0, 0)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("epochs must be >= 0, got -2");
        assertThatThrownBy(() -> b.totalSeconds(-4)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("total seconds must be >= 0");
        assertThatThrownBy(() -> new TrainingRecord.Stage(1, 0, Double.POSITIVE_INFINITY))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("seconds");
        assertThatThrownBy(() -> b.stage(4, TrainingRecord.Stage.UNKNOWN)).isInstanceOf(IllegalArgumentException.class)
            .hasMessage("stage must be 1, 2 or 3, got 4");
        assertThatThrownBy(() -> TrainingRecord.empty().stage(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> b.stage(1, null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.trainerVersion(null)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> b.extra("k", null)).isInstanceOf(NullPointerException.class);
    }
}
