package org.deceptron.trainer;

import java.util.Objects;

/**
 * How the Jacobian composition penalty {@code E||J_g J xi - xi||^2} is estimated: against which forward Jacobian,
 * with how many samples and Rademacher probes per training batch (JCP) and on validation (RJCP, which also scores
 * the S3 checkpoint).
 * @param samples samples per batch on which JCP is computed (&gt; 0; option {@code jcpSamples})
 * @param probes Rademacher probes per JCP sample (&gt; 0; option {@code jcpProbes})
 * @param rjcpSamples validation samples of RJCP (&gt; 0)
 * @param rjcpProbes probes per RJCP sample (&gt; 0)
 * @param target the Jacobian composed with g's: the surrogate's (the paper) or the family's exact tangent
 */
public record JcpSampling(int samples, int probes, int rjcpSamples, int rjcpProbes, JcpTarget target) {

    /**
     * Checks the sampling.
     * @throws org.hipparchus.exception.MathIllegalArgumentException ({@link TrainerFormats#INVALID_OPTION})
     * naming the first count out of range
     * @throws NullPointerException on a null target
     */
    public JcpSampling {
        OptionChecks.positive("jcpSamples", samples);
        OptionChecks.positive("jcpProbes", probes);
        OptionChecks.positive("rjcpSamples", rjcpSamples);
        OptionChecks.positive("rjcpProbes", rjcpProbes);
        Objects.requireNonNull(target, "jcpTarget");
    }
}
