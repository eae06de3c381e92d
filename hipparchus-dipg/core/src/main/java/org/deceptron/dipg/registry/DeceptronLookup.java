package org.deceptron.dipg.registry;

import java.util.Optional;

import org.deceptron.dipg.spi.Deceptron;

/**
 * The result of looking up the Deceptron of a family: the Deceptron, if one was found and accepted, and a
 * status line that says what happened (which one was used, or why none: no provider, or providers refused
 * with their reasons).
 */
public final class DeceptronLookup {

    /** The Deceptron, or null. */
    private final Deceptron deceptron;

    /** What happened. */
    private final String status;

    /**
     * Creates a lookup result.
     * @param deceptron the Deceptron, or null
     * @param status what happened
     */
    DeceptronLookup(final Deceptron deceptron, final String status) {
        this.deceptron = deceptron;
        this.status = status;
    }

    /**
     * Creates a result without Deceptron.
     * @param status why there is none
     * @return the result
     */
    public static DeceptronLookup none(final String status) {
        return new DeceptronLookup(null, status);
    }

    /**
     * Returns the Deceptron found.
     * @return the Deceptron, or empty
     */
    public Optional<Deceptron> getDeceptron() {
        return Optional.ofNullable(deceptron);
    }

    /**
     * Returns what happened during the lookup.
     * @return the status line
     */
    public String getStatus() {
        return status;
    }

    /** {@inheritDoc} */
    @Override
    public String toString() {
        return status;
    }
}
