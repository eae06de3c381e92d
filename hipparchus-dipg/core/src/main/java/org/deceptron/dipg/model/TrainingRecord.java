package org.deceptron.dipg.model;

import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What is known about how a Deceptron was trained: seed, trainer version, data sizes, epochs, final losses,
 * validation RJCP and wall time of the three stages (S1 forward fit; S2 reverse with reconstruction and cycle
 * losses; S3 reverse with or without the Jacobian Composition Penalty), which variant the model is (+JCP or
 * -JCP), and free-form extra settings.
 * <p>
 * Immutable. Unknown doubles are NaN, unknown counts 0. Build with {@link #builder()} or start from
 * {@link #empty()} / {@link #toBuilder()}. Each stage is one {@link Stage} value.
 * </p>
 */
public final class TrainingRecord {

    /** The record with nothing known. */
    private static final TrainingRecord EMPTY = builder().build();

    /** Random seed. */
    private final long seed;

    /** Trainer version. */
    private final String trainerVersion;

    /** Training instances. */
    private final int trainCount;

    /** Validation instances. */
    private final int validationCount;

    /** Number of training stages (S1, S2, S3). */
    public static final int STAGES = 3;

    /** Epochs, final loss and wall time of S1, S2, S3, in that order. */
    private final Stage[] stages;

    /** Validation RJCP of the +JCP variant. */
    private final double rjcpWithJcp;

    /** Validation RJCP of the -JCP variant. */
    private final double rjcpWithoutJcp;

    /** Total wall seconds. */
    private final double totalSeconds;

    /** Whether this model is the +JCP variant. */
    private final boolean jcp;

    /** Extra settings, sorted by key, unmodifiable. */
    private final SortedMap<String, String> extra;

    /**
     * Creates a record from a builder.
     * @param b the builder
     */
    private TrainingRecord(final Builder b) {
        this.seed = b.seed;
        this.trainerVersion = b.trainerVersion;
        this.trainCount = b.trainCount;
        this.validationCount = b.validationCount;
        this.stages = b.stages.clone();
        this.rjcpWithJcp = b.rjcpWithJcp;
        this.rjcpWithoutJcp = b.rjcpWithoutJcp;
        this.totalSeconds = b.totalSeconds;
        this.jcp = b.jcp;
        this.extra = Collections.unmodifiableSortedMap(new TreeMap<>(b.extra));
    }

    /**
     * Returns the record with nothing known: seed 0, empty trainer version, zero counts and epochs, NaN losses,
     * RJCPs and times, the +JCP variant, no extra settings.
     * @return the empty record
     */
    public static TrainingRecord empty() {
        return EMPTY;
    }

    /**
     * Returns a builder initialised like {@link #empty()}.
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a builder initialised with this record's values.
     * @return a new builder
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * Returns the random seed of the training run.
     * @return the seed
     */
    public long seed() {
        return seed;
    }

    /**
     * Returns the version of the trainer that produced the model.
     * @return the trainer version, possibly empty
     */
    public String trainerVersion() {
        return trainerVersion;
    }

    /**
     * Returns the number of training instances.
     * @return the training count
     */
    public int trainCount() {
        return trainCount;
    }

    /**
     * Returns the number of validation instances.
     * @return the validation count
     */
    public int validationCount() {
        return validationCount;
    }

    /**
     * Returns what is known about one stage.
     * @param number the stage: 1 (S1, forward fit), 2 (S2, reverse with reconstruction and cycle losses) or 3 (S3,
     * reverse with or without JCP)
     * @return the stage's epochs, final loss and wall time
     * @throws IllegalArgumentException when the number is not 1, 2 or 3
     */
    public Stage stage(final int number) {
        return stages[index(number)];
    }

    /**
     * Returns stage S1 (forward fit).
     * @return the stage, like {@link #stage(int) stage(1)}
     */
    public Stage s1() {
        return stages[0];
    }

    /**
     * Returns stage S2 (reverse, reconstruction and cycle losses).
     * @return the stage, like {@link #stage(int) stage(2)}
     */
    public Stage s2() {
        return stages[1];
    }

    /**
     * Returns stage S3 (reverse with or without JCP).
     * @return the stage, like {@link #stage(int) stage(3)}
     */
    public Stage s3() {
        return stages[2];
    }

    /**
     * Returns the validation RJCP of the +JCP variant.
     * @return the RJCP, NaN if unknown
     */
    public double rjcpWithJcp() {
        return rjcpWithJcp;
    }

    /**
     * Returns the validation RJCP of the -JCP variant (the ablation).
     * @return the RJCP, NaN if unknown
     */
    public double rjcpWithoutJcp() {
        return rjcpWithoutJcp;
    }

    /**
     * Returns the validation RJCP of this model's own variant: {@link #rjcpWithJcp()} when {@link #jcp()}, else
     * {@link #rjcpWithoutJcp()}.
     * @return the RJCP, NaN if unknown
     */
    public double variantRjcp() {
        return jcp ? rjcpWithJcp : rjcpWithoutJcp;
    }

    /**
     * Returns the total wall time of the training.
     * @return seconds, NaN if unknown
     */
    public double totalSeconds() {
        return totalSeconds;
    }

    /**
     * Tells which variant this model is.
     * @return true for the +JCP model, false for the -JCP ablation
     */
    public boolean jcp() {
        return jcp;
    }

    /**
     * Returns the extra settings (e.g. {@code "lr.s1" -> "1e-3"}), sorted by key.
     * @return an unmodifiable map
     */
    public SortedMap<String, String> extra() {
        return extra;
    }

    /**
     * Compares all values (doubles bit for bit, so NaN equals NaN).
     * @param other the other object
     * @return true when all values are equal
     */
    @Override
    public boolean equals(final Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof TrainingRecord r)) {
            return false;
        }
        return seed == r.seed && trainerVersion.equals(r.trainerVersion)
               && trainCount == r.trainCount && validationCount == r.validationCount
               && Arrays.equals(stages, r.stages)
               && same(rjcpWithJcp, r.rjcpWithJcp) && same(rjcpWithoutJcp, r.rjcpWithoutJcp)
               && same(totalSeconds, r.totalSeconds) && jcp == r.jcp && extra.equals(r.extra);
    }

    /**
     * Compares two doubles bit for bit.
     * @param a first
     * @param b second
     * @return true when identical
     */
    private static boolean same(final double a, final double b) {
        return Double.doubleToLongBits(a) == Double.doubleToLongBits(b);
    }

    /**
     * Returns a hash code consistent with {@link #equals(Object)}.
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Objects.hash(seed, trainerVersion, trainCount, validationCount, Arrays.hashCode(stages),
                            rjcpWithJcp, rjcpWithoutJcp, totalSeconds, jcp, extra);
    }

    /**
     * Returns a one-line summary.
     * @return the summary
     */
    @Override
    public String toString() {
        return "TrainingRecord(" + (jcp ? "+JCP" : "-JCP") + ", seed=" + seed + ", trainer=" + trainerVersion
               + ", train/val=" + trainCount + "/" + validationCount + ", epochs=" + s1().epochs() + "/"
               + s2().epochs() + "/" + s3().epochs() + ", losses=" + s1().loss() + "/" + s2().loss() + "/"
               + s3().loss() + ", rjcp+=" + rjcpWithJcp + ", rjcp-=" + rjcpWithoutJcp + ", seconds="
               + s1().seconds() + "/" + s2().seconds() + "/" + s3().seconds() + " total " + totalSeconds
               + ", extra=" + extra + ")";
    }

    /**
     * Checks a stage number.
     * @param number the number
     * @return its index in {@link #stages}
     * @throws IllegalArgumentException when the number is not 1, 2 or 3
     */
    private static int index(final int number) {
        if (number < 1 || number > STAGES) {
            throw new IllegalArgumentException("stage must be 1, 2 or 3, got " + number);
        }
        return number - 1;
    }

    /**
     * What is known about one training stage. Unknown values: 0 epochs, NaN loss and seconds ({@link #UNKNOWN}).
     * @param epochs epochs run (&gt;= 0)
     * @param loss final (validation) loss of the stage, NaN if unknown
     * @param seconds wall time (&gt;= 0 and finite, or NaN if unknown)
     */
    public record Stage(int epochs, double loss, double seconds) {

        /** The stage with nothing known. */
        public static final Stage UNKNOWN = new Stage(0, Double.NaN, Double.NaN);

        /**
         * Checks the values.
         * @param epochs epochs run (&gt;= 0)
         * @param loss final loss, NaN if unknown
         * @param seconds wall time (&gt;= 0 and finite, or NaN)
         * @throws IllegalArgumentException on negative epochs or a negative or infinite time
         */
        public Stage {
            if (epochs < 0) {
                throw new IllegalArgumentException("epochs must be >= 0, got " + epochs);
            }
            Builder.time("seconds", seconds);
        }
    }

    /** Mutable builder of {@link TrainingRecord}s; validates each value as it is set. */
    public static final class Builder {

        /** Seed. */
        private long seed;

        /** Trainer version. */
        private String trainerVersion = "";

        /** Training count. */
        private int trainCount;

        /** Validation count. */
        private int validationCount;

        /** Stages S1, S2, S3. */
        private final Stage[] stages = {Stage.UNKNOWN, Stage.UNKNOWN, Stage.UNKNOWN};

        /** RJCP +JCP. */
        private double rjcpWithJcp = Double.NaN;

        /** RJCP -JCP. */
        private double rjcpWithoutJcp = Double.NaN;

        /** Total seconds. */
        private double totalSeconds = Double.NaN;

        /** Variant. */
        private boolean jcp = true;

        /** Extra settings. */
        private final SortedMap<String, String> extra = new TreeMap<>();

        /** Creates a builder with nothing known. */
        private Builder() {
        }

        /**
         * Creates a builder from a record.
         * @param r the record
         */
        private Builder(final TrainingRecord r) {
            seed = r.seed;
            trainerVersion = r.trainerVersion;
            trainCount = r.trainCount;
            validationCount = r.validationCount;
            System.arraycopy(r.stages, 0, stages, 0, STAGES);
            rjcpWithJcp = r.rjcpWithJcp;
            rjcpWithoutJcp = r.rjcpWithoutJcp;
            totalSeconds = r.totalSeconds;
            jcp = r.jcp;
            extra.putAll(r.extra);
        }

        /**
         * Sets the random seed.
         * @param value the seed
         * @return this builder
         */
        public Builder seed(final long value) {
            seed = value;
            return this;
        }

        /**
         * Sets the trainer version.
         * @param value the version (not null)
         * @return this builder
         */
        public Builder trainerVersion(final String value) {
            trainerVersion = Objects.requireNonNull(value, "trainerVersion");
            return this;
        }

        /**
         * Sets the data sizes.
         * @param train number of training instances (&gt;= 0)
         * @param validation number of validation instances (&gt;= 0)
         * @return this builder
         * @throws IllegalArgumentException on a negative count
         */
        public Builder dataSizes(final int train, final int validation) {
            trainCount = nonNegative("train count", train);
            validationCount = nonNegative("validation count", validation);
            return this;
        }

        /**
         * Sets what is known about one stage.
         * @param number the stage: 1, 2 or 3
         * @param value its epochs, final loss and wall time (not null)
         * @return this builder
         * @throws IllegalArgumentException when the number is not 1, 2 or 3
         */
        public Builder stage(final int number, final Stage value) {
            stages[index(number)] = Objects.requireNonNull(value, "stage");
            return this;
        }

        /**
         * Sets the three stages.
         * @param s1 S1 (forward fit)
         * @param s2 S2 (reverse, reconstruction and cycle)
         * @param s3 S3 (reverse with or without JCP)
         * @return this builder
         */
        public Builder stages(final Stage s1, final Stage s2, final Stage s3) {
            return stage(1, s1).stage(2, s2).stage(3, s3);
        }

        /**
         * Sets the validation RJCPs of both variants.
         * @param withJcp RJCP of the +JCP model (NaN if unknown)
         * @param withoutJcp RJCP of the -JCP model (NaN if unknown)
         * @return this builder
         */
        public Builder rjcp(final double withJcp, final double withoutJcp) {
            rjcpWithJcp = withJcp;
            rjcpWithoutJcp = withoutJcp;
            return this;
        }

        /**
         * Sets the total wall time of the training (all stages, data generation included).
         * @param value total seconds (&gt;= 0 or NaN)
         * @return this builder
         * @throws IllegalArgumentException on a negative or infinite time
         */
        public Builder totalSeconds(final double value) {
            totalSeconds = time("total seconds", value);
            return this;
        }

        /**
         * Sets the variant.
         * @param value true for the +JCP model, false for the -JCP ablation
         * @return this builder
         */
        public Builder jcp(final boolean value) {
            jcp = value;
            return this;
        }

        /**
         * Adds (or replaces) an extra setting.
         * @param key the key (not null)
         * @param value the value (not null)
         * @return this builder
         */
        public Builder extra(final String key, final String value) {
            extra.put(Objects.requireNonNull(key, "extra key"), Objects.requireNonNull(value, "extra value"));
            return this;
        }

        /**
         * Replaces all extra settings.
         * @param values the settings (no null keys or values)
         * @return this builder
         */
        public Builder extra(final Map<String, String> values) {
            extra.clear();
            values.forEach(this::extra);
            return this;
        }

        /**
         * Builds the record.
         * @return the record
         */
        public TrainingRecord build() {
            return new TrainingRecord(this);
        }

        /**
         * Checks a count.
         * @param what name for the message
         * @param value the count
         * @return the count
         */
        private static int nonNegative(final String what, final int value) {
            if (value < 0) {
                throw new IllegalArgumentException(what + " must be >= 0, got " + value);
            }
            return value;
        }

        /**
         * Checks a time.
         * @param what name for the message
         * @param value the time
         * @return the time
         */
        private static double time(final String what, final double value) {
            if (!Double.isNaN(value) && !(value >= 0 && value < Double.POSITIVE_INFINITY)) {
                throw new IllegalArgumentException(what + " must be >= 0 and finite, or NaN, got " + value);
            }
            return value;
        }
    }
}
