package org.deceptron.trainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import org.deceptron.dipg.model.DeceptronModel;
import org.deceptron.dipg.model.ModelFile;
import org.deceptron.dipg.model.Normalization;
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
     */
    public static DeceptronModel toModel(final TrainingResult r, final String familyId, final String fingerprint,
                                         final boolean plus) {
        final Map<String, org.nd4j.linalg.api.ndarray.INDArray> g = plus ? r.gPlus() : r.gMinus();
        if (g == null) {
            throw new IllegalStateException("the " + (plus ? "+JCP" : "-JCP") + " variant was not trained");
        }
        final Network f = CoreNetworks.toNetwork(StageGraphs.F, r.fLayers(), r.f());
        final Network gn = CoreNetworks.toNetwork(StageGraphs.G, r.gLayers(), g);
        final String name = familyId + (plus ? " +JCP" : " -JCP");
        return new DeceptronModel(name, familyId, fingerprint, f, gn, new Normalization(r.xMean(), r.xStd()),
                                  new Normalization(r.yMean(), r.yStd()), record(r, plus));
    }

    /**
     * Builds the training record of one variant.
     * @param r the result
     * @param plus the variant
     * @return the record
     */
    public static TrainingRecord record(final TrainingResult r, final boolean plus) {
        final TrainingOptions o = r.options();
        final StageSummary s1 = r.stage("S1");
        final StageSummary s2 = r.stage("S2");
        final StageSummary s3 = r.stage(plus ? "S3+JCP" : "S3-JCP");
        final Map<String, Double> mine = plus ? r.plusMetrics() : r.minusMetrics();
        final double rjcpPlus = r.plusMetrics() == null ? Double.NaN : r.plusMetrics().get("val_rjcp");
        final double rjcpMinus = r.minusMetrics() == null ? Double.NaN : r.minusMetrics().get("val_rjcp");
        final double loss3 = mine.get("val_rec") + o.cycleWeight * mine.get("val_cyc")
                             + (plus ? o.jcpWeight * mine.get("val_rjcp") : 0.0);
        final TrainingRecord.Builder b = TrainingRecord.builder()
            .seed(o.seed)
            .trainerVersion("hipparchus-dipg-trainer " + DeceptronTrainer.VERSION + " (SameDiff 1.0.0-M2.1)")
            .dataSizes(o.samples, o.valSamples)
            .stages(new TrainingRecord.Stage(o.epochs1, s1.selected().get("val_mse"), s1.seconds()),
                    new TrainingRecord.Stage(o.epochs2, s2.selected().get("val_rec")
                                                        + o.cycleWeight * s2.selected().get("val_cyc"), s2.seconds()),
                    new TrainingRecord.Stage(o.epochs3, loss3, s3.seconds()))
            .rjcp(rjcpPlus, rjcpMinus)
            .totalSeconds(r.totalSeconds())
            .jcp(plus);
        b.extra("arch.f", o.forward.describe());
        b.extra("arch.g", o.reverse.describe());
        b.extra("norm.x", o.xNorm.name());
        b.extra("norm.y", o.yNorm.name());
        b.extra("batch", Integer.toString(o.batch));
        b.extra("lr", fmt(o.lr1) + "," + fmt(o.lr2) + "," + fmt(o.lr3));
        b.extra("weight_decay", fmt(o.weightDecay));
        b.extra("clip", fmt(o.clip));
        b.extra("cosine", Boolean.toString(o.cosine));
        b.extra("weight.cycle", fmt(o.cycleWeight));
        b.extra("cycle_noise", fmt(o.cycleNoise));
        b.extra("weight.jcp", fmt(o.jcpWeight));
        b.extra("jcp.samples_per_batch", Integer.toString(o.jcpSamples));
        b.extra("jcp.probes", Integer.toString(o.jcpProbes));
        b.extra("jcp.target", o.jcpTarget.name().toLowerCase(Locale.ROOT));
        b.extra("rjcp.samples", Integer.toString(o.rjcpSamples));
        b.extra("rjcp.probes", Integer.toString(o.rjcpProbes));
        b.extra("rec_on_data", Boolean.toString(o.recOnData));
        b.extra("dtype", o.dtype.name());
        b.extra("seconds.data", fmt(r.dataSeconds()));
        b.extra("seconds.total_note", "total = data + S1 + S2 + both S3 branches");
        for (final StageSummary s : r.stages()) {
            b.extra("stage." + s.stage() + ".best_epoch", Integer.toString(s.bestEpoch()));
            b.extra("stage." + s.stage() + ".seconds_per_epoch", fmt(s.secondsPerEpoch()));
            b.extra("stage." + s.stage() + ".train_loss", fmt(s.trainLoss()));
        }
        addMetrics(b, "val.+JCP.", r.plusMetrics());
        addMetrics(b, "val.-JCP.", r.minusMetrics());
        return b.build();
    }

    private static void addMetrics(final TrainingRecord.Builder b, final String prefix,
                                   final Map<String, Double> metrics) {
        if (metrics != null) {
            metrics.forEach((k, v) -> b.extra(prefix + k.replace("val_", ""), fmt(v)));
        }
    }

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
        final DeceptronModel model = toModel(r, family.id(), family.fingerprint(), plus);
        ModelFile.write(model, path);
        return model;
    }
}
