package org.deceptron.bench;

/** Receives progress from {@link StressRunner} (the CLI draws a progress bar; the library never prints). */
public interface StressListener {

    /** A listener that ignores everything. */
    StressListener NONE = (family, scenario, method, done, total) -> { };

    /**
     * Called after each solve (warm-up solves are reported with the scenario {@link StressScenario#NOMINAL}).
     * @param family family id
     * @param scenario scenario just run
     * @param method method just run ({@link BenchMethod#DIPG} or {@link BenchMethod#LM})
     * @param done solves done so far (all families)
     * @param total solves planned (all families)
     */
    void solved(String family, StressScenario scenario, BenchMethod method, int done, int total);
}
