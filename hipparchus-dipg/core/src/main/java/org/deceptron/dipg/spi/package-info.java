/**
 * Service provider interfaces: forward models ({@link org.deceptron.dipg.spi.ForwardModel}, their optional
 * derivatives through {@link org.deceptron.dipg.spi.Linearization}), their instance protocols
 * ({@link org.deceptron.dipg.spi.InstanceProtocol}), registered families
 * ({@link org.deceptron.dipg.spi.ForwardFamily}: a model and its protocol), the problems
 * they build ({@link org.deceptron.dipg.spi.FamilyProblem}) and trained Deceptrons
 * ({@link org.deceptron.dipg.spi.Deceptron}, {@link org.deceptron.dipg.spi.DeceptronProvider}).
 */
@Export
@Version("0.2.0")
package org.deceptron.dipg.spi;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
