package org.deceptron.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by the measuring commands ({@code bench}, {@code scaling}): how many instances, warm-up, seed. */
public final class InstanceOptions {

    /** Timed instances. */
    @Option(names = "--instances", paramLabel = "N", defaultValue = "5",
            description = "Timed instances per family or size (default: ${DEFAULT-VALUE}).")
    int instances;

    /** Warm-up instances. */
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Warm-up instances per family (or size) and method, not counted (default: ${DEFAULT-VALUE}).")
    int warmup;

    /** Seed. */
    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
            description = "Seed of the instances (default: ${DEFAULT-VALUE}).")
    long seed;

    /**
     * Checks the values.
     * @param spec the command, for the error
     * @throws ParameterException on a bad value
     */
    void validate(final CommandSpec spec) {
        if (instances < 1) {
            throw new ParameterException(spec.commandLine(), "--instances must be >= 1, got " + instances);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
    }
}
