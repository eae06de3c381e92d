package org.deceptron.dipg.model;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.CRC32;
import org.deceptron.dipg.DipgFormats;
import org.deceptron.dipg.nn.Network;
import org.hipparchus.exception.MathIllegalArgumentException;

/** Writes format version 1 of {@link ModelFile}. */
final class ModelWriter {

    /** Utility class. */
    private ModelWriter() {
    }

    /**
     * Writes a model; flushes, does not close.
     * @param model the model
     * @param out the stream
     * @throws IOException when writing fails
     */
    static void write(final DeceptronModel model, final OutputStream out) throws IOException {
        final ByteArrayOutputStream bodyBytes = new ByteArrayOutputStream();
        final DataOutputStream body = new DataOutputStream(bodyBytes);
        writeString(body, model.name());
        writeString(body, model.familyId());
        writeString(body, model.familyFingerprint());
        writeNetwork(body, model.forwardNetwork());
        writeNetwork(body, model.reverseNetwork());
        writeNormalization(body, model.xNormalization());
        writeNormalization(body, model.yNormalization());
        writeRecord(body, model.trainingRecord());
        body.flush();

        final ByteArrayOutputStream headerBytes = new ByteArrayOutputStream(FormatV1.HEADER_BYTES);
        final DataOutputStream header = new DataOutputStream(headerBytes);
        header.write(ModelFile.MAGIC.getBytes(StandardCharsets.US_ASCII));
        header.writeInt(ModelFile.FORMAT_VERSION);
        header.writeLong(bodyBytes.size());
        final CRC32 headerCrc = new CRC32();
        headerCrc.update(headerBytes.toByteArray());
        header.writeInt((int) headerCrc.getValue());
        header.flush();

        final byte[] head = headerBytes.toByteArray();
        final byte[] content = bodyBytes.toByteArray();
        final CRC32 crc = new CRC32();
        crc.update(head);
        crc.update(content);
        final DataOutputStream data = new DataOutputStream(out);
        data.write(head);
        data.write(content);
        data.writeInt((int) crc.getValue());
        data.flush();
    }

    /**
     * Writes a string as a byte count and UTF-8 bytes.
     * @param out the stream
     * @param s the string
     * @throws IOException when writing fails
     * @throws MathIllegalArgumentException when the string is too long ({@link DipgFormats#MODEL_STRING_TOO_LONG})
     */
    private static void writeString(final DataOutputStream out, final String s) throws IOException {
        final byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > FormatV1.MAX_STRING_BYTES) {
            throw new MathIllegalArgumentException(DipgFormats.MODEL_STRING_TOO_LONG, bytes.length,
                                                   FormatV1.MAX_STRING_BYTES, s.substring(0, 40));
        }
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    /**
     * Writes a network.
     * @param out the stream
     * @param network the network
     * @throws IOException when writing fails
     */
    private static void writeNetwork(final DataOutputStream out, final Network network) throws IOException {
        LayerCodecs.writeLayers(out, network.layers());
    }

    /**
     * Writes a normalisation.
     * @param out the stream
     * @param norm the normalisation
     * @throws IOException when writing fails
     */
    private static void writeNormalization(final DataOutputStream out, final Normalization norm)
        throws IOException {
        out.writeInt(norm.length());
        writeDoubles(out, norm.mean());
        writeDoubles(out, norm.std());
    }

    /**
     * Writes a training record.
     * @param out the stream
     * @param r the record
     * @throws IOException when writing fails
     */
    private static void writeRecord(final DataOutputStream out, final TrainingRecord r) throws IOException {
        out.writeLong(r.seed());
        writeString(out, r.trainerVersion());
        out.writeInt(r.trainCount());
        out.writeInt(r.validationCount());
        // layout: the stages' epochs, their losses, the two RJCPs, the stages' seconds, the total
        for (int k = 1; k <= TrainingRecord.STAGES; k++) {
            out.writeInt(r.stage(k).epochs());
        }
        for (int k = 1; k <= TrainingRecord.STAGES; k++) {
            out.writeDouble(r.stage(k).loss());
        }
        out.writeDouble(r.rjcpWithJcp());
        out.writeDouble(r.rjcpWithoutJcp());
        for (int k = 1; k <= TrainingRecord.STAGES; k++) {
            out.writeDouble(r.stage(k).seconds());
        }
        out.writeDouble(r.totalSeconds());
        out.writeByte(r.jcp() ? 1 : 0);
        out.writeInt(r.extra().size());
        for (final Map.Entry<String, String> e : r.extra().entrySet()) {
            writeString(out, e.getKey());
            writeString(out, e.getValue());
        }
    }

    /**
     * Writes doubles (no length).
     * @param out the stream
     * @param values the values
     * @throws IOException when writing fails
     */
    private static void writeDoubles(final DataOutputStream out, final double[] values) throws IOException {
        for (final double v : values) {
            out.writeDouble(v);
        }
    }
}
