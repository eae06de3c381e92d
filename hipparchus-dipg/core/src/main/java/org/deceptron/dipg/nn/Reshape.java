package org.deceptron.dipg.nn;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Reshape marker: the identity on flat arrays that only checks the size. It exists so that architectures read
 * like the trainer's (e.g. between a dense head and a convolution), and so that a network that starts with an
 * element-wise layer can state its input size.
 */
public final class Reshape extends Layer {

    /** The (unchanged) size. */
    private final int size;

    /**
     * Creates a reshape of a given size.
     * @param size the input and output size (positive)
     * @throws MathIllegalArgumentException when the size is not positive ({@link DipgFormats#NN_INVALID_PARAMETER})
     */
    public Reshape(final int size) {
        if (size <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "Reshape size", "positive", size);
        }
        this.size = size;
    }

    /**
     * Returns the size (input and output).
     * @return the size
     */
    @Override
    public int inputSize() {
        return size;
    }

    /** {@inheritDoc} */
    @Override
    public int outputSize(final int inputSize) {
        checkFixedSize(this, size, inputSize);
        return size;
    }

    /** {@inheritDoc} */
    @Override
    LayerEvaluator newEvaluator(final int inputSize) {
        outputSize(inputSize);
        return new LayerEvaluator() {
            @Override
            public void forward(final double[] x, final double[] y) {
                System.arraycopy(x, 0, y, 0, size);
            }

            @Override
            public void jvp(final double[] x, final double[] tx, final double[] y, final double[] ty) {
                System.arraycopy(x, 0, y, 0, size);
                System.arraycopy(tx, 0, ty, 0, size);
            }
        };
    }

    /**
     * Returns a short description, e.g. {@code Reshape(1024)}.
     * @return the description
     */
    @Override
    public String toString() {
        return "Reshape(" + size + ")";
    }
}
