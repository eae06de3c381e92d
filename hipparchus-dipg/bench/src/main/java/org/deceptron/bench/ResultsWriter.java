package org.deceptron.bench;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes {@code results.csv} and {@code results.md}. */
public final class ResultsWriter {

    /**
     * The CSV header (fixed by the benchmark's contract: the first twelve columns are the original ones, in their
     * order; the work counts, time statistics and best-peer columns were appended).
     */
    public static final String CSV_HEADER = "family,method,n,m,instances,success_rate,median_iterations,"
            + "median_value_evals,median_jacobian_evals,mean_x_rmse,median_ms,speedup_vs_lm,"
            + "forward_solves,tangent_solves,adjoint_solves,g_evals,pde_solve_equivalents,mean_ms,p90_ms,best_peer,"
            + "speedup_vs_best_peer";

    /** What the count and peer columns mean (printed under the Markdown table). */
    static final String LEGEND = "Counts are medians per solve over the instances. forward / tangent / adjoint: "
            + "solves of the forward model, its tangent-linear and its adjoint model, counted on the model itself for "
            + "every method (finite differences included; a linearization counts as a forward solve, since a "
            + "nonlinear scheme re-runs its trajectory; a Jacobian as min(n, m) tangent or adjoint solves); they "
            + "include solves that failed. g evals: evaluations of the learned reverse map (with or without its "
            + "JVP). PDE-solve eq. = forward + tangent + adjoint. Best peer: the fastest (median ms) of lm, gn, "
            + "gn-krylov and linear-inverse whose success rate is at least D-IPG's; speed-up vs best peer: median "
            + "over instances of best-peer ms / method ms (1.0x on the peer's own row).";

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
                    final WorkMedians k = s.work();
                    w.write(String.format(Locale.ROOT, "%s,%s,%d,%d,%d,%.4f,%.1f,%.1f,%.1f,%.6g,%.3f,%.3f,"
                            + "%.1f,%.1f,%.1f,%.1f,%.1f,%.3f,%.3f,%s,%s%n",
                            s.family(), s.method(), s.n(), s.m(), s.instances(), s.successRate(),
                            s.medianIterations(), s.medianValueEvaluations(), s.medianJacobianEvaluations(),
                            s.meanXRmse(), s.medianMillis(), s.speedupVsLm(), k.forwardSolves(), k.tangentSolves(),
                            k.adjointSolves(), k.gEvaluations(), k.pdeSolveEquivalents(), s.meanMillis(),
                            s.p90Millis(), s.bestPeer(), Double.isNaN(s.speedupVsBestPeer()) ? ""
                                    : String.format(Locale.ROOT, "%.3f", s.speedupVsBestPeer())));
                }
            }
        }
    }

    /**
     * Renders the Markdown: the table, its legend, the methods that did not run, the linear-inverse setups and the
     * amortisation break-even against the best peer.
     * @param results the results
     * @param header a line describing the run (date, machine, command)
     * @return the Markdown
     */
    public static String markdown(final List<FamilyResults> results, final String header) {
        final StringBuilder sb = markdownStart(header, "| family | method | n | m | instances | success | median iters "
                + "| median value evals | median Jacobian evals | forward | tangent | adjoint | g evals "
                + "| PDE-solve eq. | mean x-RMSE | median ms | mean ms | p90 ms | speed-up vs LM "
                + "| speed-up vs best peer |\n",
                "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (final FamilyResults f : results) {
            for (final MethodSummary s : f.summaries()) {
                final WorkMedians k = s.work();
                sb.append(String.format(Locale.ROOT, "| %s | %s | %d | %d | %d | %.0f%% | %.1f | %.1f | %.1f | %.1f "
                        + "| %.1f | %.1f | %.1f | %.1f | %.4g | %.2f | %.2f | %.2f | %.1fx | %s |%n", s.family(),
                        s.method(), s.n(), s.m(), s.instances(), 100 * s.successRate(), s.medianIterations(),
                        s.medianValueEvaluations(), s.medianJacobianEvaluations(), k.forwardSolves(),
                        k.tangentSolves(), k.adjointSolves(), k.gEvaluations(), k.pdeSolveEquivalents(),
                        s.meanXRmse(), s.medianMillis(), s.meanMillis(), s.p90Millis(), s.speedupVsLm(),
                        ratio(s.speedupVsBestPeer())));
            }
        }
        sb.append('\n').append(LEGEND).append('\n');
        appendSkipped(sb, results);
        appendLinearInverse(sb, results);
        appendBreakEven(sb, results);
        return sb.toString();
    }

    /**
     * Formats a speed-up with two significant digits below 1 (the slow methods' ratios to the best peer).
     * @param ratio the speed-up, NaN when there is none
     * @return e.g. "0.015x", "0.60x", "3.3x", "231x", or "-"
     */
    static String ratio(final double ratio) {
        if (Double.isNaN(ratio)) {
            return "-";
        }
        final String format = ratio >= 10 ? "%.0fx" : ratio >= 1 ? "%.1fx" : "%.2gx";
        return String.format(Locale.ROOT, format, ratio);
    }

    /**
     * Lists the methods that did not run, per family.
     * @param sb the document
     * @param results the results
     */
    private static void appendSkipped(final StringBuilder sb, final List<FamilyResults> results) {
        boolean first = true;
        for (final FamilyResults f : results) {
            for (final Map.Entry<BenchMethod, String> e : f.skipped().entrySet()) {
                if (first) {
                    sb.append("\nNot run:\n\n");
                    first = false;
                }
                sb.append("- ").append(f.familyId()).append(", ").append(e.getKey().label()).append(": ")
                        .append(e.getValue()).append('\n');
            }
        }
    }

    /**
     * Renders the linear-inverse setups (when linear-inverse was asked for).
     * @param sb the document
     * @param results the results
     */
    private static void appendLinearInverse(final StringBuilder sb, final List<FamilyResults> results) {
        if (results.stream().noneMatch(f -> f.linearInverseSetup().isPresent()
                || f.skipped().containsKey(BenchMethod.LINEAR_INVERSE))) {
            return;
        }
        sb.append("\nLinear inverse setup, once per family (P = (J^T J + lambda I)^-1 J^T at the prior mean, lambda = ")
                .append(String.format(Locale.ROOT, "%.0e", LinearInverse.DEFAULT_TAU))
                .append(" trace(J^T J) / n; not in the per-solve times, counted in the break-even):\n\n");
        sb.append("| family | n | m | lambda | setup ms | setup PDE-solve eq. |\n");
        sb.append("|---|---:|---:|---:|---:|---:|\n");
        for (final FamilyResults f : results) {
            if (f.linearInverseSetup().isPresent()) {
                final LinearInverseSetup s = f.linearInverseSetup().get();
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %.3g | %.1f | %d |%n", f.familyId(), f.n(),
                        f.m(), s.lambda(), s.millis(), s.counts().pdeSolveEquivalents()));
            } else if (f.skipped().containsKey(BenchMethod.LINEAR_INVERSE)) {
                sb.append(String.format(Locale.ROOT, "| %s | %d | %d | - | %s | - |%n", f.familyId(), f.n(), f.m(),
                        f.skipped().get(BenchMethod.LINEAR_INVERSE)));
            }
        }
    }

    /**
     * Renders the break-even of D-IPG against each family's best peer.
     * @param sb the document
     * @param results the results
     */
    private static void appendBreakEven(final StringBuilder sb, final List<FamilyResults> results) {
        sb.append("\nAmortisation break-even against the best peer (training seconds of the +JCP model, minus the "
                + "peer's setup seconds, / (peer ms - D-IPG ms per solve); see BreakEven):\n\n");
        sb.append("| family | best peer | training s | peer setup s | peer ms | D-IPG ms | saved ms per solve "
                + "| break-even solves |\n");
        sb.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (final FamilyResults f : results) {
            final MethodSummary dipg = find(f, BenchMethod.DIPG);
            if (dipg == null) {
                continue;
            }
            if (dipg.bestPeer().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "| %s | none (no peer succeeds as often as D-IPG) | %.0f | - | - "
                        + "| %.2f | - | - |%n", f.familyId(), f.trainingSeconds(), dipg.medianMillis()));
                continue;
            }
            final BenchMethod peerMethod = BenchMethod.byLabel(dipg.bestPeer()).orElseThrow();
            final MethodSummary peer = find(f, peerMethod);
            final double setup = peerMethod == BenchMethod.LINEAR_INVERSE
                    ? f.linearInverseSetup().map(s -> s.millis() / 1000).orElse(Double.NaN) : 0.0;
            final double saved = peer.medianMillis() - dipg.medianMillis();
            final double n = BreakEven.solves(f.trainingSeconds(), setup, peer.medianMillis(), dipg.medianMillis());
            final String breakEven = Double.isNaN(n) ? "unknown (no training time)"
                    : Double.isInfinite(n) ? "never (no saving)" : String.format(Locale.ROOT, "%.0f", n);
            sb.append(String.format(Locale.ROOT, "| %s | %s | %.0f | %.2f | %.2f | %.2f | %.2f | %s |%n", f.familyId(),
                    peer.method(), f.trainingSeconds(), setup, peer.medianMillis(), dipg.medianMillis(), saved,
                    breakEven));
        }
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
