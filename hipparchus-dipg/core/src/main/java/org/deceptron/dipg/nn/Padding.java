package org.deceptron.dipg.nn;

/** How a {@link Convolution} reads outside the spatial domain ("same" padding, stride 1). */
public enum Padding {

    /** Values outside the domain are zero. */
    ZERO,

    /** The domain is periodic along every spatial axis: index {@code p} reads {@code p mod size}. */
    CIRCULAR
}
