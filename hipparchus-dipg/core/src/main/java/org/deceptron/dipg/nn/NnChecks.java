package org.deceptron.dipg.nn;

/** Argument checks shared by the layers and the evaluators of this package. */
final class NnChecks {

    /** Utility class. */
    private NnChecks() {
    }

    /**
     * Checks that every entry of an array is finite.
     * @param what name used in the message
     * @param values the values
     * @throws IllegalArgumentException on a NaN or infinite entry
     */
    static void checkFinite(final String what, final double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw new IllegalArgumentException(what + "[" + i + "] is not finite: " + values[i]);
            }
        }
    }

    /**
     * Checks the length of an argument array.
     * @param what name used in the message
     * @param values the array
     * @param expected the expected length
     * @throws IllegalArgumentException on a null array or a wrong length
     */
    static void checkLength(final String what, final double[] values, final int expected) {
        if (values == null) {
            throw new IllegalArgumentException(what + " is null, expected length " + expected);
        }
        if (values.length != expected) {
            throw new IllegalArgumentException(what + " has length " + values.length + ", expected " + expected);
        }
    }

    /**
     * Checks that an output array is not one of the input arrays.
     * @param outName name of the output, for the message
     * @param out the output array
     * @param inName name of the input, for the message
     * @param in the input array
     * @throws IllegalArgumentException when they are the same array
     */
    static void checkDistinct(final String outName, final double[] out, final String inName, final double[] in) {
        if (out == in) {
            throw new IllegalArgumentException(outName + " must not be the same array as " + inName);
        }
    }
}
