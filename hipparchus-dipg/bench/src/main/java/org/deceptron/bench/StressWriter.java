package org.deceptron.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Writes the stress suite's {@code stress.csv} and {@code stress.md}: one row per family x scenario. */
public final class StressWriter {

    /** The CSV header. */
    public static final String CSV_HEADER = "family,scenario,instances,dipg_success_rate,lm_success_rate,"
            + "dipg_median_jacobian_evals,lm_median_jacobian_evals,dipg_median_value_evals,lm_median_value_evals,"
            + "dipg_median_ms,lm_median_ms,dipg_median_learned_steps,dipg_failures,lm_failures,target_met,"
            + "dipg_status,dipg_first_failure,lm_first_failure";

    /** The target, as stated in the table's footer. */
    public static final String TARGET = "D-IPG success >= LM's and median Jacobian evaluations <= LM's";

    /** Longest failure or status message quoted in the Markdown notes. */
    private static final int MAX_NOTE = 240;

    /** Utility class. */
    private StressWriter() {
    }

    /**
     * Writes the CSV.
     * @param rows the rows
     * @param file the file
     * @throws IOException on write failure
     */
    public static void writeCsv(final List<StressRow> rows, final Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.write('\n');
            for (final StressRow r : rows) {
                final StressSummary d = r.dipg();
                final StressSummary l = r.lm();
                w.write(String.format(Locale.ROOT, "%s,%s,%d,%.4f,%.4f,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%.1f,%d,%d,%b,%s,%s,%s%n",
                        r.family(), r.scenario().label(), d.instances(), d.successRate(), l.successRate(),
                        d.medianJacobianEvaluations(), l.medianJacobianEvaluations(), d.medianValueEvaluations(),
                        l.medianValueEvaluations(), d.medianMillis(), l.medianMillis(), d.medianLearnedSteps(),
                        d.failures(), l.failures(), r.targetMet(), quote(String.join(" | ", d.statuses())),
                        quote(d.firstFailure()), quote(l.firstFailure())));
            }
        }
    }

    /**
     * Renders the Markdown: the side-by-side table, how many rows meet the target, and notes (D-IPG's Deceptron
     * status where it did not use the model as given, and the first failure of every row where a solve threw).
     * @param rows the rows
     * @param header a line describing the run (date, machine, command)
     * @return the Markdown
     */
    public static String markdown(final List<StressRow> rows, final String header) {
        final StringBuilder sb = new StringBuilder();
        sb.append(header).append("\n\n");
        sb.append("| family | scenario | instances | D-IPG success | LM success | D-IPG median Jacobians | "
                + "LM median Jacobians | D-IPG median value evals | LM median value evals | D-IPG median ms | "
                + "LM median ms | D-IPG learned steps | threw D-IPG/LM | target |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
        int met = 0;
        for (final StressRow r : rows) {
            final StressSummary d = r.dipg();
            final StressSummary l = r.lm();
            met += r.targetMet() ? 1 : 0;
            sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %.0f%% | %.0f%% | %.1f | %.1f | %.1f | %.1f | "
                    + "%.2f | %.2f | %.1f | %d/%d | %s |%n", r.family(), r.scenario().label(), d.instances(),
                    100 * d.successRate(), 100 * l.successRate(), d.medianJacobianEvaluations(),
                    l.medianJacobianEvaluations(), d.medianValueEvaluations(), l.medianValueEvaluations(),
                    d.medianMillis(), l.medianMillis(), d.medianLearnedSteps(), d.failures(), l.failures(),
                    r.targetMet() ? "yes" : "**no**"));
        }
        sb.append(String.format(Locale.ROOT, "%nTarget (%s): met on %d of %d rows.%n", TARGET, met, rows.size()));
        sb.append("\nScenarios: nominal (reference); noise-x5 (y* = F(x) + 5 sigma noise at the family's tolerance: "
                + "reachable only by over-fitting, success = RMS <= tolerance); noise-x5-tol-x5 (same data, tolerance "
                + "x5); prior-x1.5 (x_true's deviation from the prior mean x1.5, clipped to the box); nan-model "
                + "(D-IPG's Deceptron outputs NaN from its reverse map); changed-constant (D-IPG's Deceptron has "
                + "another fingerprint: refused, D-IPG runs as LM).\n");
        final StringBuilder notes = new StringBuilder();
        for (final StressRow r : rows) {
            final String where = r.family() + " " + r.scenario().label();
            if (r.scenario().wrapsModel()) {
                for (final String s : r.dipg().statuses()) {
                    notes.append("- ").append(where).append(": D-IPG status: ").append(shorten(s)).append('\n');
                }
            }
            appendFailure(notes, where, "D-IPG", r.dipg());
            appendFailure(notes, where, "LM", r.lm());
        }
        if (notes.length() > 0) {
            sb.append("\nNotes:\n\n").append(notes);
        }
        return sb.toString();
    }

    /**
     * Appends the failure note of a summary.
     * @param notes the notes
     * @param where family and scenario
     * @param method method name
     * @param s the summary
     */
    private static void appendFailure(final StringBuilder notes, final String where, final String method,
                                      final StressSummary s) {
        if (s.failures() > 0) {
            notes.append("- ").append(where).append(": ").append(method).append(" threw on ").append(s.failures())
                    .append('/').append(s.instances()).append(", first: ").append(shorten(s.firstFailure()))
                    .append('\n');
        }
    }

    /**
     * Shortens a message for the notes (one line, at most {@link #MAX_NOTE} characters, pipes escaped).
     * @param s the message
     * @return the short form
     */
    private static String shorten(final String s) {
        String t = String.valueOf(s).replaceAll("\\s+", " ").replace("|", "\\|");
        if (t.length() > MAX_NOTE) {
            t = t.substring(0, MAX_NOTE - 3) + "...";
        }
        return "`" + t.replace("`", "'") + "`";
    }

    /**
     * Quotes a CSV field (RFC 4180).
     * @param s the field, may be null (empty field)
     * @return the quoted field
     */
    private static String quote(final String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        return '"' + s.replace("\"", "\"\"").replaceAll("[\\r\\n]+", " ") + '"';
    }
}
