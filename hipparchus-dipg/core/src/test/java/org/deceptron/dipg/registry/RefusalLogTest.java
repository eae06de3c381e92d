package org.deceptron.dipg.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import org.junit.jupiter.api.Test;

/** A refused Deceptron is reported once, at WARNING, through System.Logger (java.util.logging by default). */
class RefusalLogTest {

    @Test
    void aRefusalIsLoggedOnceWithItsReason() {
        final Logger jul = Logger.getLogger("org.deceptron.dipg.registry");
        final List<LogRecord> records = new ArrayList<>();
        final Handler handler = new Handler() {
            @Override
            public void publish(final LogRecord r) {
                records.add(r);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        jul.addHandler(handler);
        try {
            final String reason = "fingerprint mismatch: model trained for A, family is B (test " + System.nanoTime()
                    + ")";
            assertThat(RefusalLog.report("refusal-test", reason)).isTrue();
            assertThat(RefusalLog.report("refusal-test", reason)).isFalse();
            assertThat(RefusalLog.report("refusal-test", reason + " again")).isTrue();
            assertThat(records).hasSize(2);
            assertThat(records.get(0).getLevel()).isEqualTo(Level.WARNING);
            assertThat(java.text.MessageFormat.format(records.get(0).getMessage(), records.get(0).getParameters()))
                    .contains("refusal-test").contains(reason).contains("Levenberg-Marquardt");
        } finally {
            jul.removeHandler(handler);
        }
    }
}
