package org.deceptron.bench;

import java.util.Optional;

import org.deceptron.dipg.spi.Deceptron;

/**
 * The two trained models of a family: the +JCP model and the -JCP ablation.
 * @param jcp the +JCP model, if any
 * @param noJcp the -JCP ablation model, if any
 */
public record DeceptronPair(Optional<Deceptron> jcp, Optional<Deceptron> noJcp) {

    /**
     * Returns the model a method uses.
     * @param method the method
     * @return the model, or empty
     */
    public Optional<Deceptron> forMethod(final BenchMethod method) {
        return method == BenchMethod.DIPG_NOJCP ? noJcp : jcp;
    }
}
