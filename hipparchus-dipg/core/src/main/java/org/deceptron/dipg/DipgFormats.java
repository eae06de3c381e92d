package org.deceptron.dipg;

import java.util.Locale;

import org.hipparchus.exception.Localizable;

/**
 * Messages of the exceptions thrown by hipparchus-dipg, in the style of Hipparchus'
 * {@code LocalizedOptimFormats}: tests and callers may switch on the specifier.
 */
public enum DipgFormats implements Localizable {

    /** Wrong vector length. */
    WRONG_LENGTH("{0} has length {1}, expected {2}"),
    /** A derivative the forward model does not provide. */
    NO_DERIVATIVE("forward model {0} has no {1} model (it declares {2})"),
    /** Wrong matrix shape. */
    WRONG_SHAPE("{0} is {1}x{2}, expected {3}x{4}"),
    /** Non-finite entry. */
    NOT_FINITE("{0} has a non-finite entry at index {1}: {2}"),
    /** Point outside the family's box. */
    OUTSIDE_BOX("{0}[{1}] = {2} is outside the box [{3}, {4}] of family {5}"),
    /** Invalid setting of the optimizer. */
    INVALID_SETTING("invalid {0}: {1} (expected {2})"),
    /** Deceptron refused. */
    DECEPTRON_REFUSED("Deceptron {0} refused for family {1}: {2}"),
    /** Forward model failure. */
    FORWARD_FAILURE("forward model of family {0} failed: {1}"),

    // core redesign (settings, diagnostics, Hipparchus-style exceptions)
    /** Empty box (a lower bound above its upper bound). */
    EMPTY_BOX("empty box at index {0}: [{1}, {2}]");

    /** Source English format. */
    private final String sourceFormat;

    /**
     * Simple constructor.
     * @param sourceFormat source English format to use when no localized version is available
     */
    DipgFormats(final String sourceFormat) {
        this.sourceFormat = sourceFormat;
    }

    /** {@inheritDoc} */
    @Override
    public String getSourceString() {
        return sourceFormat;
    }

    /** {@inheritDoc} */
    @Override
    public String getLocalizedString(final Locale locale) {
        return sourceFormat;
    }
}
