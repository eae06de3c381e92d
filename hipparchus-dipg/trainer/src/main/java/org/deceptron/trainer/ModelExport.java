package org.deceptron.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelFile;
import org.deceptron.dipg.model.TrainingRecord;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.spi.ForwardFamily;

/**
 * Turns a {@link TrainingResult} into core's {@link DeceptronModel} (networks converted by {@link CoreNetworks},
 * normalisation, family id and fingerprint, full {@link TrainingRecord}) and writes it with core's
 * {@link ModelFile}.
 */
public final class ModelExport {

    /** Suffix of the -JCP ablation model next to the +JCP one. */
    public static final String ABLATION_SUFFIX = "-nojcp";

    /** Not instantiable. */
    private ModelExport() {
    }

    /**
     * Returns the path of the ablation model that goes with a +JCP model path:
     * {@code models/heat-1d.dmodel -> models/heat-1d-nojcp.dmodel}.
     * @param plus the +JCP path
     * @return the -JCP path
     */
    public static Path ablationPath(final Path plus) {
        final String name = plus.getFileName().toString();
        final int dot = name.lastIndexOf('.');
        final String out = dot > 0 ? name.substring(0, dot) + ABLATION_SUFFIX + name.substring(dot)
                                   : name + ABLATION_SUFFIX;
        return plus.resolveSibling(out);
    }

    /**
     * Builds the model of one variant.
     * @param r the training result
     * @param familyId family id
     * @param fingerprint family fingerprint
     * @param plus true for +JCP, false for the -JCP ablation
     * @return the model
     * @throws org.hipparchus.exception.MathIllegalArgumentException
     * ({@link TrainerFormats#BRANCH_NOT_TRAINED}) when the variant was not trained
     */
    public static DeceptronModel toModel(final TrainingResult r, final String familyId, final String fingerprint,
                                         final boolean plus) {
        final Branch branch = Branch.of(plus);
        final Network f = CoreNetworks.toNetwork(StageGraphs.F, r.fLayers(), r.s1().parameters());
        final Network g = CoreNetworks.toNetwork(StageGraphs.G, r.gLayers(), r.s3(branch).parameters());
        return new DeceptronModel(familyId + " " + branch.variant(), familyId, fingerprint, f, g,
                                  r.xNormalization(), r.yNormalization(), record(r, plus));
    }

    /**
     * Builds the training record of one variant: the three stages (S3 = the variant's branch), both RJCPs and the
     * settings and per-stage details as extra settings.
     * @param r the result
     * @param plus the variant
     * @return the record
     * @throws org.hipparchus.exception.MathIllegalArgumentException
     * ({@link TrainerFormats#BRANCH_NOT_TRAINED}) when the variant was not trained
     */
    public static TrainingRecord record(final TrainingResult r, final boolean plus) {
        final TrainingOptions o = r.options();
        final Branch branch = Branch.of(plus);
        final StageSummary s1 = r.s1().summary();
        final StageResult s3 = r.s3(branch);
        final ReverseMetrics mine = s3.reverseMetrics();
        // the variant's S3 loss: the +JCP objective (with the surrogate RJCP) for +JCP, the S2 objective for -JCP
        final double loss3 = mine.reverseObjective(o.loss().cycleWeight())
                             + (plus ? o.loss().jcpWeight() * mine.rjcp() : 0.0);
        final TrainingRecord.Builder b = TrainingRecord.builder()
            .seed(o.seed())
            .trainerVersion("hipparchus-dipg-trainer " + DeceptronTrainer.VERSION + " (SameDiff 1.0.0-M2.1)")
            .dataSizes(o.data().samples(), o.data().validationSamples())
            .stages(stage(o, TrainingStage.S1, s1.selected().get("val_mse"), s1),
                    stage(o, TrainingStage.S2, r.s2().reverseMetrics().reverseObjective(o.loss().cycleWeight()),
                          r.s2().summary()),
                    stage(o, TrainingStage.S3, loss3, s3.summary()))
            .rjcp(rjcp(r, Branch.PLUS_JCP), rjcp(r, Branch.MINUS_JCP))
            .totalSeconds(r.totalSeconds())
            .jcp(plus);
        settings(b, o);
        b.extra("seconds.data", fmt(r.dataSeconds()));
        b.extra("seconds.total_note", "total = data + S1 + S2 + both S3 branches");
        for (final StageSummary s : r.stages()) {
            b.extra("stage." + s.stage() + ".best_epoch", Integer.toString(s.bestEpoch()));
            b.extra("stage." + s.stage() + ".seconds_per_epoch", fmt(s.secondsPerEpoch()));
            b.extra("stage." + s.stage() + ".train_loss", fmt(s.trainLoss()));
        }
        for (final Branch br : Branch.values()) {
            if (r.trained(br)) {
                r.s3(br).reverseMetrics().asMap()
                        .forEach((k, v) -> b.extra("val." + br.variant() + "." + k.replace("val_", ""), fmt(v)));
            }
        }
        return b.build();
    }

