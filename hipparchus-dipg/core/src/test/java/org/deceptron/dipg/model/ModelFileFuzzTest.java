package org.deceptron.dipg.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.zip.CRC32;
import org.deceptron.dipg.nn.Convolution;
import org.deceptron.dipg.nn.Dense;
import org.deceptron.dipg.nn.LeakyRelu;
import org.deceptron.dipg.nn.Network;
import org.deceptron.dipg.nn.Padding;
import org.deceptron.dipg.nn.Reshape;
import org.deceptron.dipg.nn.ResidualBlock;
import org.deceptron.dipg.nn.Tanh;
import org.deceptron.dipg.spi.DeceptronSession;
import org.junit.jupiter.api.Test;

/**
 * Model-file fuzzing: thousands of deterministic mutants of a small model that uses every layer tag (truncations,
 * bit flips, byte overwrites, appended, inserted, deleted and spliced bytes, and every int, long and a sample of
 * double fields of the layout set to crafted values), most of them with recomputed header and body checksums so
 * that the mutation reaches the parser. Every read must end in a model or a {@link ModelFormatException}, allocate
 * at most a small multiple of the file size and take a bounded time.
 * <p>
 * A mutant that still reads is either the original model (the change was lost in the canonical form, e.g. a NaN
 * payload) or a valid different model (e.g. another weight or name, unsorted extra settings, double values that a
 * float tag can hold): it must then write back consistently (reading what it writes gives the same bytes again) and
 * evaluate without exception.
 * </p>
 */
class ModelFileFuzzTest {

    /** Deterministic seed of the random mutants. */
    private static final long SEED = 20240611L;

    /** Random mutants besides the crafted fields. */
    private static final int RANDOM_MUTANTS = 9000;

    /**
     * Bytes a read may allocate, per byte of the file: the body copy, values widened from float32 to double and the
     * layers' copies of them, the decoded strings. The model a mutant declares is capped by the reader, and backed
     * by the file's bytes: no more is needed.
     */
    private static final long ALLOCATION_PER_BYTE = 8;

    /** Bytes a read may allocate besides {@link #ALLOCATION_PER_BYTE} per byte (buffers, messages, exceptions). */
    private static final long ALLOCATION_CONSTANT = 128 * 1024;

    /** Longest acceptable read of a mutant: a read takes well under a millisecond, the margin is for GC pauses
     * and a shared machine; a hang is caught by the run's timeout. */
    private static final Duration READ_BUDGET = Duration.ofSeconds(1);

    /** Crafted values of int fields; the field's own value plus and minus one and doubled are added. */
    private static final int[] CRAFTED_INTS = {0, -1, 1, 2, 3, 4, 5, 7, 8, 9, 255, 1 << 16, (1 << 24) + 1, 1 << 28,
                                               1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, Integer.MAX_VALUE - 64};

    /** Crafted values of long fields. */
    private static final long[] CRAFTED_LONGS = {0, -1, 1, Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE,
                                                 1L << 31, 1L << 40, Integer.MAX_VALUE - 64};

