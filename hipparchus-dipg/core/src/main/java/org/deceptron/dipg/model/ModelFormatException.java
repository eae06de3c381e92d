package org.deceptron.dipg.model;

import java.util.Objects;

/**
 * Thrown when a model file is rejected. The {@link #reason()} tells why; the message says what was expected and
 * what was found, and names the file or resource when it is known.
 */
public class ModelFormatException extends IllegalStateException {

    /** Serializable version identifier. */
    private static final long serialVersionUID = 20240601L;

    /** Why a model file is rejected. */
    public enum Reason {

        /** The data does not start with the model file magic bytes: it is not a model file. */
        NOT_A_MODEL,

        /** The format version is not one this reader understands. */
        UNSUPPORTED_VERSION,

        /** The data ends before the file does. */
        TRUNCATED,

        /** Checksum mismatch, or invalid content (unknown layer tag, impossible sizes, inconsistent networks). */
        CORRUPT,

        /**
         * The content is well-formed but the model it declares exceeds one of the documented limits of the reader
         * (weights, activation size, session memory, layer count: see {@link ModelFile}); the message names the
         * limit and the value found.
         */
        TOO_LARGE,

        /** The model was trained for another family. */
        WRONG_FAMILY,

        /** The model was trained for another version of the family (its fingerprint differs). */
        WRONG_FINGERPRINT
    }

    /** The reason. */
    private final Reason reason;

    /**
     * Creates an exception.
     * @param reason why the file is rejected
     * @param message what was expected and what was found
     */
    public ModelFormatException(final Reason reason, final String message) {
        this(reason, message, null);
    }

    /**
     * Creates an exception with a cause.
     * @param reason why the file is rejected
     * @param message what was expected and what was found
     * @param cause the underlying exception, or null
     */
    public ModelFormatException(final Reason reason, final String message, final Throwable cause) {
        super(Objects.requireNonNull(reason, "reason") + ": " + message, cause);
        this.reason = reason;
    }

    /**
     * Returns why the file is rejected.
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }
}
