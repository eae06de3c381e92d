package org.deceptron.bench;

/** Receives progress from {@link BenchRunner} (the CLI draws a progress bar; the library never prints). */
public interface BenchListener {

    /** A listener that ignores everything. */
    BenchListener NONE = (family, method, done, total) -> { };

    /**
     * Called after each solve.
     * @param family family id
     * @param method method just run
     * @param done solves done so far (all families)
     * @param total solves planned (all families)
     */
    void solved(String family, BenchMethod method, int done, int total);
}