    /**
     * Returns a stage of the record.
     * @param o the options (the stage's epochs)
     * @param stage the stage
     * @param loss its loss
     * @param summary what it did (its seconds)
     * @return the record's stage
     */
    private static TrainingRecord.Stage stage(final TrainingOptions o, final TrainingStage stage, final double loss,
                                              final StageSummary summary) {
        return new TrainingRecord.Stage(o.schedule(stage).epochs(), loss, summary.seconds());
    }

    /**
     * Returns the surrogate validation RJCP of a branch.
     * @param r the result
     * @param branch the branch
     * @return the RJCP, NaN when the branch was not trained
     */
    private static double rjcp(final TrainingResult r, final Branch branch) {
        return r.trained(branch) ? r.s3(branch).reverseMetrics().rjcp() : Double.NaN;
    }

    /**
     * Records the options as extra settings.
     * @param b the record builder
     * @param o the options
     */
    private static void settings(final TrainingRecord.Builder b, final TrainingOptions o) {
        final NetworkSettings net = o.networks();
        final OptimizerSettings opt = o.optimizer();
        final ReverseLoss loss = o.loss();
        final JcpSampling jcp = o.jcp();
        b.extra("arch.f", net.forward().describe());
        b.extra("arch.g", net.reverse().describe());
        b.extra("norm.x", net.xNorm().name());
        b.extra("norm.y", net.yNorm().name());
        b.extra("batch", Integer.toString(o.data().batch()));
        b.extra("lr", fmt(opt.s1().learningRate()) + "," + fmt(opt.s2().learningRate()) + ","
                      + fmt(opt.s3().learningRate()));
        b.extra("weight_decay", fmt(opt.weightDecay()));
        b.extra("clip", fmt(opt.clip()));
        b.extra("cosine", Boolean.toString(opt.cosine()));
        b.extra("weight.cycle", fmt(loss.cycleWeight()));
        b.extra("cycle_noise", fmt(loss.cycleNoise()));
        b.extra("weight.jcp", fmt(loss.jcpWeight()));
        b.extra("jcp.samples_per_batch", Integer.toString(jcp.samples()));
        b.extra("jcp.probes", Integer.toString(jcp.probes()));
        b.extra("jcp.target", jcp.target().name().toLowerCase(Locale.ROOT));
        b.extra("rjcp.samples", Integer.toString(jcp.rjcpSamples()));
        b.extra("rjcp.probes", Integer.toString(jcp.rjcpProbes()));
        b.extra("rec_on_data", Boolean.toString(loss.recOnData()));
        b.extra("dtype", o.dtype().name());
    }

    /**
     * Formats a number for the record.
     * @param v the value
     * @return six significant digits, root locale
     */
    private static String fmt(final double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }

    /**
     * Builds and writes the model of one variant.
     * @param r the result
     * @param family the family
     * @param plus +JCP (true) or -JCP
     * @param path output path
     * @return the model written
     * @throws IOException on write failure
     */
    public static DeceptronModel write(final TrainingResult r, final ForwardFamily family, final boolean plus,
                                       final Path path) throws IOException {
        final DeceptronModel model = toModel(r, family.id(), family.model().fingerprint(), plus);
        ModelFile.write(model, path);
        return model;
    }
}
