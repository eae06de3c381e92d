package org.deceptron.dipg.spi;

/**
 * Single-threaded evaluation of a {@link Deceptron} with reused buffers. All methods write into caller arrays
 * and allocate nothing on the hot path. Inputs and outputs are in physical units.
 */
public interface DeceptronSession {

    /**
     * Evaluates the reverse map x = g(y).
     * @param y observation, length m (not modified)
     * @param x output, length n
     */
    void inverse(double[] y, double[] x);

    /**
     * Evaluates the reverse map and its Jacobian-vector product at y in direction dy.
     * @param y observation, length m (not modified)
     * @param dy direction in observation space, length m (not modified)
     * @param x output g(y), length n
     * @param dx output J_g(y) dy, length n
     */
    void inverseJvp(double[] y, double[] dy, double[] x, double[] dx);

    /**
     * Evaluates the forward surrogate y = f(x).
     * @param x unknowns, length n (not modified)
     * @param y output, length m
     */
    void forward(double[] x, double[] y);

    /**
     * Evaluates the forward surrogate and its Jacobian-vector product.
     * @param x unknowns, length n (not modified)
     * @param dx direction, length n (not modified)
     * @param y output f(x), length m
     * @param dy output J_f(x) dx, length m
     */
    void forwardJvp(double[] x, double[] dx, double[] y, double[] dy);
}
