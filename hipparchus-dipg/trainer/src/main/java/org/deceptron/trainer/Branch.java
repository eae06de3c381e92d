package org.deceptron.trainer;

/**
 * The two S3 branches, both started from the same S2 checkpoint with the same f and the same random stream: the
 * model (+JCP) and its ablation (-JCP).
 */
public enum Branch {
    /** S3 with the Jacobian composition penalty: the model. */
    PLUS_JCP("S3+JCP", "+JCP"),
    /** S3 without it: the ablation. */
    MINUS_JCP("S3-JCP", "-JCP");

    /** Stage label in progress reports and in the training record's extra keys. */
    private final String stageLabel;
    /** Variant label. */
    private final String variant;

    /**
     * Creates a branch.
     * @param stageLabel stage label
     * @param variant variant label
     */
    Branch(final String stageLabel, final String variant) {
        this.stageLabel = stageLabel;
        this.variant = variant;
    }

    /**
     * Returns the stage label ({@code S3+JCP} or {@code S3-JCP}).
     * @return the label
     */
    public String stageLabel() {
        return stageLabel;
    }

    /**
     * Returns the variant label ({@code +JCP} or {@code -JCP}).
     * @return the label
     */
    public String variant() {
        return variant;
    }

    /**
     * Tells whether the branch trains with the JCP term.
     * @return true for {@link #PLUS_JCP}
     */
    public boolean withJcp() {
        return this == PLUS_JCP;
    }

    /**
     * Returns the branch of a model variant.
     * @param plus true for the +JCP model, false for the -JCP ablation
     * @return the branch
     */
    public static Branch of(final boolean plus) {
        return plus ? PLUS_JCP : MINUS_JCP;
    }
}
