package org.deceptron.trainer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;

import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelDeceptron;
import org.deceptron.dipg.model.ModelFile;
import org.deceptron.dipg.model.TrainingRecord;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.Layer;
import org.deceptron.dipg.spi.DeceptronSession;
import org.deceptron.dipg.spi.ForwardFamily;
import org.hipparchus.exception.MathIllegalArgumentException;
import org.hipparchus.random.Well19937c;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Tiny-budget training runs, end to end (seconds each). */
class TrainerEndToEndTest {

    private static TrainingOptions.Builder tinyBuilder() {
        return TrainingOptions.builder()
                              .architectures(new Architecture.Mlp(new int[] {16}, false, false),
                                             new Architecture.Mlp(new int[] {16}, false, false))
                              .norms(NormMode.GLOBAL, NormMode.PER_COMPONENT).data(192, 64, 32).epochs(8, 3, 3)
                              .rates(1e-2, 2e-3, 1e-3).jcpSampling(8, 2, 32, 2).seed(5).dataThreads(1);
    }

    private static TrainingOptions tiny() {
        return tinyBuilder().build();
    }

    @Test
    void trainsWritesAndReloadsBothVariants(@TempDir final Path dir) throws Exception {
        final TinyFamily family = new TinyFamily(8, 8);
        final TrainingOptions o = tiny();
        final TrainingData data = TrainingData.generate(family, o);
        final TrainingResult r = new DeceptronTrainer(o, null).train(family, data);
        final Path plus = dir.resolve("tiny.dmodel");
        final Path minus = ModelExport.ablationPath(plus);
        assertThat(minus.getFileName().toString()).isEqualTo("tiny-nojcp.dmodel");
        final DeceptronModel written = ModelExport.write(r, family, true, plus);
        ModelExport.write(r, family, false, minus);

        final DeceptronModel mp = ModelFile.read(plus);
        final DeceptronModel mm = ModelFile.read(minus);
        assertThat(mp.familyId()).isEqualTo(family.id());
        assertThat(mp.familyFingerprint()).isEqualTo(family.fingerprint());
        assertThat(mp.parameterSize()).isEqualTo(8);
        assertThat(mp.observationSize()).isEqualTo(8);

        final TrainingRecord rec = mp.trainingRecord();
        assertThat(rec.jcp()).isTrue();
        assertThat(mm.trainingRecord().jcp()).isFalse();
        assertThat(rec.seed()).isEqualTo(5);
        assertThat(rec.trainCount()).isEqualTo(192);
        assertThat(rec.validationCount()).isEqualTo(64);
        assertThat(rec.s1().epochs()).isEqualTo(8);
        assertThat(rec.s3().epochs()).isEqualTo(3);
        assertThat(rec.rjcpWithJcp()).isFinite().isEqualTo(r.s3(Branch.PLUS_JCP).reverseMetrics().rjcp());
        assertThat(rec.rjcpWithoutJcp()).isFinite().isEqualTo(r.s3(Branch.MINUS_JCP).reverseMetrics().rjcp());
        assertThat(mm.trainingRecord().rjcpWithJcp()).isEqualTo(rec.rjcpWithJcp());
        assertThat(rec.s1().seconds()).isPositive();
        assertThat(rec.s2().seconds()).isPositive();
        assertThat(rec.s3().seconds()).isPositive();
        assertThat(rec.totalSeconds()).isGreaterThanOrEqualTo(rec.s1().seconds() + rec.s2().seconds());
        assertThat(rec.s1().loss()).isFinite();
        assertThat(rec.extra()).containsKeys("arch.f", "arch.g", "lr", "weight.jcp", "batch");

        // the file round trip is exact, and the Deceptron works in physical units
        assertThat(mp.forwardNetwork().toString()).isEqualTo(written.forwardNetwork().toString());
        final ModelDeceptron d = new ModelDeceptron(mp);
        final DeceptronSession s = d.newSession();
        final double[] x = family.samplePrior(new Well19937c(99));
        final double[] y = family.value(x);
        final double[] fx = new double[8];
        s.forward(x, fx);
        double err = 0;
        double norm = 0;
        for (int i = 0; i < 8; i++) {
            err += (fx[i] - y[i]) * (fx[i] - y[i]);
            norm += y[i] * y[i];
        }
        assertThat(Math.sqrt(err / norm)).as("surrogate relative error after 8 epochs").isLessThan(0.8);

        // physical units: the Deceptron reproduces the validation losses the trainer measured in SameDiff
        double mse = 0;
        double rec2 = 0;
        final double[] ov = new double[8];
        for (int i = 0; i < data.xValRaw.length; i++) {
            s.forward(data.xValRaw[i], ov);
            for (int j = 0; j < 8; j++) {
                final double e = (ov[j] - data.yMean[j]) / data.yStd[j] - data.yVal[i][j];
                mse += e * e / 8;
            }
            s.inverse(data.yValRaw[i], ov);
            for (int j = 0; j < 8; j++) {
                final double e = (ov[j] - data.xMean[j]) / data.xStd[j] - data.xVal[i][j];
                rec2 += e * e / 8;
            }
        }
        mse /= data.xValRaw.length;
        rec2 /= data.xValRaw.length;
        assertThat(mse).isCloseTo(r.s1().summary().selected().get("val_mse"), org.assertj.core.data.Percentage.withPercentage(0.1));
        assertThat(rec2).isCloseTo(r.s3(Branch.PLUS_JCP).reverseMetrics().rec(), org.assertj.core.data.Percentage.withPercentage(0.1));
        final double[] gx = new double[8];
        final double[] dx = new double[8];
        final double[] dy = new double[8];
        dy[0] = 1;
        s.inverseJvp(y, dy, gx, dx);
        for (int i = 0; i < 8; i++) {
            assertThat(gx[i]).isFinite();
            assertThat(dx[i]).isFinite();
        }

        // +JCP and -JCP share f exactly
        final Layer fp = mp.forwardNetwork().layers().get(0);
        final Layer fm = mm.forwardNetwork().layers().get(0);
        assertThat(((Dense) fp).weights()).isEqualTo(((Dense) fm).weights());
        assertThat(mp.xNormalization()).isEqualTo(mm.xNormalization());
        assertThat(mp.yNormalization()).isEqualTo(mm.yNormalization());
    }

