package org.deceptron.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.deceptron.dipg.model.ModelDeceptron;
import org.deceptron.dipg.model.ModelFile;
import org.deceptron.dipg.registry.DeceptronLookup;
import org.deceptron.dipg.registry.DeceptronRegistry;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.DeceptronProvider;
import org.deceptron.dipg.spi.ForwardFamily;

/**
 * Finds the +JCP and -JCP models of a family: from a directory ({@code <family>.dmodel} and
 * {@code <family>-nojcp.dmodel}) or, by default, from the model bundles on the class path (the +JCP model through
 * its {@link DeceptronProvider}, the ablation as the resource {@code <family>-nojcp.dmodel} next to the provider
 * class).
 */
public final class ModelLocator {

    /** Directory, or null for the class path. */
    private final Path directory;

    /**
     * Creates a locator.
     * @param directory a directory of model files, or null for the shipped model bundles on the class path
     */
    public ModelLocator(final Path directory) {
        this.directory = directory;
    }

    /**
     * Finds the models of a family.
     * @param family the family
     * @return the pair (either may be empty)
     * @throws IOException when a present file cannot be read
     */
    public DeceptronPair find(final ForwardFamily family) throws IOException {
        if (directory != null) {
            return new DeceptronPair(read(family, directory.resolve(family.id() + ".dmodel")),
                    read(family, directory.resolve(family.id() + "-nojcp.dmodel")));
        }
        final DeceptronLookup lookup = DeceptronRegistry.classpath().find(family.model());
        Optional<Deceptron> noJcp = Optional.empty();
        for (final DeceptronProvider p : DeceptronRegistry.classpath().getSource().providers()) {
            if (p.familyId().equals(family.id())) {
                try (InputStream in = p.getClass().getResourceAsStream(family.id() + "-nojcp.dmodel")) {
                    if (in != null) {
                        noJcp = Optional.of(new ModelDeceptron(ModelFile.read(in, family.id(), family.model().fingerprint())));
                    }
                }
            }
        }
        return new DeceptronPair(lookup.getDeceptron(), noJcp);
    }

    /**
     * Reads a model file if it exists.
     * @param family the family (id and fingerprint are checked)
     * @param file the file
     * @return the Deceptron, or empty when the file does not exist
     * @throws IOException on read failure
     */
    private static Optional<Deceptron> read(final ForwardFamily family, final Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file)) {
            return Optional.of(new ModelDeceptron(ModelFile.read(in, family.id(), family.model().fingerprint())));
        }
    }
}
