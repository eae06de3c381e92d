package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.UnaryOperator;

import org.hipparchus.exception.MathIllegalArgumentException;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;

/** The options are an immutable, checked value. */
class TrainingOptionsTest {

    private static void rejects(final UnaryOperator<TrainingOptions.Builder> change, final String message) {
        assertThatThrownBy(() -> change.apply(TrainingOptions.builder()).build())
            .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining(message)
            .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                .isEqualTo(TrainerFormats.INVALID_OPTION));
    }

    @Test
    void buildRejectsEachInvalidValueByName() {
        rejects(b -> b.samples(0, 10), "invalid training option samples: 0 (expected > 0)");
        rejects(b -> b.samples(10, -1), "validationSamples");
        rejects(b -> b.batch(0), "batch");
        rejects(b -> b.epochs(1, -2, 0), "epochs of S2: -2 (expected >= 0)");
        rejects(b -> b.rates(1e-3, 1e-3, 0), "learning rate of S3");
        rejects(b -> b.rates(Double.NaN, 1e-3, 1e-3), "learning rate of S1");
        rejects(b -> b.jcpSampling(0, 1, 1, 1), "jcpSamples");
        rejects(b -> b.jcpSampling(1, 1, 1, 0), "rjcpProbes");
        rejects(b -> b.losses(-1, 0, 0), "cycleWeight");
        rejects(b -> b.regularisation(0, Double.POSITIVE_INFINITY), "clip");
        rejects(b -> b.recGuard(0), "recGuard");
        rejects(b -> b.dataThreads(0), "dataThreads");
        assertThatThrownBy(() -> TrainingOptions.builder().jcpTarget(null)).isInstanceOf(NullPointerException.class);
    }

    private static void rejects(final Runnable create, final String message) {
        assertThatThrownBy(create::run).isInstanceOf(MathIllegalArgumentException.class)
            .hasMessageContaining(message);
    }

    @Test
    void eachGroupChecksItsOwnValues() {
        rejects(() -> new DataSettings(1, 1, 1, 0), "invalid training option dataThreads: 0 (expected > 0)");
        rejects(() -> new StageSchedule(TrainingStage.S2, -2, 1e-3), "epochs of S2: -2 (expected >= 0)");
        rejects(() -> new StageSchedule(TrainingStage.S3, 1, Double.POSITIVE_INFINITY), "learning rate of S3");
        final StageSchedule s = new StageSchedule(TrainingStage.S1, 1, 1e-3);
        rejects(() -> new OptimizerSettings(s, s, s, 0, 0, false), "schedule of S2");
        rejects(() -> new ReverseLoss(0, Double.NaN, 0, true, 1), "cycleNoise");
        rejects(() -> new JcpSampling(1, 0, 1, 1, JcpTarget.SURROGATE), "jcpProbes");
        assertThatThrownBy(() -> new NetworkSettings(null, null, NormMode.NONE, NormMode.NONE))
            .isInstanceOf(NullPointerException.class).hasMessage("forward");
        final TrainingOptions o = TrainingOptions.defaults();
        assertThat(o.toBuilder().data(new DataSettings(10, 5, 2, 1)).build().data())
            .isEqualTo(new DataSettings(10, 5, 2, 1));
        assertThat(o.toBuilder().optimizer(o.optimizer().with(new StageSchedule(TrainingStage.S3, 7, 1e-3))).build())
            .isEqualTo(o.withEpochs(140, 100, 7));
    }

    @Test
    void builderCopiesAndWithersLeaveTheOriginalAlone() {
        final TrainingOptions a = TrainingOptions.defaults();
        final TrainingOptions b = a.withSeed(11).withEpochs(1, 2, 3);
        assertThat(a.seed()).isEqualTo(7);
        assertThat(a.schedule(TrainingStage.S3).epochs()).isEqualTo(120);
        assertThat(b.seed()).isEqualTo(11);
        assertThat(new int[] {b.schedule(TrainingStage.S1).epochs(), b.schedule(TrainingStage.S2).epochs(),
                               b.schedule(TrainingStage.S3).epochs()})
            .containsExactly(1, 2, 3);
        assertThat(b).isNotEqualTo(a);
        assertThat(b.toBuilder().seed(7).epochs(140, 100, 120).build()).isEqualTo(a).hasSameHashCodeAs(a);
        final TrainingOptions.Builder builder = a.toBuilder();
        final TrainingOptions c = builder.build();
        builder.epochs(TrainingStage.S1, 5).dtype(DataType.DOUBLE).branches(false, true);
        assertThat(c).isEqualTo(a);
        final TrainingOptions d = builder.build();
        assertThat(d.schedule(TrainingStage.S1).epochs()).isEqualTo(5);
        assertThat(d.dtype()).isEqualTo(DataType.DOUBLE);
        assertThat(d.trains(Branch.PLUS_JCP)).isFalse();
        assertThat(d.trains(Branch.MINUS_JCP)).isTrue();
        assertThat(d.toString()).contains("epochs=5/100/120", "dtype=DOUBLE", "branches=false/true");
    }

    @Test
    void theTrainerNeedsTheFamilyForTheExactTarget() {
        final TrainingOptions o = TrainingOptions.builder().jcpTarget(JcpTarget.EXACT).build();
        final TrainingData data = TrainingData.of(new double[][] {{0, 1}}, new double[][] {{1, 0}},
                                                  new double[][] {{1, 1}}, new double[][] {{0, 0}},
                                                  NormMode.NONE, NormMode.NONE);
        assertThatThrownBy(() -> new DeceptronTrainer(o, null).train(null, data))
            .isInstanceOf(MathIllegalArgumentException.class)
            .satisfies(e -> assertThat(((MathIllegalArgumentException) e).getSpecifier())
                .isEqualTo(TrainerFormats.EXACT_TARGET_NEEDS_FAMILY));
    }
}
