package org.deceptron.bench;

import java.util.List;

/** Finds rows in test results. */
final class ResultsWriterTestSupport {

    private ResultsWriterTestSupport() {
    }

    static MethodSummary row(final List<MethodSummary> rows, final String method) {
        return rows.stream().filter(s -> s.method().equals(method)).findFirst().orElseThrow();
    }
}
