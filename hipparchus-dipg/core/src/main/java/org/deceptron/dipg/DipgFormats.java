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
    /** A pinned model file digest that is not a SHA-256 written in hexadecimal. */
    REGISTRY_INVALID_SHA256("pinned digest ''{0}'' is not a SHA-256: expected 64 hexadecimal digits"),
    /** The JDK offers no SHA-256 (a conforming JDK always does). */
    MODEL_NO_SHA256("cannot compute the SHA-256 of {0}: {1}"),
    /** A derivative the forward model does not provide. */
    NO_DERIVATIVE("forward model {0} has no {1} model (it declares {2})"),
    /** Two registered families with the same id. */
    DUPLICATE_FAMILY("two families with id {0}: {1} and {2}"),
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
    /** A vector argument of a network evaluator, a normalisation or a model session is null. */
    NN_NULL_ARRAY("{0} is null, expected length {1}"),
    /** An output array of a network evaluation is also one of its input (or other output) arrays. */
    NN_SAME_ARRAY("{0} must not be the same array as {1}"),
    /** A layer parameter or a normalisation entry is NaN or infinite. */
    NN_NOT_FINITE("{0}[{1}] is not finite: {2}"),
    /** A layer or normalisation setting is outside its domain (what, what it must be, what it is). */
    NN_INVALID_PARAMETER("{0} must be {1}, got {2}"),
    /** A parameter array of a layer has the wrong length (layer, expected count, what, actual length). */
    NN_PARAMETER_COUNT("{0} needs {1} {2}, got {3}"),
    /** A convolution's spatial shape does not have one entry per spatial dimension. */
    NN_SHAPE_LENGTH("{0} needs a spatial shape of {1} entries, got {2}"),
    /** A size computed from a layer's shape exceeds the largest layer size (what, factors, limit). */
    NN_SIZE_TOO_LARGE("{0} is too large: {1} exceeds the limit of {2}"),
    /** A layer with a fixed input size is given another one. */
    NN_INPUT_SIZE("{0} expects input size {1}, got {2}"),
    /** An element-wise layer is given a size that is not positive. */
    NN_POSITIVE_INPUT_SIZE("{0} needs a positive input size, got {1}"),
    /** A network or a residual body has no layer. */
    NN_NO_LAYER("{0} needs at least one layer"),
    /** A layer sequence has only element-wise layers, so its input size is unknown. */
    NN_UNKNOWN_INPUT_SIZE("{0} has no layer with a fixed input size (all are element-wise), so its input size is "
                          + "unknown; start it with a Reshape(size)"),
    /** Consecutive layers of a sequence disagree on a size (sequence, index, layer, expected, source). */
    NN_SIZE_MISMATCH("{0}: layer {1} ({2}) expects input size {3} but {4}"),
    /** A layer of a sequence refuses the size it receives (sequence, index, reason). */
    NN_LAYER_REFUSED("{0}: layer {1}: {2}"),
    /** The body of a residual block changes the size. */
    NN_RESIDUAL_BODY_SIZE("residual body must preserve the size: input {0}, output {1}"),
    /** The post-activation of a residual block has another fixed input size than the block. */
    NN_RESIDUAL_POST_INPUT_SIZE("residual post-activation {0} expects input size {1} but the block has size {2}"),
    /** The post-activation of a residual block changes the size. */
    NN_RESIDUAL_POST_SIZE("residual post-activation {0} must preserve the size {1}, outputs {2}"),
    /** A normalisation without components. */
    MODEL_EMPTY_NORMALIZATION("normalization needs at least one component"),
    /** The mean and standard deviation of a normalisation have different lengths. */
    MODEL_NORMALIZATION_LENGTHS("normalization mean has {0} components but std has {1}"),
    /** The networks and normalisations of a model disagree on a size (what, size, reference, its size). */
    MODEL_SIZE_MISMATCH("inconsistent Deceptron model: {0} {1} differs from {2} = {3}"),
    /** A string too long for the model file format (UTF-8 bytes, limit, start of the string). */
    MODEL_STRING_TOO_LONG("string of {0} UTF-8 bytes exceeds the model file limit of {1}: {2}..."),
    /** A layer type without a model file encoding. */
    MODEL_NO_LAYER_CODEC("no model file encoding for layer {0}"),
    /** A model resource is missing (resource, family). */
    MODEL_RESOURCE_NOT_FOUND("{0} (family ''{1}'') was not found"),
    /** A model resource cannot be read (resource, reason). */
    MODEL_RESOURCE_UNREADABLE("cannot read {0}: {1}"),
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