    /** Crafted values of double fields. */
    private static final double[] CRAFTED_DOUBLES = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                                                     0.0, -0.0, -1, Double.MAX_VALUE, Double.MIN_VALUE};

    /** A field of the layout: where, how wide, what. */
    private record Field(int offset, int width, String name, boolean floating) {
    }

    /** A mutant and how it was made. */
    private record Mutant(String description, byte[] bytes, boolean trickle) {
    }

    /** Per-run statistics. */
    private static final class Stats {
        private int reads;
        private int identical;
        private int differentButConsistent;
        private final Map<String, Integer> outcomes = new TreeMap<>();
        private final List<String> failures = new ArrayList<>();
        private long maxAllocated;
        private String maxAllocatedMutant = "";
        private double maxAllocatedPerByte;
        private long maxNanos;
        private String slowestMutant = "";
        private long totalNanos;
    }

    /** A small model that uses every layer tag: Dense 1 and 7, LeakyRelu, Tanh, Convolution 4 and 8 in 1-, 2- and
     * 3-D with both paddings, Residual with and without post-activation, Reshape. */
    static DeceptronModel everyTag() {
        final Random random = new Random(11);
        final Network f = new Network(List.of(
            new Dense(6, 12, floats(random, 72, 0.5), floats(random, 12, 0.1)),
            new LeakyRelu(0.1),
            new Convolution(1, 2, 2, 3, Padding.CIRCULAR, new int[] {6}, TestModels.random(random, 12, 0.4),
                            TestModels.random(random, 2, 0.1)),
            new ResidualBlock(List.of(new Convolution(2, 2, 2, 3, Padding.ZERO, new int[] {2, 3},
                                                      floats(random, 36, 0.3), floats(random, 2, 0.1)),
                                      new Tanh()), new LeakyRelu(0.2)),
            new Reshape(12),
            new Dense(12, 8, TestModels.random(random, 96, 0.3), TestModels.random(random, 8, 0.1))));
        final Network g = new Network(List.of(
            new Reshape(8),
            new Convolution(3, 1, 1, 3, Padding.ZERO, new int[] {2, 2, 2}, TestModels.random(random, 27, 0.2),
                            TestModels.random(random, 1, 0.1)),
            new Tanh(),
            new ResidualBlock(List.of(new Dense(8, 8, floats(random, 64, 0.3), floats(random, 8, 0.1))), null),
            new Dense(8, 6, TestModels.random(random, 48, 0.4), TestModels.random(random, 6, 0.1))));
        return new DeceptronModel("fuzz \u00e9", TestModels.FAMILY, TestModels.FINGERPRINT, f, g,
                                  TestModels.normalization(random, 6), TestModels.normalization(random, 8),
                                  TestModels.record());
    }

    private static double[] floats(final Random random, final int n, final double scale) {
        final double[] v = TestModels.random(random, n, scale);
        for (int i = 0; i < n; i++) {
            v[i] = (float) v[i];
        }
        return v;
    }

    @Test
    void everyMutantReadsToAModelOrAModelFormatExceptionWithBoundedAllocationAndTime() throws IOException {
        final byte[] original = TestModels.bytes(everyTag());
        final List<Field> fields = new LayoutScanner(original).scan();
        // the scanner walked the whole file: it knows the layout the mutants attack
        assertThat(fields.get(fields.size() - 1).offset()).isEqualTo(original.length - Integer.BYTES);
        final List<Mutant> mutants = mutants(original, fields, new Random(SEED));
        assertThat(mutants.size()).isGreaterThanOrEqualTo(5000);

        final long start = System.nanoTime();
        final Stats stats = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            // warm up (class loading and first-time initialisation of every error path), then measure
            for (int k = 0; k < mutants.size(); k += 7) {
                check(original, mutants.get(k), new Stats());
            }
            final Stats s = new Stats();
            for (final Mutant mutant : mutants) {
                check(original, mutant, s);
            }
            return s;
        });
        final double seconds = (System.nanoTime() - start) * 1e-9;
        final Stats baseline = new Stats();
        check(original, new Mutant("original", original, false), baseline);
        System.out.printf("model file fuzz: %d mutants of a %d-byte file in %.1f s (with warm-up): %s; read "
                          + "identically %d, valid and different %d; allocation per read: original %d bytes, max %d "
                          + "bytes (%s), max %.1f x the file size for mutants of at least half its size; time per "
                          + "read: mean %.3f ms, max %.2f ms (%s)%n", stats.reads, original.length, seconds,
                          stats.outcomes, stats.identical, stats.differentButConsistent, baseline.maxAllocated,
                          stats.maxAllocated, stats.maxAllocatedMutant, stats.maxAllocatedPerByte,
                          stats.totalNanos * 1e-6 / stats.reads, stats.maxNanos * 1e-6, stats.slowestMutant);
        assertThat(stats.failures).as("mutants not read to a model or a ModelFormatException, or over budget")
            .isEmpty();
        assertThat(stats.reads).isEqualTo(mutants.size());
        // most mutants reach the parser and are refused there, not by a checksum
        assertThat(stats.outcomes.getOrDefault("CORRUPT (content)", 0)).isGreaterThan(mutants.size() / 4);
    }

    /** Reads one mutant and records the outcome. */
    private static void check(final byte[] original, final Mutant mutant, final Stats stats) throws IOException {
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        final long thread = Thread.currentThread().getId();
        final InputStream in = mutant.trickle() ? new Trickle(mutant.bytes()) : new ByteArrayInputStream(mutant.bytes());
        final long allocatedBefore = threads.getThreadAllocatedBytes(thread);
        final long t0 = System.nanoTime();
        DeceptronModel model = null;
        Throwable failure = null;
        try {
            model = ModelFile.read(in);
        } catch (Throwable e) {
            failure = e;
        }
        final long nanos = System.nanoTime() - t0;
        final long allocated = threads.getThreadAllocatedBytes(thread) - allocatedBefore;
        stats.reads++;
        stats.totalNanos += nanos;
        final String what = mutant.description() + " (" + mutant.bytes().length + " bytes)";
        if (nanos > stats.maxNanos) {
            stats.maxNanos = nanos;
            stats.slowestMutant = what;
        }
        if (allocated > stats.maxAllocated) {
            stats.maxAllocated = allocated;
            stats.maxAllocatedMutant = what;
        }
        if (2 * mutant.bytes().length >= original.length) {
            // relative to the file size, for mutants of about the original size (a tiny file allocates a constant)
            stats.maxAllocatedPerByte = Math.max(stats.maxAllocatedPerByte,
                                                 allocated / (double) mutant.bytes().length);
        }
        if (allocated > ALLOCATION_PER_BYTE * mutant.bytes().length + ALLOCATION_CONSTANT) {
            stats.failures.add(what + ": allocated " + allocated + " bytes");
        }
        if (nanos > READ_BUDGET.toNanos()) {
            stats.failures.add(what + ": took " + nanos / 1_000_000 + " ms");
        }
        if (failure instanceof ModelFormatException) {
            final ModelFormatException e = (ModelFormatException) failure;
            final String outcome = e.reason() == ModelFormatException.Reason.CORRUPT
                                   ? e.getMessage().contains("checksum mismatch") ? "CORRUPT (checksum)"
                                                                                 : "CORRUPT (content)"
                                   : e.reason().toString();
            stats.outcomes.merge(outcome, 1, Integer::sum);
        } else if (failure != null) {
            stats.outcomes.merge(failure.getClass().getSimpleName(), 1, Integer::sum);
            stats.failures.add(what + ": " + failure);
        } else {
            stats.outcomes.merge("read", 1, Integer::sum);
            checkValid(original, model, stats, what);
        }
    }

    /** A mutant that reads: the original, or a valid model that writes back consistently and evaluates. */
    private static void checkValid(final byte[] original, final DeceptronModel model, final Stats stats,
                                   final String what) throws IOException {
        final byte[] written = TestModels.bytes(model);
        if (Arrays.equals(written, original)) {
            stats.identical++;
            return;
        }
        try {
            final byte[] again = TestModels.bytes(ModelFile.read(new ByteArrayInputStream(written)));
            if (!Arrays.equals(again, written)) {
                stats.failures.add(what + ": reads to a model that does not write back consistently");
                return;
            }
            final DeceptronSession session = new ModelDeceptron(model).newSession();
            final int n = model.parameterSize();
            final int m = model.observationSize();
            session.forwardJvp(new double[n], new double[n], new double[m], new double[m]);
            session.inverseJvp(new double[m], new double[m], new double[n], new double[n]);
            stats.differentButConsistent++;
        } catch (RuntimeException e) {
            stats.failures.add(what + ": valid mutant fails after reading: " + e);
        }
    }

    /** Builds the mutants: every field set to crafted values, then random mutations. */
    private static List<Mutant> mutants(final byte[] original, final List<Field> fields, final Random random) {
        final List<Mutant> mutants = new ArrayList<>();
        for (final Field field : fields) {
            if (field.floating()) {
                if (random.nextInt(4) == 0) {
                    for (final double v : CRAFTED_DOUBLES) {
                        final byte[] b = original.clone();
                        ByteBuffer.wrap(b).putDouble(field.offset(), v);
                        add(mutants, field.name() + " = " + v, fixChecksums(b), random);
                    }
                }
            } else if (field.width() == Long.BYTES) {
                final long current = ByteBuffer.wrap(original).getLong(field.offset());
                for (final long v : withNeighbours(CRAFTED_LONGS, current)) {
                    final byte[] b = original.clone();
                    ByteBuffer.wrap(b).putLong(field.offset(), v);
                    add(mutants, field.name() + " = " + v, fixChecksums(b), random);
                }
            } else {
                final int current = ByteBuffer.wrap(original).getInt(field.offset());
                final long[] values = withNeighbours(Arrays.stream(CRAFTED_INTS).asLongStream().toArray(), current);
                for (final long v : values) {
                    final byte[] b = original.clone();
                    ByteBuffer.wrap(b).putInt(field.offset(), (int) v);
                    final boolean checksum = field.name().contains("CRC");
                    // a checksum field is mutated as is; every other field behind recomputed checksums
                    add(mutants, field.name() + " = " + (int) v, checksum ? b : fixChecksums(b), random);
                }
            }
        }
        for (int k = 0; k < RANDOM_MUTANTS; k++) {
            final boolean fix = random.nextInt(10) < 7;
            final int kind = random.nextInt(7);
            byte[] b;
            String description;
            switch (kind) {
                case 0: {
                    final int length = random.nextInt(original.length);
                    b = Arrays.copyOf(original, length);
                    description = "truncated to " + length;
                    break;
                }
                case 1: {
                    b = original.clone();
                    final int flips = 1 + random.nextInt(4);
                    final StringBuilder sb = new StringBuilder("flipped bits");
                    for (int i = 0; i < flips; i++) {
                        final int bit = random.nextInt(8 * b.length);
                        b[bit / 8] ^= (byte) (1 << (bit % 8));
                        sb.append(' ').append(bit);
                    }
                    description = sb.toString();
                    break;
                }
                case 2: {
                    b = original.clone();
                    final int at = random.nextInt(b.length);
                    final int count = Math.min(b.length - at, 1 + random.nextInt(8));
                    for (int i = 0; i < count; i++) {
                        b[at + i] = (byte) random.nextInt(256);
                    }
                    description = "overwrote " + count + " bytes at " + at;
                    break;
                }
                case 3: {
                    final int count = 1 + random.nextInt(64);
                    b = Arrays.copyOf(original, original.length + count);
                    for (int i = original.length; i < b.length; i++) {
                        b[i] = (byte) random.nextInt(256);
                    }
                    description = "appended " + count + " bytes";
                    break;
                }
                case 4: {
                    final int at = FormatV1.HEADER_BYTES + random.nextInt(original.length - FormatV1.HEADER_BYTES);
                    final int count = 1 + random.nextInt(16);
                    b = new byte[original.length + count];
                    System.arraycopy(original, 0, b, 0, at);
                    for (int i = 0; i < count; i++) {
                        b[at + i] = (byte) random.nextInt(256);
                    }
                    System.arraycopy(original, at, b, at + count, original.length - at);
                    description = "inserted " + count + " bytes at " + at;
                    break;
                }
                case 5: {
                    final int at = FormatV1.HEADER_BYTES + random.nextInt(original.length - FormatV1.HEADER_BYTES - 8);
                    final int count = Math.min(original.length - at - 4, 1 + random.nextInt(16));
                    b = new byte[original.length - count];
                    System.arraycopy(original, 0, b, 0, at);
                    System.arraycopy(original, at + count, b, at, original.length - at - count);
                    description = "deleted " + count + " bytes at " + at;
                    break;
                }
                default: {
                    b = original.clone();
                    final int count = 4 + random.nextInt(60);
                    final int from = random.nextInt(b.length - count);
                    final int to = random.nextInt(b.length - count);
                    System.arraycopy(original, from, b, to, count);
                    description = "copied " + count + " bytes from " + from + " to " + to;
                    break;
                }
            }
            if (fix) {
                // insertions and deletions also get their body length updated, half of the time
                final boolean resize = (kind == 4 || kind == 5 || kind == 3) && random.nextBoolean();
                b = resize ? fixChecksums(fixBodyLength(b)) : fixChecksums(b);
                description += resize ? ", body length and checksums recomputed" : ", checksums recomputed";
            }
            add(mutants, description, b, random);
        }
        return mutants;
    }

    private static void add(final List<Mutant> mutants, final String description, final byte[] bytes,
                            final Random random) {
        // a tenth of the reads go through a stream that delivers a few bytes at a time (not a ByteArrayInputStream)
        final boolean trickle = random.nextInt(10) == 0;
        mutants.add(new Mutant(description + (trickle ? " [trickle]" : ""), bytes, trickle));
    }

    private static long[] withNeighbours(final long[] crafted, final long current) {
        final long[] values = Arrays.copyOf(crafted, crafted.length + 4);
        values[crafted.length] = current + 1;
        values[crafted.length + 1] = current - 1;
        values[crafted.length + 2] = current * 2;
        values[crafted.length + 3] = current << 8;
        return Arrays.stream(values).filter(v -> v != current).distinct().toArray();
    }

    /** Sets the body length of the header to what the file holds (when it has a header and a trailer). */
    private static byte[] fixBodyLength(final byte[] b) {
        if (b.length >= FormatV1.HEADER_BYTES + Integer.BYTES) {
            ByteBuffer.wrap(b).putLong(12, b.length - FormatV1.HEADER_BYTES - Integer.BYTES);
        }
        return b;
    }

    /** Recomputes the header checksum and the trailing checksum, as a forger would. */
    static byte[] fixChecksums(final byte[] b) {
        if (b.length >= FormatV1.HEADER_BYTES) {
            final CRC32 header = new CRC32();
            header.update(b, 0, FormatV1.HEADER_BYTES - Integer.BYTES);
            ByteBuffer.wrap(b).putInt(FormatV1.HEADER_BYTES - Integer.BYTES, (int) header.getValue());
        }
        if (b.length >= FormatV1.HEADER_BYTES + Integer.BYTES) {
            final CRC32 all = new CRC32();
            all.update(b, 0, b.length - Integer.BYTES);
            ByteBuffer.wrap(b).putInt(b.length - Integer.BYTES, (int) all.getValue());
        }
        return b;
    }

    /** A stream that delivers at most 7 bytes per read. */
    private static final class Trickle extends FilterInputStream {

        private int next = 1;

        Trickle(final byte[] bytes) {
            super(new BufferedInputStream(new ByteArrayInputStream(bytes), 16));
        }

        @Override
        public int read(final byte[] b, final int off, final int len) throws IOException {
            next = next % 7 + 1;
            return super.read(b, off, Math.min(len, next));
        }
    }

    /** Walks a valid model file and lists the offsets of its int, long and double fields (format version 1). */
    static final class LayoutScanner {

        private final ByteBuffer buffer;

        private final List<Field> fields = new ArrayList<>();

        LayoutScanner(final byte[] file) {
            this.buffer = ByteBuffer.wrap(file);
        }

        List<Field> scan() {
            buffer.position(8);
            readInt("format version");
            readLong("body length");
            readInt("header CRC");
            string("model name");
            string("family id");
            string("family fingerprint");
            network("f");
            network("g");
            normalization("x normalization");
            normalization("y normalization");
            readLong("training seed");
            string("trainer version");
            for (final String name : new String[] {"training count", "validation count", "epochs S1", "epochs S2",
                                                   "epochs S3"}) {
                readInt(name);
            }
            for (int k = 0; k < 9; k++) {
                readDouble("record double " + k);
            }
            buffer.get();
            final int extras = readInt("extra count");
            for (int k = 0; k < extras; k++) {
                string("extra key " + k);
                string("extra value " + k);
            }
            readInt("trailer CRC");
            assertThat(buffer.remaining()).isZero();
            return fields;
        }

        private int readInt(final String name) {
            fields.add(new Field(buffer.position(), Integer.BYTES, name, false));
            return buffer.getInt();
        }

        private void readLong(final String name) {
            fields.add(new Field(buffer.position(), Long.BYTES, name, false));
            buffer.getLong();
        }

        private void readDouble(final String name) {
            fields.add(new Field(buffer.position(), Double.BYTES, name, true));
            buffer.getDouble();
        }

        private void string(final String name) {
            final int length = readInt("length of " + name);
            buffer.position(buffer.position() + length);
        }

        private void normalization(final String name) {
            final int length = readInt("length of " + name);
            for (int k = 0; k < 2 * length; k++) {
                readDouble(name + " value " + k);
            }
        }

        private void network(final String name) {
            final int count = readInt("layer count of " + name);
            for (int k = 0; k < count; k++) {
                layer(name + " layer " + k);
            }
        }

        private void values(final String name, final long count, final boolean single) {
            for (long k = 0; k < count; k++) {
                if (single) {
                    buffer.getFloat();
                } else {
                    readDouble(name + " value " + k);
                }
            }
        }

        private void layer(final String name) {
            final int tag = readInt("tag of " + name);
            switch (tag) {
                case 1:
                case 7: {
                    final int in = readInt("input size of " + name);
                    final int out = readInt("output size of " + name);
                    values(name, (long) in * out + out, tag == 7);
                    break;
                }
                case 2:
                    readDouble("slope of " + name);
                    break;
                case 3:
                    break;
                case 4:
                case 8: {
                    final int dims = readInt("dims of " + name);
                    final int in = readInt("input channels of " + name);
                    final int out = readInt("output channels of " + name);
                    final int kernel = readInt("kernel of " + name);
                    readInt("padding of " + name);
                    long taps = 1;
                    for (int k = 0; k < dims; k++) {
                        readInt("spatial size " + k + " of " + name);
                        taps *= kernel;
                    }
                    values(name, (long) out * in * taps + out, tag == 8);
                    break;
                }
                case 5: {
                    network("body of " + name);
                    if (buffer.get() == 1) {
                        layer("post-activation of " + name);
                    }
                    break;
                }
                case 6:
                    readInt("size of " + name);
                    break;
                default:
                    throw new IllegalStateException("unknown tag " + tag + " at " + name);
            }
        }
    }
}
