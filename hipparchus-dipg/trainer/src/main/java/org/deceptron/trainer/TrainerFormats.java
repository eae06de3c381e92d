package org.deceptron.trainer;

import java.util.Locale;

import org.hipparchus.exception.Localizable;

/**
 * Messages of the exceptions thrown by the trainer, in the style of Hipparchus' {@code LocalizedOptimFormats} and
 * of core's {@code DipgFormats}: tests and callers may switch on the specifier.
 */
public enum TrainerFormats implements Localizable {

    /** A training option out of its range: name, value, what was expected. */
    INVALID_OPTION("invalid training option {0}: {1} (expected {2})"),
    /** The exact JCP target or exact RJCP needs the family's tangent. */
    EXACT_TARGET_NEEDS_FAMILY("the exact JCP target needs the family (its jvp), but none was given"),
    /** The exact JCP target on a family without a tangent model: family id. */
    EXACT_TARGET_NEEDS_TANGENT("the exact JCP target needs a tangent model, but family {0} declares none: "
                               + "train with the surrogate target"),
    /** An architecture specification that cannot be parsed: the text, what is wrong, the grammar. */
    INVALID_ARCHITECTURE("invalid architecture \"{0}\": {1} (expected {2})"),
    /** A conv net on a grid does not fit the map's sizes: grid, points, in, out. */
    GRID_MISMATCH("conv net on grid {0} maps {1} -> {1} values, not {2} -> {3}"),
    /** An S3 branch that was not trained was asked for: branch label. */
    BRANCH_NOT_TRAINED("the {0} variant was not trained");

    /** Source English format. */
    private final String sourceFormat;

    /**
     * Simple constructor.
     * @param sourceFormat source English format to use when no localized version is available
     */
    TrainerFormats(final String sourceFormat) {
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
