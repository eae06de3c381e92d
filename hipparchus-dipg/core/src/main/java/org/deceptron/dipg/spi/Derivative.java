package org.deceptron.dipg.spi;

/**
 * A derivative model a {@link ForwardModel} may provide, queried with {@link ForwardModel#derivatives()} and used
 * through {@link ForwardModel#linearize(double[])}. A model with none is legal: it has only
 * {@link ForwardModel#value(double[])}.
 */
public enum Derivative {

    /** Tangent-linear model: Jacobian-vector products J(x) v ({@link Linearization#jvp(double[])}). */
    TANGENT,

    /** Adjoint model: vector-Jacobian products J(x)^T w ({@link Linearization#vjp(double[])}). */
    ADJOINT
}
