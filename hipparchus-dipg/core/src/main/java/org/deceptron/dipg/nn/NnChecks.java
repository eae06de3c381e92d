package org.deceptron.dipg.nn;

import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/** Argument checks shared by the layers and the evaluators of this package. */
final class NnChecks {

    /** Utility class. */
    private NnChecks() {
    }

    /**
     * Checks that every entry of an array is finite.
     * @param what name used in the message
     * @param values the values
     * @throws MathIllegalArgumentException on a NaN or infinite entry ({@link DipgFormats#NN_NOT_FINITE})
     */
    static void checkFinite(final String what, final double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new MathIllegalArgumentException(DipgFormats.NN_NOT_FINITE, what, i, Double.toString(values[i]));
            }
        }
    }

    /**
     * Checks the length of an argument array.
     * @param what name used in the message
     * @param values the array
     * @param expected the expected length
     * @throws MathIllegalArgumentException on a null array ({@link DipgFormats#NN_NULL_ARRAY}) or a wrong length
     *         ({@link DipgFormats#WRONG_LENGTH})
     */
    static void checkLength(final String what, final double[] values, final int expected) {
        if (values == null) {
            throw new MathIllegalArgumentException(DipgFormats.NN_NULL_ARRAY, what, expected);
        }
        if (values.length != expected) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, what, values.length, expected);
        }
    }

    /**
     * Checks that an output array is not one of the input arrays.
     * @param outName name of the output, for the message
     * @param out the output array
     * @param inName name of the input, for the message
     * @param in the input array
     * @throws MathIllegalArgumentException when they are the same array ({@link DipgFormats#NN_SAME_ARRAY})
     */
    static void checkDistinct(final String outName, final double[] out, final String inName, final double[] in) {
        if (out == in) {
            throw new MathIllegalArgumentException(DipgFormats.NN_SAME_ARRAY, outName, inName);
        }
    }

    /**
     * Multiplies non-negative sizes without overflow, refusing a product above {@link Layer#MAX_SIZE}: the running
     * product is kept at most {@code MAX_SIZE} and checked before every multiplication, so it never wraps.
     * @param what what the product is, for the message (e.g. "Convolution(...) input size")
     * @param factors the factors (non-negative)
     * @return the product, at most {@link Layer#MAX_SIZE}
     * @throws MathIllegalArgumentException when the product exceeds {@link Layer#MAX_SIZE}
     *         ({@link DipgFormats#NN_SIZE_TOO_LARGE}, naming {@code what} and the factors)
     */
    static int checkedSize(final String what, final long... factors) {
        long product = 1;
        for (final long factor : factors) {
            if (factor != 0 && product > Layer.MAX_SIZE / factor) {
                final StringBuilder sb = new StringBuilder();
                for (final long f : factors) {
                    sb.append(sb.length() == 0 ? "" : " x ").append(f);
                }
                throw new MathIllegalArgumentException(DipgFormats.NN_SIZE_TOO_LARGE, what, sb.toString(),
                                                       Layer.MAX_SIZE);
            }
            product *= factor;
        }
        return (int) product;
    }
}
