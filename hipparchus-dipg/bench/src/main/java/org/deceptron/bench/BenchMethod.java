package org.deceptron.bench;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The methods compared by the benchmark, with their names in the results. */
public enum BenchMethod {

    /** D-IPG with the +JCP model (the product). */
    DIPG("dipg", Kind.LEARNED),

    /** D-IPG with the -JCP ablation model (same f, same S2 checkpoint, S3 without JCP). */
    DIPG_NOJCP("dipg-nojcp", Kind.LEARNED),

    /**
     * D-IPG without a learned preconditioner: the {@link IdentityDeceptron} (g(y) = y), so the bare residual step
     * plus D-IPG's Krylov and LM fallbacks; needs m = n.
     */
    DIPG_IDENTITY("dipg-identity", Kind.ABLATION),

    /** The one-shot learned inverse x = Pi(g(y*)), one evaluation, no iteration. */
    ONE_SHOT("one-shot", Kind.LEARNED),

    /** Hipparchus {@code LevenbergMarquardtOptimizer} with its defaults. */
    LM("lm", Kind.PEER),

    /** Hipparchus {@code GaussNewtonOptimizer} with QR. */
    GN("gn", Kind.PEER),

    /**
     * Core's matrix-free {@code GaussNewtonKrylovOptimizer} (defaults) on the family's exact tangent and adjoint
     * models: no Jacobian is formed.
     */
    GN_KRYLOV("gn-krylov", Kind.PEER),

    /**
     * The amortised linear inverse: a regularised pseudo-inverse of the weighted Jacobian at the prior mean,
     * computed once per family ({@link LinearInverse}, setup timed apart), iterated by a
     * {@link LinearInverseOptimizer}.
     */
    LINEAR_INVERSE("linear-inverse", Kind.PEER);

    /** What a method is to the comparison. */
    private enum Kind {
        /** Uses a trained Deceptron. */
        LEARNED,
        /** D-IPG's machinery without the learned part. */
        ABLATION,
        /** A non-learned method D-IPG is judged against. */
        PEER
    }

    /** Name in the results. */
    private final String label;

    /** What the method is. */
    private final Kind kind;

    /**
     * Creates a method.
     * @param label its name in the results
     * @param kind what it is
     */
    BenchMethod(final String label, final Kind kind) {
        this.label = label;
        this.kind = kind;
    }

    /**
     * Returns the name used in the results.
     * @return the label
     */
    public String label() {
        return label;
    }

    /**
     * Tells whether the method needs a trained Deceptron of the family.
     * @return true for dipg, dipg-nojcp and one-shot
     */
    public boolean isLearned() {
        return kind == Kind.LEARNED;
    }

    /**
     * Tells whether the method is a non-learned peer, one of those D-IPG is judged against (the best peer).
     * @return true for lm, gn, gn-krylov and linear-inverse
     */
    public boolean isPeer() {
        return kind == Kind.PEER;
    }

    /**
     * Finds a method by its label.
     * @param label the label
     * @return the method, or empty
     */
    public static Optional<BenchMethod> byLabel(final String label) {
        return Arrays.stream(values()).filter(m -> m.label.equals(label)).findFirst();
    }

    /**
     * Returns every label, comma-separated, in declaration order (for messages and help texts).
     * @return the labels
     */
    public static String labels() {
        return Arrays.stream(values()).map(BenchMethod::label).collect(Collectors.joining(", "));
    }
}
