package org.deceptron.examples.solve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The example end to end on a plain class path: the family jar and the model bundle (with the shipped, trained
 * model) are found by ServiceLoader, D-IPG uses the Deceptron and succeeds wherever LM does.
 */
class SolveSineGordonTest {

    @Test
    void dipgUsesTheShippedDeceptronAndSucceeds() {
        SolveSineGordon.solve(2, 99);   // warm-up
        final List<SolveSineGordon.Outcome> outcomes = SolveSineGordon.solve(10, 2026);
        double dipgMillis = 0;
        double lmMillis = 0;
        for (final SolveSineGordon.Outcome o : outcomes) {
            assertThat(o.dipg().getDeceptronName()).as(o.dipg().getDeceptronStatus()).isPresent();
            assertThat(o.dipg().getDipgSteps()).as(o.dipg().briefReport()).isPositive();
            assertThat(o.dipgSuccess()).as(o.dipg().briefReport()).isTrue();
            assertThat(o.lmSuccess()).isTrue();
            dipgMillis += o.dipgMillis();
            lmMillis += o.lmMillis();
        }
        System.out.printf("sine-gordon-1d, 10 instances: D-IPG %.1f ms in total, LM %.1f ms (%.1fx); D-IPG used %s%n",
                          dipgMillis, lmMillis, lmMillis / dipgMillis,
                          outcomes.get(0).dipg().getDeceptronName().orElseThrow());
    }
}
