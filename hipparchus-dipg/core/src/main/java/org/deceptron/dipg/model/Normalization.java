package org.deceptron.dipg.model;

import java.util.Arrays;
import java.util.Objects;
import org.deceptron.dipg.DipgFormats;
import org.hipparchus.exception.MathIllegalArgumentException;

/**
 * Per-component affine normalisation {@code z = (v - mean) / std} and its inverse {@code v = z * std + mean}.
 * Immutable. All methods accept the same array as input and output.
 */
public final class Normalization {

    /** Means. */
    private final double[] mean;

    /** Standard deviations (positive, finite). */
    private final double[] std;

    /**
     * Creates a normalisation. The arrays are copied.
     * @param mean per-component means (finite)
     * @param std per-component standard deviations (finite, strictly positive), same length as {@code mean}
     * @throws MathIllegalArgumentException on empty ({@link DipgFormats#MODEL_EMPTY_NORMALIZATION}) or different
     *         ({@link DipgFormats#MODEL_NORMALIZATION_LENGTHS}) lengths, or invalid values
     *         ({@link DipgFormats#NN_NOT_FINITE}, {@link DipgFormats#NN_INVALID_PARAMETER})
     * @throws NullPointerException on a null array
     */
    public Normalization(final double[] mean, final double[] std) {
        Objects.requireNonNull(mean, "mean");
        Objects.requireNonNull(std, "std");
        if (mean.length == 0) {
            throw new MathIllegalArgumentException(DipgFormats.MODEL_EMPTY_NORMALIZATION);
        }
        if (mean.length != std.length) {
            throw new MathIllegalArgumentException(DipgFormats.MODEL_NORMALIZATION_LENGTHS, mean.length, std.length);
        }
        for (int i = 0; i < mean.length; i++) {
            if (!Double.isFinite(mean[i])) {
                throw new MathIllegalArgumentException(DipgFormats.NN_NOT_FINITE, "normalization mean", i,
                                                       Double.toString(mean[i]));
            }
            if (!(std[i] > 0) || !Double.isFinite(std[i])) {
                throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "normalization std[" + i + "]",
                                                       "finite and > 0", Double.toString(std[i]));
            }
        }
        this.mean = mean.clone();
        this.std = std.clone();
    }

    /**
     * Creates a normalisation with the same mean and standard deviation for every component.
     * @param mean the mean (finite)
     * @param std the standard deviation (finite, strictly positive)
     * @param length the number of components (positive)
     * @return the normalisation
     * @throws MathIllegalArgumentException on invalid values
     */
    public static Normalization of(final double mean, final double std, final int length) {
        if (length <= 0) {
            throw new MathIllegalArgumentException(DipgFormats.NN_INVALID_PARAMETER, "normalization length",
                                                   "positive", length);
        }
        final double[] m = new double[length];
        final double[] s = new double[length];
        Arrays.fill(m, mean);
        Arrays.fill(s, std);
        return new Normalization(m, s);
    }

    /**
     * Creates the identity normalisation (mean 0, std 1).
     * @param length the number of components (positive)
     * @return the identity
     */
    public static Normalization identity(final int length) {
        return of(0.0, 1.0, length);
    }

    /**
     * Returns the number of components.
     * @return the length
     */
    public int length() {
        return mean.length;
    }

    /**
     * Returns a copy of the means.
     * @return the means
     */
    public double[] mean() {
        return mean.clone();
    }

    /**
     * Returns a copy of the standard deviations.
     * @return the standard deviations
     */
    public double[] std() {
        return std.clone();
    }

    /**
     * Normalises a vector: {@code out[i] = (raw[i] - mean[i]) / std[i]}.
     * @param raw the vector in physical units (not modified unless it is {@code out})
     * @param out the normalised vector (may be {@code raw})
     * @throws MathIllegalArgumentException on a null array or a wrong length
     */
    public void normalize(final double[] raw, final double[] out) {
        check("raw", raw);
        check("out", out);
        for (int i = 0; i < mean.length; i++) {
            out[i] = (raw[i] - mean[i]) / std[i];
        }
    }

    /**
     * Maps a normalised vector back to physical units: {@code out[i] = normalized[i] * std[i] + mean[i]}.
     * @param normalized the normalised vector (not modified unless it is {@code out})
     * @param out the vector in physical units (may be {@code normalized})
     * @throws MathIllegalArgumentException on a null array or a wrong length
     */
    public void denormalize(final double[] normalized, final double[] out) {
        check("normalized", normalized);
        check("out", out);
        for (int i = 0; i < mean.length; i++) {
            out[i] = normalized[i] * std[i] + mean[i];
        }
    }

    /**
     * Normalises a tangent (a difference of vectors): {@code out[i] = raw[i] / std[i]}.
     * @param raw the tangent in physical units (not modified unless it is {@code out})
     * @param out the normalised tangent (may be {@code raw})
     * @throws MathIllegalArgumentException on a null array or a wrong length
     */
    public void normalizeTangent(final double[] raw, final double[] out) {
        check("raw tangent", raw);
        check("out", out);
        for (int i = 0; i < mean.length; i++) {
            out[i] = raw[i] / std[i];
        }
    }

    /**
     * Maps a normalised tangent back to physical units: {@code out[i] = normalized[i] * std[i]}.
     * @param normalized the normalised tangent (not modified unless it is {@code out})
     * @param out the tangent in physical units (may be {@code normalized})
     * @throws MathIllegalArgumentException on a null array or a wrong length
     */
    public void denormalizeTangent(final double[] normalized, final double[] out) {
        check("normalized tangent", normalized);
        check("out", out);
        for (int i = 0; i < mean.length; i++) {
            out[i] = normalized[i] * std[i];
        }
    }

    /**
     * Checks an argument's length.
     * @param what name for the message
     * @param v the argument
     */
    private void check(final String what, final double[] v) {
        if (v == null) {
            throw new MathIllegalArgumentException(DipgFormats.NN_NULL_ARRAY, what, mean.length);
        }
        if (v.length != mean.length) {
            throw new MathIllegalArgumentException(DipgFormats.WRONG_LENGTH, what, v.length, mean.length);
        }
    }

    /**
     * Compares means and standard deviations.
     * @param other the other object
     * @return true when both are normalisations with identical values
     */
    @Override
    public boolean equals(final Object other) {
        return other instanceof Normalization n && Arrays.equals(mean, n.mean) && Arrays.equals(std, n.std);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.hashCode(std);
    }

    /**
     * Returns a short description.
     * @return the description
     */
    @Override
    public String toString() {
        return "Normalization(length=" + mean.length + ")";
    }
}
