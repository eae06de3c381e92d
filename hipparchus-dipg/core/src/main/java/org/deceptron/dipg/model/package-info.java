/**
 * Trained Deceptron models: the in-memory {@link org.deceptron.dipg.model.DeceptronModel} (forward and reverse
 * networks, normalisations, family id and fingerprint, {@link org.deceptron.dipg.model.TrainingRecord}), its
 * self-describing, versioned, checksummed binary file ({@link org.deceptron.dipg.model.ModelFile}), the
 * {@link org.deceptron.dipg.spi.Deceptron} built from it ({@link org.deceptron.dipg.model.ModelDeceptron}) and a
 * reusable provider that loads a model file from a class-path or bundle resource
 * ({@link org.deceptron.dipg.model.ResourceDeceptronProvider}).
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.model;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
