package org.deceptron.trainer;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Validation metrics of a reverse map g, in normalised coordinates, all on the fixed validation probes.
 * @param rec reconstruction {@code ||g(y) - x||^2} (or {@code g(f(x))}), mean per component
 * @param cyc cycle loss on clean y, {@code ||f(g(y)) - y||^2}
 * @param rjcp RJCP with the surrogate's Jacobian, {@code mean((J_g(f(x)) J_f(x) xi - xi)^2)}
 * @param rjcpExact RJCP with the family's exact tangent; empty when the family was not known
 */
public record ReverseMetrics(double rec, double cyc, double rjcp, OptionalDouble rjcpExact) {

    /**
     * Returns the S2 objective {@code rec + w_cyc cyc}.
     * @param cycleWeight the cycle weight
     * @return the objective
     */
    public double reverseObjective(final double cycleWeight) {
        return rec + cycleWeight * cyc;
    }

    /**
     * Returns the RJCP that goes with a JCP target: the exact one when JCP trains against the exact tangent.
     * @param target the target
     * @return the RJCP
     * @throws java.util.NoSuchElementException for the exact target when the family was not known
     */
    public double rjcp(final JcpTarget target) {
        return target == JcpTarget.EXACT ? rjcpExact.getAsDouble() : rjcp;
    }

    /**
     * Returns the metrics by their report names ({@code val_rec}, {@code val_cyc}, {@code val_rjcp} and, when
     * known, {@code val_rjcp_exact}), in that order: progress reports and the training record's extra keys.
     * @return an unmodifiable insertion-ordered map
     */
    public Map<String, Double> asMap() {
        final Map<String, Double> m = new LinkedHashMap<>();
        m.put("val_rec", rec);
        m.put("val_cyc", cyc);
        m.put("val_rjcp", rjcp);
        rjcpExact.ifPresent(v -> m.put("val_rjcp_exact", v));
        return Collections.unmodifiableMap(m);
    }
}
