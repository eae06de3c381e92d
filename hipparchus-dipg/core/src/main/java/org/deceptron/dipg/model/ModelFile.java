package org.deceptron.dipg.model;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes {@link DeceptronModel}s as self-describing, versioned, checksummed binary files.
 * <p>
 * Format version 1 (all numbers big-endian as written by {@link java.io.DataOutputStream}; a string is an
 * {@code int} byte count followed by that many UTF-8 bytes; a double array is its values, its length being implied
 * by the preceding sizes):
 * </p>
 * <pre>
 * header   8 bytes  magic "DIPGMODL" (ASCII)
 *          int      format version (1)
 *          long     body length in bytes
 *          int      CRC32 of the 20 bytes above
 * body     string   name, family id, family fingerprint
 *          network  forward network f, then reverse network g
 *          norm     x normalisation, then y normalisation
 *          record   training record
 * trailer  int      CRC32 of everything before it (header and body)
 *
 * network  int count, then count layers
 * layer    int tag, then by tag:
 *          1 Dense        int in, int out, double[out*in] weights (row-major [out][in]), double[out] bias
 *          2 LeakyRelu    double slope
 *          3 Tanh         (nothing)
 *          4 Convolution  int dims, int inChannels, int outChannels, int kernel, int padding (0 ZERO,
 *                         1 CIRCULAR), int[dims] spatial shape, double[out*in*kernel^dims] weights
 *                         ([out][in][kd][kh][kw]), double[out] bias
 *          5 Residual     int body count, body layers, byte 0/1 has post-activation, [post-activation layer]
 *          6 Reshape      int size
 *          7 Dense        as 1, with float[] instead of double[] weights and bias
 *          8 Convolution  as 4, with float[] instead of double[] weights and bias
 *          (the writer uses 7 and 8 when every weight and bias of the layer is exactly a float, as it is for
 *          networks trained in single precision: lossless, half the size)
 * norm     int length, double[length] mean, double[length] std
 * record   long seed, string trainer version, int train count, int validation count, int epochs S1, S2, S3,
 *          double loss S1, S2, S3, double RJCP +JCP, RJCP -JCP, double seconds S1, S2, S3, total,
 *          byte 1 (+JCP) / 0 (-JCP), int extra count, then count (string key, string value) pairs
 * </pre>
 * <p>
 * Reading checks, in this order, the magic, the version, the header checksum, the length (truncation), the
 * checksum, then parses and validates the content, then the family id and fingerprint when they are expected. Any
 * failure is a {@link ModelFormatException} whose {@link ModelFormatException.Reason} tells which check failed.
 * Sizes read from a file are checked against the bytes actually present before anything is allocated; sizes that
 * no bytes back (a convolution's input and output sizes, channels times spatial points) are multiplied without
 * overflow and refused above {@link org.deceptron.dipg.nn.Layer#MAX_SIZE}, also before anything is allocated.
 * </p>
 */
public final class ModelFile {

    /** The magic bytes at the start of every model file: ASCII "DIPGMODL". */
    public static final String MAGIC = "DIPGMODL";

    /** The format version written by this class (and the only one it reads). */
    public static final int FORMAT_VERSION = 1;

    /** Utility class. */
    private ModelFile() {
    }

    /**
     * Writes a model to a stream. The stream is flushed, not closed.
     * @param model the model
     * @param out the stream
     * @throws IOException when writing fails
     * @throws org.hipparchus.exception.MathIllegalArgumentException when a string is too long for the format (over
     *         1 MiB of UTF-8; {@link org.deceptron.dipg.DipgFormats#MODEL_STRING_TOO_LONG})
     */
    public static void write(final DeceptronModel model, final OutputStream out) throws IOException {
        ModelWriter.write(model, out);
    }

    /**
     * Writes a model to a file, replacing it if it exists.
     * @param model the model
     * @param file the file
     * @throws IOException when writing fails
     */
    public static void write(final DeceptronModel model, final Path file) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            ModelWriter.write(model, out);
        }
    }

    /**
     * Reads a model from a stream, which must hold exactly one model file (and is read to its end, not closed).
     * @param in the stream
     * @return the model
     * @throws IOException when reading fails
     * @throws ModelFormatException when the data is not a valid model file
     */
    public static DeceptronModel read(final InputStream in) throws IOException {
        return ModelReader.read(in, "model stream", null, null);
    }

    /**
     * Reads a model from a stream and checks the family it was trained for.
     * @param in the stream, holding exactly one model file (read to its end, not closed)
     * @param expectedFamilyId the expected family id, or null not to check it
     * @param expectedFingerprint the expected family fingerprint, or null not to check it
     * @return the model
     * @throws IOException when reading fails
     * @throws ModelFormatException when the data is not a valid model file
     *         ({@link ModelFormatException.Reason#WRONG_FAMILY}, {@link ModelFormatException.Reason#WRONG_FINGERPRINT}
     *         for a valid file of another family)
     */
    public static DeceptronModel read(final InputStream in, final String expectedFamilyId,
                                      final String expectedFingerprint) throws IOException {
        return ModelReader.read(in, "model stream", expectedFamilyId, expectedFingerprint);
    }

    /**
     * Reads a model from a file.
     * @param file the file
     * @return the model
     * @throws IOException when reading fails (e.g. the file does not exist)
     * @throws ModelFormatException when the file is not a valid model file; the message names the file
     */
    public static DeceptronModel read(final Path file) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return ModelReader.read(in, "model file " + file, null, null);
        }
    }
}