    @Test
    void bothBranchesStartFromTheSameS2Checkpoint() {
        final TinyFamily family = new TinyFamily(8, 8);
        final TrainingOptions o = tiny().withEpochs(8, 3, 0);
        final TrainingResult r = new DeceptronTrainer(o, null).train(family);
        // with no S3 epoch both variants are the S2 checkpoint itself
        for (final Map.Entry<String, INDArray> e : r.s2().parameters().entrySet()) {
            assertThat(r.s3(Branch.PLUS_JCP).parameters().get(e.getKey())).isEqualTo(e.getValue());
            assertThat(r.s3(Branch.MINUS_JCP).parameters().get(e.getKey())).isEqualTo(e.getValue());
        }
        assertThat(r.s3(Branch.PLUS_JCP).reverseMetrics()).isEqualTo(r.s3(Branch.MINUS_JCP).reverseMetrics());
        // with S3 epochs, both S3 branches are scored at epoch 0 on the same checkpoint and the same probes
        final StageSummary s2 = r.s2().summary();
        assertThat(r.s3(Branch.PLUS_JCP).reverseMetrics().rjcp()).isEqualTo(s2.selected().get("val_rjcp"));
    }

    @Test
    void sameSeedSameModel() {
        final TinyFamily family = new TinyFamily(8, 8);
        final TrainingResult a = new DeceptronTrainer(tiny(), null).train(family);
        final TrainingResult b = new DeceptronTrainer(tiny(), null).train(family);
        for (final String k : a.s3(Branch.PLUS_JCP).parameters().keySet()) {
            assertThat(b.s3(Branch.PLUS_JCP).parameters().get(k)).isEqualTo(a.s3(Branch.PLUS_JCP).parameters().get(k));
            assertThat(b.s3(Branch.MINUS_JCP).parameters().get(k))
                .isEqualTo(a.s3(Branch.MINUS_JCP).parameters().get(k));
        }
        for (final String k : a.s1().parameters().keySet()) {
            assertThat(b.s1().parameters().get(k)).isEqualTo(a.s1().parameters().get(k));
        }
    }

