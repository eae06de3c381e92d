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
 * <p>
 * A checksum is no defence against a hostile file (anyone can recompute it), so the reader also caps the model a
 * file declares; a well-formed file over a cap is refused with {@link ModelFormatException.Reason#TOO_LARGE}, the
 * message naming the cap and the value found:
 * </p>
 * <table class="striped">
 *   <caption>Limits of the reader</caption>
 *   <thead><tr><th>cap</th><th>value</th><th>checked</th></tr></thead>
 *   <tbody>
 *     <tr><td>{@link #MAX_WEIGHTS} weights and biases in the model</td><td>2<sup>25</sup> = 33,554,432</td>
 *         <td>before each layer's values are allocated (they must also be present in the file)</td></tr>
 *     <tr><td>{@link #MAX_ACTIVATION} input or output size of a layer (normalisation lengths included, since
 *         they equal n and m)</td><td>2<sup>24</sup> = 16,777,216 values</td>
 *         <td>as each layer is read, before any evaluation buffer exists</td></tr>
 *     <tr><td>{@link #MAX_SESSION_DOUBLES} memory of a session of the model
 *         ({@link DeceptronModel#sessionMemory()})</td><td>2<sup>26</sup> doubles = 512 MiB</td>
 *         <td>once the model is read, before any session exists</td></tr>
 *     <tr><td>{@link #MAX_LAYERS} layers in the model, nested ones included (and in one list)</td>
 *         <td>10,000</td><td>before each layer is read</td></tr>
 *     <tr><td>{@link #MAX_NESTING} nesting of residual blocks</td><td>16</td><td>before each block is read</td></tr>
 *     <tr><td>{@link #MAX_STRING_BYTES} UTF-8 bytes of a string (also refused by the writer)</td>
 *         <td>2<sup>20</sup> = 1 MiB</td><td>before the string is decoded (CORRUPT)</td></tr>
 *     <tr><td>{@link #MAX_EXTRA_SETTINGS} extra settings of a training record</td><td>100,000</td>
 *         <td>before the first is read (CORRUPT)</td></tr>
 *   </tbody>
 * </table>
 * <p>
 * With these caps a read allocates at most a small multiple of the file size (values widened from float32 to
 * double, a layer's copy of its parameters), whatever the file declares; the model-file fuzz test checks it on
 * thousands of mutants. These caps are absolute; the registry adds caps relative to the family's sizes (see
 * {@link org.deceptron.dipg.registry.DeceptronRegistry}).
 * </p>
 */
public final class ModelFile {

    /** The magic bytes at the start of every model file: ASCII "DIPGMODL". */
    public static final String MAGIC = "DIPGMODL";

    /** The format version written by this class (and the only one it reads). */
    public static final int FORMAT_VERSION = 1;

    /** Most weights and biases (all layers together) in a model read: 2^25 = 33,554,432. */
    public static final int MAX_WEIGHTS = 1 << 25;

    /** Largest input or output size of a layer of a model read: 2^24 = 16,777,216 values. */
    public static final int MAX_ACTIVATION = 1 << 24;

    /** Largest {@link DeceptronModel#sessionMemory()} of a model read: 2^26 doubles (512 MiB). */
    public static final long MAX_SESSION_DOUBLES = 1L << 26;

    /** Most layers in a model read, nested ones included: 10,000. */
    public static final int MAX_LAYERS = 10_000;

    /** Deepest nesting of residual blocks in a model read: 16. */
    public static final int MAX_NESTING = 16;

    /** Longest string of a model file, in UTF-8 bytes: 2^20 (1 MiB). */
    public static final int MAX_STRING_BYTES = 1 << 20;

    /** Most extra settings in the training record of a model read: 100,000. */
    public static final int MAX_EXTRA_SETTINGS = 100_000;

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
