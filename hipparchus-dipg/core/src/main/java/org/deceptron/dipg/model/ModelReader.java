package org.deceptron.dipg.model;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import java.util.zip.CRC32;
import org.deceptron.dipg.model.ModelFormatException.Reason;
import org.deceptron.dipg.nn.Network;
import org.hipparchus.exception.MathIllegalArgumentException;

/** Reads format version 1 of {@link ModelFile}, with every check the format allows. */
final class ModelReader {

    /** Utility class. */
    private ModelReader() {
    }

    /**
     * Reads and checks a model file.
     * @param in the stream, read to its end
     * @param source description of the source for messages (e.g. "model file /tmp/a.dipg")
     * @param expectedFamilyId expected family id, or null not to check
     * @param expectedFingerprint expected fingerprint, or null not to check
     * @return the model
     * @throws IOException when reading fails
     * @throws ModelFormatException when the file is rejected
     */
    static DeceptronModel read(final InputStream in, final String source, final String expectedFamilyId,
                               final String expectedFingerprint) throws IOException {
        return read(in, source, expectedFamilyId, expectedFingerprint, ReadLimits.DEFAULT);
    }

    /**
     * Reads and checks a model file with given limits on the declared model.
     * @param in the stream, read to its end
     * @param source description of the source for messages (e.g. "model file /tmp/a.dipg")
     * @param expectedFamilyId expected family id, or null not to check
     * @param expectedFingerprint expected fingerprint, or null not to check
     * @param limits the limits on the declared model
     * @return the model
     * @throws IOException when reading fails
     * @throws ModelFormatException when the file is rejected
     */
    static DeceptronModel read(final InputStream in, final String source, final String expectedFamilyId,
                               final String expectedFingerprint, final ReadLimits limits) throws IOException {
        final byte[] header = in.readNBytes(FormatV1.HEADER_BYTES);
        final byte[] magic = ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII);
        final int magicRead = Math.min(header.length, magic.length);
        for (int i = 0; i < magicRead; i++) {
            if (header[i] != magic[i]) {
                throw new ModelFormatException(Reason.NOT_A_MODEL, source + " is not a D-IPG model file: expected "
                                               + "magic bytes \"" + ModelFile.MAGIC + "\", found "
                                               + describe(header, magicRead));
            }
        }
        if (header.length < FormatV1.HEADER_BYTES) {
            throw new ModelFormatException(Reason.TRUNCATED, source + " is truncated: it ends inside the header ("
                                           + header.length + " of " + FormatV1.HEADER_BYTES + " bytes)");
        }
        final ByteBuffer h = ByteBuffer.wrap(header, magic.length, header.length - magic.length);
        final int version = h.getInt();
        if (version != ModelFile.FORMAT_VERSION) {
            throw new ModelFormatException(Reason.UNSUPPORTED_VERSION, source + " has model format version "
                                           + version + "; this reader supports version "
                                           + ModelFile.FORMAT_VERSION);
        }
        final long bodyLength = h.getLong();
        final int storedHeaderCrc = h.getInt();
        final CRC32 crc = new CRC32();
        crc.update(header, 0, FormatV1.HEADER_BYTES - Integer.BYTES);
        if ((int) crc.getValue() != storedHeaderCrc) {
            throw new ModelFormatException(Reason.CORRUPT, source + " is corrupt: header checksum mismatch (stored "
                                           + hex(storedHeaderCrc) + ", computed " + hex((int) crc.getValue())
                                           + ")");
        }
        if (bodyLength < 0 || bodyLength > FormatV1.MAX_BODY_BYTES) {
            throw new ModelFormatException(Reason.CORRUPT, source + " is corrupt: body length " + bodyLength
                                           + " is outside [0, " + FormatV1.MAX_BODY_BYTES + "]");
        }
        final byte[] body = in.readNBytes((int) bodyLength);
        if (body.length < bodyLength) {
            throw new ModelFormatException(Reason.TRUNCATED, source + " is truncated: expected a body of "
                                           + bodyLength + " bytes, found " + body.length);
        }
        final byte[] trailer = in.readNBytes(Integer.BYTES);
        if (trailer.length < Integer.BYTES) {
            throw new ModelFormatException(Reason.TRUNCATED, source + " is truncated: the 4-byte checksum after "
                                           + "the body is missing (" + trailer.length + " bytes found)");
        }
        final long extra = countRemaining(in);
        if (extra > FormatV1.MAX_COUNTED_TRAILING_BYTES) {
            throw new ModelFormatException(Reason.CORRUPT, source + " is corrupt: more than "
                                           + FormatV1.MAX_COUNTED_TRAILING_BYTES + " unexpected bytes after the "
                                           + "checksum, where the file should end");
        }
        if (extra > 0) {
            throw new ModelFormatException(Reason.CORRUPT, source + " is corrupt: " + extra
                                           + " unexpected byte(s) after the checksum, where the file should end");
        }
        crc.update(header, FormatV1.HEADER_BYTES - Integer.BYTES, Integer.BYTES);
        crc.update(body);
        final int storedCrc = ByteBuffer.wrap(trailer).getInt();
        if ((int) crc.getValue() != storedCrc) {
            throw new ModelFormatException(Reason.CORRUPT, source + " is corrupt: checksum mismatch (stored "
                                           + hex(storedCrc) + ", computed " + hex((int) crc.getValue()) + ")");
        }