    @Test
    void jcpLowersValidationRjcpWhereReconstructionLeavesTheJacobianFree() {
        // x lives near a 2-D subspace of R^8: reconstruction and cycle losses only constrain g along the data,
        // while RJCP probes every direction. +JCP must end clearly below -JCP (same f, same S2 checkpoint).
        final TinyFamily family = new TinyFamily(8, 2);
        final TrainingOptions o = tinyBuilder().norms(NormMode.GLOBAL, NormMode.GLOBAL).data(256, 64, 32)
                                               .epochs(10, 10, 20).rates(1e-2, 5e-3, 5e-3).losses(0.25, 0.02, 1.0)
                                               .build();
        final TrainingResult r = new DeceptronTrainer(o, null).train(family);
        final double plus = r.s3(Branch.PLUS_JCP).reverseMetrics().rjcp();
        final double minus = r.s3(Branch.MINUS_JCP).reverseMetrics().rjcp();
        assertThat(plus).as("RJCP +JCP (%s) vs -JCP (%s)", plus, minus).isLessThan(0.5 * minus);
    }

    @Test
    void exactJcpTargetLowersTheExactRjcp() {
        // same problem: off the data slab the surrogate's Jacobian is unconstrained, so JCP against J_f need not
        // improve the composition with the true J_F; JCP against the family's exact jvp does
        final TinyFamily family = new TinyFamily(8, 2);
        final TrainingOptions o = tinyBuilder().norms(NormMode.GLOBAL, NormMode.GLOBAL).data(256, 64, 32)
                                               .epochs(10, 10, 20).rates(1e-2, 5e-3, 5e-3).losses(0.25, 0.02, 1.0)
                                               .jcpTarget(JcpTarget.EXACT).build();
        final TrainingResult r = new DeceptronTrainer(o, null).train(family, TrainingData.generate(family, o));
        final double plus = r.s3(Branch.PLUS_JCP).reverseMetrics().rjcpExact().getAsDouble();
        final double minus = r.s3(Branch.MINUS_JCP).reverseMetrics().rjcpExact().getAsDouble();
        assertThat(plus).as("exact RJCP +JCP (%s) vs -JCP (%s)", plus, minus).isLessThan(0.5 * minus);
    }

    @Test
    void aValueOnlyFamilyTrainsWithTheSurrogateTargetAndRefusesTheExactOne() {
        final ForwardFamily family = TinyFamily.valueOnly(new TinyFamily(8, 8));
        final TrainingOptions o = tinyBuilder().jcpTarget(JcpTarget.SURROGATE).build();
        final TrainingResult r = new DeceptronTrainer(o, null).train(family, TrainingData.generate(family, o));
        assertThat(r.s3(Branch.PLUS_JCP).reverseMetrics().rjcp()).isFinite();
        assertThat(r.s3(Branch.PLUS_JCP).reverseMetrics().rjcpExact()).isEmpty();
        final TrainingOptions exact = tinyBuilder().jcpTarget(JcpTarget.EXACT).build();
        assertThatThrownBy(() -> new DeceptronTrainer(exact, null).train(family, TrainingData.generate(family, exact)))
                .isInstanceOf(MathIllegalArgumentException.class).hasMessageContaining("declares none");
    }
}
