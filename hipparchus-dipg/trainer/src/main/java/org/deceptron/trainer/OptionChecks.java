package org.deceptron.trainer;

import org.hipparchus.exception.MathIllegalArgumentException;

/** Range checks of the option values, shared by the settings records: one message for every option. */
final class OptionChecks {

    /** Not instantiable. */
    private OptionChecks() {
    }

    /**
     * Checks a positive count.
     * @param name option name
     * @param value the count
     * @throws MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION}) when {@code value <= 0}
     */
    static void positive(final String name, final int value) {
        check(value > 0, name, value, "> 0");
    }

    /**
     * Checks a finite non-negative value.
     * @param name option name
     * @param value the value
     * @throws MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION}) when negative, infinite or NaN
     */
    static void nonNegative(final String name, final double value) {
        check(value >= 0 && value < Double.POSITIVE_INFINITY, name, value, "finite and >= 0");
    }

    /**
     * Throws when a condition does not hold.
     * @param ok the condition
     * @param name option name
     * @param value the value (for the message)
     * @param expected what was expected (for the message)
     * @throws MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION}) when {@code !ok}
     */
    static void check(final boolean ok, final String name, final Object value, final String expected) {
        if (!ok) {
            throw new MathIllegalArgumentException(TrainerFormats.INVALID_OPTION, name, value, expected);
        }
    }
}
