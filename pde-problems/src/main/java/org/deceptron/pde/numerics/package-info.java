/**
 * Shared numerics of the PDE families (private to the bundle, not exported): FFT and periodic spectral grids,
 * the sine-basis heat semigroup, blurs, time steppers with tangents and adjoints, a banded Cholesky solver, the
 * Darcy finite-volume discretisation, observation nonlinearities and prior building blocks.
 */
package org.deceptron.pde.numerics;