        final DeceptronModel model = parseBody(new BodyReader(body, source, FormatV1.HEADER_BYTES, limits));
        if (expectedFamilyId != null && !expectedFamilyId.equals(model.familyId())) {
            throw new ModelFormatException(Reason.WRONG_FAMILY, source + " was trained for family '"
                                           + model.familyId() + "', expected family '" + expectedFamilyId + "'");
        }
        if (expectedFingerprint != null && !expectedFingerprint.equals(model.familyFingerprint())) {
            throw new ModelFormatException(Reason.WRONG_FINGERPRINT, source + " was trained for family '"
                                           + model.familyId() + "' with fingerprint '" + model.familyFingerprint()
                                           + "', expected fingerprint '" + expectedFingerprint
                                           + "' (the family changed since training)");
        }
        return model;
    }

    /**
     * Counts (and discards) the bytes left in a stream, stopping after {@link FormatV1#MAX_COUNTED_TRAILING_BYTES}
     * (an endless stream must not hang the reader).
     * @param in the stream
     * @return the number of bytes left, or a larger number than the limit when there are more
     * @throws IOException when reading fails
     */
    private static long countRemaining(final InputStream in) throws IOException {
        long count = 0;
        final byte[] scratch = new byte[4096];
        for (int r = in.read(scratch); r >= 0 && count <= FormatV1.MAX_COUNTED_TRAILING_BYTES; r = in.read(scratch)) {
            count += r;
        }
        return count;
    }

    /**
     * Parses the body.
     * @param r the body reader
     * @return the model
     */
    private static DeceptronModel parseBody(final BodyReader r) {
        final String name = r.readString("model name");
        final String familyId = r.readString("family id");
        final String fingerprint = r.readString("family fingerprint");
        final Network forward = readNetwork(r, "forward network f");
        final Network reverse = readNetwork(r, "reverse network g");
        final Normalization xNorm = readNormalization(r, "x normalization");
        final Normalization yNorm = readNormalization(r, "y normalization");
        final TrainingRecord record = readRecord(r);
        if (r.remaining() != 0) {
            throw r.corrupt(r.remaining() + " unexpected bytes after the training record");
        }
        final DeceptronModel model;
        try {
            model = new DeceptronModel(name, familyId, fingerprint, forward, reverse, xNorm, yNorm, record);
        } catch (MathIllegalArgumentException e) {
            throw r.corrupt(e.getMessage(), e);
        }
        final long session = model.sessionMemory();
        if (session > r.limits().maxSessionDoubles()) {
            throw r.tooLarge("a session of the model would allocate " + session + " doubles, over the limit of "
                             + r.limits().maxSessionDoubles() + " (ModelFile.MAX_SESSION_DOUBLES)");
        }
        return model;
    }

    /**
     * Reads a network.
     * @param r the body reader
     * @param what which network, for messages
     * @return the network
     */
    private static Network readNetwork(final BodyReader r, final String what) {
        try {
            return new Network(LayerCodecs.readLayers(r, what, 0));
        } catch (MathIllegalArgumentException e) {
            throw r.corrupt("inconsistent " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a normalisation.
     * @param r the body reader
     * @param what which one, for messages
     * @return the normalisation
     */
    private static Normalization readNormalization(final BodyReader r, final String what) {
        final int length = r.readCount("length of " + what, 1, r.remaining() / (2 * Double.BYTES));
        final double[] mean = r.readDoubles(length, "means of " + what);
        final double[] std = r.readDoubles(length, "standard deviations of " + what);
        try {
            return new Normalization(mean, std);
        } catch (MathIllegalArgumentException e) {
            throw r.corrupt("invalid " + what + ": " + e.getMessage(), e);
        }
    }

    /**
     * Reads a training record.
     * @param r the body reader
     * @return the record
     */
    private static TrainingRecord readRecord(final BodyReader r) {
        final TrainingRecord.Builder b = TrainingRecord.builder();
        try {
            b.seed(r.readLong("training seed"));
            b.trainerVersion(r.readString("trainer version"));
            b.dataSizes(r.readInt("training count"), r.readInt("validation count"));
            // layout: the stages' epochs, their losses, the two RJCPs, the stages' seconds, the total
            final int[] epochs = new int[TrainingRecord.STAGES];
            final double[] losses = new double[TrainingRecord.STAGES];
            final double[] seconds = new double[TrainingRecord.STAGES];
            for (int k = 0; k < epochs.length; k++) {
                epochs[k] = r.readInt("epochs S" + (k + 1));
            }
            for (int k = 0; k < losses.length; k++) {
                losses[k] = r.readDouble("loss S" + (k + 1));
            }
            b.rjcp(r.readDouble("RJCP +JCP"), r.readDouble("RJCP -JCP"));
            for (int k = 0; k < seconds.length; k++) {
                seconds[k] = r.readDouble("seconds S" + (k + 1));
            }
            b.totalSeconds(r.readDouble("total seconds"));
            for (int k = 0; k < epochs.length; k++) {
                b.stage(k + 1, new TrainingRecord.Stage(epochs[k], losses[k], seconds[k]));
            }
            b.jcp(r.readBoolean("JCP variant flag"));
            final int count = r.readCount("number of extra settings", 0,
                                          Math.min(FormatV1.MAX_EXTRA, r.remaining() / (2 * Integer.BYTES)));
            final Set<String> keys = new HashSet<>();
            for (int k = 0; k < count; k++) {
                final String key = r.readString("extra setting key " + k);
                if (!keys.add(key)) {
                    // the writer writes every key once: a repeated one would be silently dropped
                    throw r.corrupt("extra setting key '" + key + "' appears twice");
                }
                b.extra(key, r.readString("extra setting value '" + key + "'"));
            }
        } catch (IllegalArgumentException e) {
            throw r.corrupt("invalid training record: " + e.getMessage(), e);
        }
        return b.build();
    }

    /**
     * Describes the first bytes of a file for a message.
     * @param bytes the bytes
     * @param length how many to show
     * @return a description
     */
    private static String describe(final byte[] bytes, final int length) {
        final StringBuilder sb = new StringBuilder("bytes [");
        for (int i = 0; i < length; i++) {
            sb.append(i == 0 ? "" : " ").append(String.format("%02x", bytes[i] & 0xff));
        }
        return sb.append(']').toString();
    }

    /**
     * Formats a checksum.
     * @param value the checksum
     * @return hexadecimal text
     */
    private static String hex(final int value) {
        return String.format("0x%08x", value);
    }
}
