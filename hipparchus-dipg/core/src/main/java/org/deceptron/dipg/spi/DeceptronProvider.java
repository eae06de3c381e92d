package org.deceptron.dipg.spi;

/**
 * Service that supplies the trained {@link Deceptron} of one family. Registered through
 * {@code META-INF/services/org.deceptron.dipg.spi.DeceptronProvider} for {@link java.util.ServiceLoader} and as
 * an OSGi service (Declarative Services) inside a framework.
 */
public interface DeceptronProvider {

    /**
     * Returns the id of the family the provided Deceptron was trained for; cheap, loads nothing.
     * @return the family id
     */
    String familyId();

    /**
     * Loads the Deceptron (for instance reads and checks a model file). May be slow; callers cache the result.
     * @return the Deceptron
     * @throws RuntimeException when the model cannot be loaded, with the reason (the shipped providers throw
     *         {@code ModelFormatException} or {@code MathIllegalStateException}); the registry refuses such a provider
     */
    Deceptron load();
}
