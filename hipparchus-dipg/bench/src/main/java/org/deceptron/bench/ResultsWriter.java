package org.deceptron.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes {@code results.csv} and {@code results.md}. */
public final class ResultsWriter {

    /** The CSV header (fixed by the benchmark's contract). */
    public static final String CSV_HEADER = "family,method,n,m,instances,success_rate,median_iterations,"
            + "median_value_evals,median_jacobian_evals,mean_x_rmse,median_ms,speedup_vs_lm";

    /** Utility class. */
    private ResultsWriter() {
    }

    /**
     * Writes the CSV.
     * @param results the results
     * @param file the file
     * @throws IOException on write failure
     */
    public static void writeCsv(final List<FamilyResults> results, final Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write('\n');
            for (final FamilyResults f : results) {
                for (final MethodSummary s : f.summaries()) {
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.1f,%.1f,%.1f,%.6g,%.3f,%.3f%n",
                            s.family(), s.method(), s.n(), s.m(), s.instances(), s.successRate(),
                            s.medianIterations(), s.medianValueEvaluations(), s.medianJacobianEvaluations(),
                            s.meanXRmse(), s.medianMillis(), s.speedupVsLm()));
                }
            }
        }
    }

    /**
     * Renders the Markdown table and the amortisation break-even.
     * @param results the results
     * @param header a line describing the run (date, machine, command)
     * @return the Markdown
     */
    public static String markdown(final List<FamilyResults> results, final String header) {
        final StringBuilder sb = markdownStart(header, "| family | method | n | m | instances | success | median iters "
                + "| median value evals | median Jacobian evals | mean x-RMSE | median ms | speed-up vs LM |\n",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final FamilyResults f : results) {
            for (final MethodSummary s : f.summaries()) {
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.0f%% | %.1f | %.1f | %.1f | %.4g | "
                        + "%.2f | %.1fx |%n", s.family(), s.method(), s.n(), s.m(), s.instances(),
                        100 * s.successRate(), s.medianIterations(), s.medianValueEvaluations(),
                        s.medianJacobianEvaluations(), s.meanXRmse(), s.medianMillis(), s.speedupVsLm()));
            }
        }
        sb.append("\nAmortisation break-even (training seconds of the +JCP model / (LM ms - D-IPG ms per solve)):\n\n");
        sb.append("| family | training s | LM ms | D-IPG ms | saved ms per solve | break-even solves |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (final FamilyResults f : results) {
            final MethodSummary lm = find(f, BenchMethod.LM);
            final MethodSummary dipg = find(f, BenchMethod.DIPG);
            if (lm == null || dipg == null) {
                continue;
            }
            final double saved = lm.medianMillis() - dipg.medianMillis();
            final String breakEven = saved > 0 && Double.isFinite(f.trainingSeconds())
                    ? String.format(Locale.ROOT, "%.0f", Math.ceil(1000 * f.trainingSeconds() / saved))
                    : "never (no saving)";
            sb.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f | %.2f | %.2f | %s |%n", f.familyId(),
                    f.trainingSeconds(), lm.medianMillis(), dipg.medianMillis(), saved, breakEven));
        }
        return sb.toString();
    }

    /**
     * Starts a Markdown document with a table: the header line, a blank line, the table's column and alignment
     * rows (the rows follow).
     * @param header a line describing the run (date, machine, command)
     * @param columns the column row, with its line end
     * @param alignment the alignment row, with its line end
     * @return the document so far
     */
    static StringBuilder markdownStart(final String header, final String columns, final String alignment) {
        final StringBuilder sb = new StringBuilder();
        sb.append(header).append("\n\n");
        sb.append(columns);
        sb.append(alignment);
        return sb;
    }

    /**
     * Finds a method's summary.
     * @param f the family results
     * @param method the method
     * @return the summary or null
     */
    static MethodSummary find(final FamilyResults f, final BenchMethod method) {
        for (final MethodSummary s : f.summaries()) {
            if (s.method().equals(method.label())) {
                return s;
            }
        }
        return null;
    }
}
