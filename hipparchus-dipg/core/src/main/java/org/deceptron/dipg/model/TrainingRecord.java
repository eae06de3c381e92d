package org.deceptron.dipg.model;

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
 * {@link #empty()} / {@link #toBuilder()}.
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

    /** Epochs of S1, S2, S3. */
    private final int epochsS1;

    /** Epochs of S2. */
    private final int epochsS2;

    /** Epochs of S3. */
    private final int epochsS3;

    /** Final loss of S1. */
    private final double lossS1;

    /** Final loss of S2. */
    private final double lossS2;

    /** Final loss of S3. */
    private final double lossS3;

    /** Validation RJCP of the +JCP variant. */
    private final double rjcpWithJcp;

    /** Validation RJCP of the -JCP variant. */
    private final double rjcpWithoutJcp;

    /** Wall seconds of S1. */
    private final double secondsS1;

    /** Wall seconds of S2. */
    private final double secondsS2;

    /** Wall seconds of S3. */
    private final double secondsS3;

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
        this.epochsS1 = b.epochsS1;
        this.epochsS2 = b.epochsS2;
        this.epochsS3 = b.epochsS3;
        this.lossS1 = b.lossS1;
        this.lossS2 = b.lossS2;
        this.lossS3 = b.lossS3;
        this.rjcpWithJcp = b.rjcpWithJcp;
        this.rjcpWithoutJcp = b.rjcpWithoutJcp;
        this.secondsS1 = b.secondsS1;
        this.secondsS2 = b.secondsS2;
        this.secondsS3 = b.secondsS3;
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
     * Returns the epochs of stage S1 (forward fit).
     * @return the epochs
     */
    public int epochsS1() {
        return epochsS1;
    }

    /**
     * Returns the epochs of stage S2 (reverse, reconstruction and cycle losses).
     * @return the epochs
     */
    public int epochsS2() {
        return epochsS2;
    }

    /**
     * Returns the epochs of stage S3 (reverse with or without JCP).
     * @return the epochs
     */
    public int epochsS3() {
        return epochsS3;
    }

    /**
     * Returns the final loss of stage S1.
     * @return the loss, NaN if unknown
     */
    public double lossS1() {
        return lossS1;
    }

    /**
     * Returns the final loss of stage S2.
     * @return the loss, NaN if unknown
     */
    public double lossS2() {
        return lossS2;
    }

    /**
     * Returns the final loss of stage S3.
     * @return the loss, NaN if unknown
     */
    public double lossS3() {
        return lossS3;
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
     * Returns the wall time of stage S1.
     * @return seconds, NaN if unknown
     */
    public double secondsS1() {
        return secondsS1;
    }

    /**
     * Returns the wall time of stage S2.
     * @return seconds, NaN if unknown
     */
    public double secondsS2() {
        return secondsS2;
    }

    /**
     * Returns the wall time of stage S3.
     * @return seconds, NaN if unknown
     */
    public double secondsS3() {
        return secondsS3;
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
               && epochsS1 == r.epochsS1 && epochsS2 == r.epochsS2 && epochsS3 == r.epochsS3
               && same(lossS1, r.lossS1) && same(lossS2, r.lossS2) && same(lossS3, r.lossS3)
               && same(rjcpWithJcp, r.rjcpWithJcp) && same(rjcpWithoutJcp, r.rjcpWithoutJcp)
               && same(secondsS1, r.secondsS1) && same(secondsS2, r.secondsS2) && same(secondsS3, r.secondsS3)
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
        return Objects.hash(seed, trainerVersion, trainCount, validationCount, epochsS1, epochsS2, epochsS3,
                            lossS1, lossS2, lossS3, rjcpWithJcp, rjcpWithoutJcp, secondsS1, secondsS2, secondsS3,
                            totalSeconds, jcp, extra);
    }

    /**
     * Returns a one-line summary.
     * @return the summary
     */
    @Override
    public String toString() {
        return "TrainingRecord(" + (jcp ? "+JCP" : "-JCP") + ", seed=" + seed + ", trainer=" + trainerVersion
               + ", train/val=" + trainCount + "/" + validationCount + ", epochs=" + epochsS1 + "/" + epochsS2 + "/"
               + epochsS3 + ", losses=" + lossS1 + "/" + lossS2 + "/" + lossS3 + ", rjcp+=" + rjcpWithJcp
               + ", rjcp-=" + rjcpWithoutJcp + ", seconds=" + secondsS1 + "/" + secondsS2 + "/" + secondsS3
               + " total " + totalSeconds + ", extra=" + extra + ")";
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

        /** Epochs S1. */
        private int epochsS1;

        /** Epochs S2. */
        private int epochsS2;

        /** Epochs S3. */
        private int epochsS3;

        /** Loss S1. */
        private double lossS1 = Double.NaN;

        /** Loss S2. */
        private double lossS2 = Double.NaN;

        /** Loss S3. */
        private double lossS3 = Double.NaN;

        /** RJCP +JCP. */
        private double rjcpWithJcp = Double.NaN;

        /** RJCP -JCP. */
        private double rjcpWithoutJcp = Double.NaN;

        /** Seconds S1. */
        private double secondsS1 = Double.NaN;

        /** Seconds S2. */
        private double secondsS2 = Double.NaN;

        /** Seconds S3. */
        private double secondsS3 = Double.NaN;

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
            epochsS1 = r.epochsS1;
            epochsS2 = r.epochsS2;
            epochsS3 = r.epochsS3;
            lossS1 = r.lossS1;
            lossS2 = r.lossS2;
            lossS3 = r.lossS3;
            rjcpWithJcp = r.rjcpWithJcp;
            rjcpWithoutJcp = r.rjcpWithoutJcp;
            secondsS1 = r.secondsS1;
            secondsS2 = r.secondsS2;
            secondsS3 = r.secondsS3;
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
         * Sets the epochs of the three stages.
         * @param s1 epochs of S1 (&gt;= 0)
         * @param s2 epochs of S2 (&gt;= 0)
         * @param s3 epochs of S3 (&gt;= 0)
         * @return this builder
         * @throws IllegalArgumentException on a negative count
         */
        public Builder epochs(final int s1, final int s2, final int s3) {
            epochsS1 = nonNegative("epochs S1", s1);
            epochsS2 = nonNegative("epochs S2", s2);
            epochsS3 = nonNegative("epochs S3", s3);
            return this;
        }

        /**
         * Sets the final losses of the three stages.
         * @param s1 loss of S1 (NaN if unknown)
         * @param s2 loss of S2 (NaN if unknown)
         * @param s3 loss of S3 (NaN if unknown)
         * @return this builder
         */
        public Builder losses(final double s1, final double s2, final double s3) {
            lossS1 = s1;
            lossS2 = s2;
            lossS3 = s3;
            return this;
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
         * Sets the wall times.
         * @param s1 seconds of S1 (&gt;= 0 or NaN)
         * @param s2 seconds of S2 (&gt;= 0 or NaN)
         * @param s3 seconds of S3 (&gt;= 0 or NaN)
         * @param total total seconds (&gt;= 0 or NaN)
         * @return this builder
         * @throws IllegalArgumentException on a negative or infinite time
         */
        public Builder seconds(final double s1, final double s2, final double s3, final double total) {
            secondsS1 = time("seconds S1", s1);
            secondsS2 = time("seconds S2", s2);
            secondsS3 = time("seconds S3", s3);
            totalSeconds = time("total seconds", total);
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
