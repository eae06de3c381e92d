package org.deceptron.bench;

/** The methods compared by the benchmark, with their names in the results. */
public enum BenchMethod {

    /** D-IPG with the +JCP model (the product). */
    DIPG("dipg"),

    /** D-IPG with the -JCP ablation model (same f, same S2 checkpoint, S3 without JCP). */
    DIPG_NOJCP("dipg-nojcp"),

    /** The one-shot learned inverse x = Pi(g(y*)), one evaluation, no iteration. */
    ONE_SHOT("one-shot"),

    /** Hipparchus {@code LevenbergMarquardtOptimizer} with its defaults. */
    LM("lm"),

    /** Hipparchus {@code GaussNewtonOptimizer} with QR. */
    GN("gn");

    /** Name in the results. */
    private final String label;

    /**
     * Creates a method.
     * @param label its name in the results
     */
    BenchMethod(final String label) {
        this.label = label;
    }

    /**
     * Returns the name used in the results.
     * @return the label
     */
    public String label() {
        return label;
    }
}
