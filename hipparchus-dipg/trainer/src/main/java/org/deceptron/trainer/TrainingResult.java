package org.deceptron.trainer;

import java.util.ArrayList;
import java.util.List;

import org.deceptron.dipg.model.Normalization;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * The product of a training run: f (S1), the S2 checkpoint, the two reverse maps of S3 (+JCP and -JCP, both from
 * the same S2 checkpoint and the same f), the networks' layers and the normalisation.
 * @param options the options used
 * @param fLayers f's layers
 * @param gLayers g's layers
 * @param xNormalization z-scoring of x (training statistics)
 * @param yNormalization z-scoring of y
 * @param s1 the forward fit (f's parameters)
 * @param s2 the reverse map's S2 checkpoint
 * @param plus the +JCP branch of S3, null when not trained
 * @param minus the -JCP branch of S3, null when not trained
 * @param dataSeconds seconds spent generating data
 * @param totalSeconds wall time of the whole run
 */
public record TrainingResult(TrainingOptions options, List<LayerSpec> fLayers, List<LayerSpec> gLayers,
                             Normalization xNormalization, Normalization yNormalization, StageResult s1,
                             StageResult s2, StageResult plus, StageResult minus, double dataSeconds,
                             double totalSeconds) {

    /**
     * Returns the number of unknowns.
     * @return n
     */
    public int n() {
        return xNormalization.length();
    }

    /**
     * Returns the number of observations.
     * @return m
     */
    public int m() {
        return yNormalization.length();
    }

    /**
     * Tells whether an S3 branch was trained.
     * @param branch the branch
     * @return true when trained
     */
    public boolean trained(final Branch branch) {
        return (branch.withJcp() ? plus : minus) != null;
    }

    /**
     * Returns an S3 branch.
     * @param branch the branch
     * @return its result
     * @throws MathIllegalArgumentException ({@link TrainerFormats#BRANCH_NOT_TRAINED}) when it was not trained
     */
    public StageResult s3(final Branch branch) {
        final StageResult r = branch.withJcp() ? plus : minus;
        if (r == null) {
            throw new MathIllegalArgumentException(TrainerFormats.BRANCH_NOT_TRAINED, branch.variant());
        }
        return r;
    }

    /**
     * Returns the summaries of the stages run, in order: S1, S2, then the trained S3 branches (+JCP first).
     * @return the summaries
     */
    public List<StageSummary> stages() {
        final List<StageSummary> out = new ArrayList<>(List.of(s1.summary(), s2.summary()));
        for (final Branch b : Branch.values()) {
            if (trained(b)) {
                out.add(s3(b).summary());
            }
        }
        return out;
    }
}
