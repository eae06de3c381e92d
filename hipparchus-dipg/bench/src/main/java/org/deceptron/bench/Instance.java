package org.deceptron.bench;

/**
 * One benchmark instance: the true unknowns and the noisy observations made from them.
 * @param index index within its family
 * @param xTrue true unknowns
 * @param observed y* = F(x_true) + noise
 */
public record Instance(int index, double[] xTrue, double[] observed) {
}
