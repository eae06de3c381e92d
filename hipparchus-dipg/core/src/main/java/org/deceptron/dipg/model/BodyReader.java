package org.deceptron.dipg.model;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;

/**
 * Reads the (already checksummed) body of a model file. Every read first checks that the bytes are there, and
 * every count is checked against the remaining bytes before anything is allocated; a failure is a
 * {@link ModelFormatException.Reason#CORRUPT} naming what was being read and where. The reader also keeps the
 * running totals of weights and layers, refused above their {@link ReadLimits} (before the values are allocated)
 * with {@link ModelFormatException.Reason#TOO_LARGE}.
 */
final class BodyReader {

    /** The body, big-endian. */
    private final ByteBuffer buffer;

    /** Description of the source for messages. */
    private final String source;

    /** Offset of the body in the file, for messages. */
    private final int fileOffset;

    /** The limits on the declared model. */
    private final ReadLimits limits;

    /** Weights and biases read so far. */
    private long weights;

    /** Layers read so far, nested ones included. */
    private int layers;

    /**
     * Creates a reader with the default limits ({@link ReadLimits#DEFAULT}).
     * @param body the body bytes
     * @param source description of the source for messages
     * @param fileOffset offset of the body in the file
     */
    BodyReader(final byte[] body, final String source, final int fileOffset) {
        this(body, source, fileOffset, ReadLimits.DEFAULT);
    }

    /**
     * Creates a reader.
     * @param body the body bytes
     * @param source description of the source for messages
     * @param fileOffset offset of the body in the file
     * @param limits the limits on the declared model
     */
    BodyReader(final byte[] body, final String source, final int fileOffset, final ReadLimits limits) {
        this.buffer = ByteBuffer.wrap(body);
        this.source = source;
        this.fileOffset = fileOffset;
        this.limits = limits;
    }

    /**
     * Returns the limits on the declared model.
     * @return the limits
     */
    ReadLimits limits() {
        return limits;
    }

    /**
     * Counts one more layer, refusing more than {@link ReadLimits#maxLayers()} in the model.
     * @param what the layer, for messages
     */
    void countLayer(final String what) {
        if (++layers > limits.maxLayers()) {
            throw tooLarge("the model has more than " + limits.maxLayers() + " layers, nested ones included "
                           + "(limit ModelFile.MAX_LAYERS), at " + what);
        }
    }

    /**
     * Returns the number of unread bytes.
     * @return remaining bytes
     */
    int remaining() {
        return buffer.remaining();
    }

    /**
     * Creates a CORRUPT exception mentioning the current file offset.
     * @param message what is wrong
     * @return the exception
     */
    ModelFormatException corrupt(final String message) {
        return corrupt(message, null);
    }

    /**
     * Creates a CORRUPT exception mentioning the current file offset.
     * @param message what is wrong
     * @param cause the cause, or null
     * @return the exception
     */
    ModelFormatException corrupt(final String message, final Throwable cause) {
        return new ModelFormatException(ModelFormatException.Reason.CORRUPT,
                                        source + " is corrupt at byte " + (fileOffset + buffer.position()) + ": "
                                        + message, cause);
    }

    /**
     * Creates a TOO_LARGE exception mentioning the current file offset.
     * @param message which limit is exceeded, by what
     * @return the exception
     */
    ModelFormatException tooLarge(final String message) {
        return new ModelFormatException(ModelFormatException.Reason.TOO_LARGE,
                                        source + " is too large at byte " + (fileOffset + buffer.position()) + ": "
                                        + message);
    }

    /**
     * Checks that enough bytes remain.
     * @param bytes the bytes needed
     * @param what what is about to be read
     */
    private void require(final long bytes, final String what) {
        if (bytes > buffer.remaining()) {
            throw corrupt("the body ends while reading " + what + " (" + bytes + " bytes needed, "
                          + buffer.remaining() + " left)");
        }
    }

