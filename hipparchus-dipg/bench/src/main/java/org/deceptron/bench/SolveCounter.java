package org.deceptron.bench;

/**
 * The mutable tally behind the counting decorators of one solve ({@link CountingModel},
 * {@link CountingLinearization}, {@link CountingDeceptron}); {@link #counts()} takes an immutable snapshot. The
 * counting rules are those of {@link SolveCounts}. One counter per solve: not thread safe (the benchmark runs one
 * thread).
 */
public final class SolveCounter {

    /** Forward solves (value calls plus linearizations). */
    private int forward;

    /** Tangent products. */
    private int tangent;

    /** Adjoint products. */
    private int adjoint;

    /** Linearizations. */
    private int linearizations;

    /** g evaluations. */
    private int g;

    /** Counts one forward solve (a {@code value} call). */
    public void forwardSolve() {
        forward++;
    }

    /** Counts one linearization, which is also a forward solve. */
    public void linearization() {
        linearizations++;
        forward++;
    }

    /**
     * Counts tangent products.
     * @param count how many
     */
    public void tangentSolves(final int count) {
        tangent += count;
    }

    /**
     * Counts adjoint products.
     * @param count how many
     */
    public void adjointSolves(final int count) {
        adjoint += count;
    }

    /** Counts one evaluation of the reverse map g. */
    public void gEvaluation() {
        g++;
    }

    /**
     * Returns what was counted so far.
     * @return a snapshot
     */
    public SolveCounts counts() {
        return new SolveCounts(forward, tangent, adjoint, linearizations, g);
    }
}
