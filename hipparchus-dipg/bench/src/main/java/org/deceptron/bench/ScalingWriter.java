package org.deceptron.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the scaling study's {@code scaling.csv} and {@code scaling.md}. */
public final class ScalingWriter {

    /** The CSV header. */
    public static final String CSV_HEADER = "family,nodes,n,instances,lm_success_rate,lm_median_ms,"
            + "lm_median_iterations,lm_median_jacobian_evals,dipg_success_rate,dipg_median_ms,dipg_median_iterations,"
            + "dipg_median_jacobian_evals,speedup_vs_lm,training_seconds";

    /** Utility class. */
    private ScalingWriter() {
    }

    /**
     * Writes the CSV, one row per size.
     * @param points the sizes, in order
     * @param file the file
     * @throws IOException on write failure
     */
    public static void writeCsv(final List<ScalingPoint> points, final Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(csv(points));
        }
    }

    /**
     * Renders the CSV.
     * @param points the sizes, in order
     * @return the CSV text (header and one line per size)
     */
    public static String csv(final List<ScalingPoint> points) {
        final StringBuilder sb = new StringBuilder(CSV_HEADER).append('\n');
        for (final ScalingPoint p : points) {
            final MethodSummary lm = p.lm();
            final MethodSummary d = p.dipg();
            sb.append(String.format(Locale.ROOT, "%s,%d,%d,%d,%.4f,%.3f,%.1f,%.1f,%.4f,%.3f,%.1f,%.1f,%.3f,%.1f%n",
                    p.familyId(), p.nodes(), p.n(), d.instances(), lm.successRate(), lm.medianMillis(),
                    lm.medianIterations(), lm.medianJacobianEvaluations(), d.successRate(), d.medianMillis(),
                    d.medianIterations(), d.medianJacobianEvaluations(), d.speedupVsLm(), p.trainingSeconds()));
        }
        return sb.toString();
    }

    /**
     * Renders the Markdown table, plus the fitted growth exponents (cost ~ n^k) when there are two sizes or more.
     * @param points the sizes, in order
     * @param header a line describing the run (date, machine, command)
     * @return the Markdown
     */
    public static String markdown(final List<ScalingPoint> points, final String header) {
        final StringBuilder sb = ResultsWriter.markdownStart(header, "| grid | n | LM median ms | D-IPG median ms "
                + "| speed-up | LM iterations / Jacobians | D-IPG iterations / Jacobians | LM success | D-IPG success "
                + "| training s |\n", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final ScalingPoint p : points) {
            final MethodSummary lm = p.lm();
            final MethodSummary d = p.dipg();
            sb.append(String.format(Locale.ROOT, "| %dx%d | %d | %.1f | %.2f | %.1fx | %.1f / %.1f | %.1f / %.1f | "
                    + "%.0f%% | %.0f%% | %s |%n", p.nodes(), p.nodes(), p.n(), lm.medianMillis(), d.medianMillis(),
                    d.speedupVsLm(), lm.medianIterations(), lm.medianJacobianEvaluations(), d.medianIterations(),
                    d.medianJacobianEvaluations(), 100 * lm.successRate(), 100 * d.successRate(),
                    Double.isFinite(p.trainingSeconds()) ? String.format(Locale.ROOT, "%.0f", p.trainingSeconds())
                                                         : "unknown"));
        }
        if (points.size() >= 2) {
            sb.append(String.format(Locale.ROOT, "%nLog-log slope of the median time per solve against n "
                    + "(least squares over the sizes): LM n^%.2f, D-IPG n^%.2f.%n",
                    slope(points, true), slope(points, false)));
        }
        return sb.toString();
    }

    /**
     * Least-squares slope of log(median ms) against log(n).
     * @param points the sizes
     * @param lm LM (else D-IPG)
     * @return the slope (NaN with fewer than two distinct sizes)
     */
    static double slope(final List<ScalingPoint> points, final boolean lm) {
        double sx = 0;
        double sy = 0;
        final int k = points.size();
        for (final ScalingPoint p : points) {
            sx += Math.log(p.n());
            sy += Math.log((lm ? p.lm() : p.dipg()).medianMillis());
        }
        final double mx = sx / k;
        final double my = sy / k;
        double sxy = 0;
        double sxx = 0;
        for (final ScalingPoint p : points) {
            final double dx = Math.log(p.n()) - mx;
            sxy += dx * (Math.log((lm ? p.lm() : p.dipg()).medianMillis()) - my);
            sxx += dx * dx;
        }
        return sxx == 0 ? Double.NaN : sxy / sxx;
    }
}