    /**
     * Reads an int.
     * @param what what it is, for messages
     * @return the value
     */
    int readInt(final String what) {
        require(Integer.BYTES, what);
        return buffer.getInt();
    }

    /**
     * Reads a long.
     * @param what what it is, for messages
     * @return the value
     */
    long readLong(final String what) {
        require(Long.BYTES, what);
        return buffer.getLong();
    }

    /**
     * Reads a double.
     * @param what what it is, for messages
     * @return the value
     */
    double readDouble(final String what) {
        require(Double.BYTES, what);
        return buffer.getDouble();
    }

    /**
     * Reads a boolean byte (0 or 1).
     * @param what what it is, for messages
     * @return the value
     */
    boolean readBoolean(final String what) {
        require(1, what);
        final byte b = buffer.get();
        if (b != 0 && b != 1) {
            throw corrupt(what + " must be 0 or 1, found " + b);
        }
        return b == 1;
    }

    /**
     * Reads a count or size and checks its range.
     * @param what what it is, for messages
     * @param min smallest valid value
     * @param max largest valid value
     * @return the value
     */
    int readCount(final String what, final int min, final int max) {
        final int v = readInt(what);
        if (v < min || v > max) {
            throw corrupt(what + " " + v + " is outside [" + min + ", " + max + "]");
        }
        return v;
    }

    /**
     * Reads a number of doubles, checking first that they are present.
     * @param count how many (a long, so that products of sizes cannot overflow unnoticed)
     * @param what what they are, for messages
     * @return the values
     */
    double[] readDoubles(final long count, final String what) {
        if (count < 0) {
            throw corrupt("negative number of " + what + ": " + count);
        }
        if (count > buffer.remaining() / Double.BYTES) {
            throw corrupt("the body ends while reading " + count + " " + what + " (" + buffer.remaining()
                          + " bytes left)");
        }
        final double[] values = new double[(int) count];
        buffer.asDoubleBuffer().get(values);
        buffer.position(buffer.position() + values.length * Double.BYTES);
        return values;
    }

    /**
     * Reads a number of float32 values (widened to double), checking first that they are present.
     * @param count how many
     * @param what what they are, for messages
     * @return the values
     */
    double[] readFloats(final long count, final String what) {
        if (count < 0) {
            throw corrupt("negative number of " + what + ": " + count);
        }
        if (count > buffer.remaining() / Float.BYTES) {
            throw corrupt("the body ends while reading " + count + " " + what + " (" + buffer.remaining()
                          + " bytes left)");
        }
        final double[] values = new double[(int) count];
        for (int i = 0; i < values.length; i++) {
            values[i] = buffer.getFloat();
        }
        return values;
    }

    /**
     * Reads weights stored as doubles or floats.
     * @param count how many
     * @param single whether they are float32
     * @param what what they are, for messages
     * @return the values
     */
    double[] readValues(final long count, final boolean single, final String what) {
        if (count >= 0 && count <= buffer.remaining() / (single ? Float.BYTES : Double.BYTES)
            && count > limits.maxWeights() - weights) {
            throw tooLarge("the model has more than " + limits.maxWeights() + " weights and biases (limit "
                           + "ModelFile.MAX_WEIGHTS): " + weights + " before " + count + " " + what);
        }
        final double[] values = single ? readFloats(count, what) : readDoubles(count, what);
        weights += values.length;
        return values;
    }

    /**
     * Reads a string: byte count and UTF-8 bytes.
     * @param what what it is, for messages
     * @return the string
     */
    String readString(final String what) {
        final int length = readCount("length of " + what, 0, FormatV1.MAX_STRING_BYTES);
        require(length, what);
        final ByteBuffer bytes = buffer.slice();
        bytes.limit(length);
        try {
            final String s = StandardCharsets.UTF_8.newDecoder().decode(bytes).toString();
            buffer.position(buffer.position() + length);
            return s;
        } catch (CharacterCodingException e) {
            throw corrupt(what + " is not valid UTF-8", e);
        }
    }
}
