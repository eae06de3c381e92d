package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;

import org.deceptron.dipg.model.Normalization;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;

/** Checkpoint scores, metrics and branch lookup, without ND4J. */
class CheckpointSelectionTest {

    private static final ReverseMetrics M = new ReverseMetrics(0.5, 0.2, 0.3, OptionalDouble.of(0.7));

    private static TrainingOptions.Builder weights() {
        return TrainingOptions.builder().losses(0.25, 0.02, 2.0);
    }

    @Test
    void s2ScoresTheS2Objective() {
        assertThat(CheckpointScore.s2(weights().build()).score(M)).isEqualTo(0.5 + 0.25 * 0.2);
        assertThat(M.reverseObjective(0.25)).isEqualTo(0.5 + 0.25 * 0.2);
    }

    @Test
    void s3ScoresThePlusJcpObjectiveWithTheTargetsRjcp() {
        assertThat(CheckpointScore.s3(weights().build(), 0.5).score(M)).isEqualTo(0.5 + 0.25 * 0.2 + 2.0 * 0.3);
        assertThat(CheckpointScore.s3(weights().jcpTarget(JcpTarget.EXACT).build(), 0.5).score(M))
            .isEqualTo(0.5 + 0.25 * 0.2 + 2.0 * 0.7);
    }

    @Test
    void theGuardRanksPoorReconstructionsLast() {
        final TrainingOptions guarded = weights().recGuard(1.005).build();
        final double plain = 0.5 + 0.25 * 0.2 + 2.0 * 0.3;
        assertThat(CheckpointScore.s3(guarded, 0.4976).score(M)).isEqualTo(plain);
        assertThat(CheckpointScore.s3(guarded, 0.49).score(M)).isEqualTo(1e6 + plain);
        assertThat(CheckpointScore.s3(weights().build(), 1e-9).score(M)).as("guard off").isEqualTo(plain);
    }

    @Test
    void tiesKeepTheEarlierCheckpoint() {
        final Checkpoint<Double> first = new Checkpoint<>(0, 1.0, Map.of(), 1.0);
        assertThat(new Checkpoint<>(1, 1.0, Map.of(), 1.0).betterThan(first)).isFalse();
        assertThat(new Checkpoint<>(1, Math.nextDown(1.0), Map.of(), 1.0).betterThan(first)).isTrue();
        assertThat(new Checkpoint<>(1, Double.NaN, Map.of(), 1.0).betterThan(first)).isFalse();
    }

    @Test
    void metricsMapUsesTheReportNamesInOrder() {
        assertThat(M.asMap()).containsExactly(Map.entry("val_rec", 0.5), Map.entry("val_cyc", 0.2),
                                              Map.entry("val_rjcp", 0.3), Map.entry("val_rjcp_exact", 0.7));
        final ReverseMetrics noFamily = new ReverseMetrics(0.5, 0.2, 0.3, OptionalDouble.empty());
        assertThat(noFamily.asMap()).doesNotContainKey("val_rjcp_exact").hasSize(3);
        assertThat(noFamily.rjcp(JcpTarget.SURROGATE)).isEqualTo(0.3);
        assertThatThrownBy(() -> noFamily.rjcp(JcpTarget.EXACT)).isInstanceOf(NoSuchElementException.class);
    }

    @Test
    void anUntrainedBranchIsReportedByName() {
        final StageSummary s = new StageSummary("S1", 1, 1, 0.1, 1, 1, 1, 0.1, Map.of("val_mse", 0.1));
        final StageResult stage = new StageResult(s, Map.of(), java.util.Optional.of(M));
        final TrainingResult r = new TrainingResult(TrainingOptions.defaults(), List.of(), List.of(),
                                                    Normalization.identity(2), Normalization.identity(3), stage,
                                                    stage, null, stage, 0, 1);
        assertThat(r.n()).isEqualTo(2);
        assertThat(r.m()).isEqualTo(3);
        assertThat(r.trained(Branch.PLUS_JCP)).isFalse();
        assertThat(r.s3(Branch.MINUS_JCP)).isSameAs(stage);
        assertThat(r.stages()).hasSize(3);
        assertThatThrownBy(() -> r.s3(Branch.PLUS_JCP)).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessage("the +JCP variant was not trained");
        assertThatThrownBy(() -> ModelExport.record(r, true)).isInstanceOf(MathIllegalArgumentException.class);
        assertThat(Branch.of(true)).isEqualTo(Branch.PLUS_JCP);
        assertThat(Branch.MINUS_JCP.stageLabel()).isEqualTo("S3-JCP");
    }
}
