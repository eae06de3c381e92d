package org.deceptron.trainer;

import java.util.Objects;

/**
 * The two networks of a Deceptron and the normalisation of the values they see.
 * @param forward architecture of the forward surrogate f: n -&gt; m
 * @param reverse architecture of the reverse map g: m -&gt; n
 * @param xNorm normalisation of x (f's input, g's output)
 * @param yNorm normalisation of y (f's output, g's input)
 */
public record NetworkSettings(Architecture forward, Architecture reverse, NormMode xNorm, NormMode yNorm) {

    /**
     * Checks the settings.
     * @throws NullPointerException on a null value, named in the message
     */
    public NetworkSettings {
        Objects.requireNonNull(forward, "forward");
        Objects.requireNonNull(reverse, "reverse");
        Objects.requireNonNull(xNorm, "xNorm");
        Objects.requireNonNull(yNorm, "yNorm");
    }
}
