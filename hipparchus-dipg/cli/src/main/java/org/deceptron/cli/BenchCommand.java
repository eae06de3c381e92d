package org.deceptron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.deceptron.bench.BenchMethod;
import org.deceptron.bench.BenchRunner;
import org.deceptron.bench.DeceptronPair;
import org.deceptron.bench.FamilyResolver;
import org.deceptron.bench.FamilyResults;
import org.deceptron.bench.ModelLocator;
import org.deceptron.bench.ResidualPlot;
import org.deceptron.bench.ResultsWriter;
import org.deceptron.bench.StressRow;
import org.deceptron.bench.StressRunner;
import org.deceptron.bench.StressScenario;
import org.deceptron.bench.StressWriter;
import org.deceptron.dipg.spi.Deceptron;
import org.deceptron.dipg.spi.ForwardFamily;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dipg bench}: D-IPG against its non-learned peers (Hipparchus LM and GN, core's matrix-free
 * Gauss-Newton-Krylov, the amortised linear inverse) and its ablations (-JCP, identity preconditioner, one-shot)
 * on the families ({@link BenchMethod}); per method the success rate, the forward, tangent and adjoint solves and
 * g evaluations per solve, the time statistics and the speed-ups against LM and against the family's best peer,
 * plus the break-even against that peer ({@link ResultsWriter}).
 * <p>
 * Defaults of its own ({@link Defaults}): {@value Defaults#INSTANCES} timed instances and {@value Defaults#WARMUP}
 * warm-up instances per family (the runner repeats the warm-up in rounds for the fast methods, see
 * {@link BenchRunner}), where {@code dipg scaling} keeps the shared options' defaults.
 * </p>
 * <p>
 * With {@code --stress} it runs the stress suite instead ({@link StressRunner}, scenarios in {@link StressScenario}):
 * per family that has a +JCP model, D-IPG and Hipparchus LM side by side on the nominal instances, on noise x5 (at
 * the family's tolerance and at a x5 tolerance), on a prior x1.5 (clipped to the box), with a NaN-producing
 * Deceptron and with a Deceptron for a changed constant (refused by the registry: D-IPG runs as LM). It prints the
 * table and writes {@code stress.md} and {@code stress.csv} to {@code --out}; {@code --families},
 * {@code --instances} (per family and scenario), {@code --warmup}, {@code --seed} and {@code --models} apply,
 * {@code --methods} does not. For example:
 * </p>
 * <pre>
 * ./dipg bench --stress --instances 5                  # every family with a shipped model
 * ./dipg bench --stress --families heat-1d --instances 3 --out stress-out
 * </pre>
 * <p>
 * The last column says whether the target holds on the row: D-IPG's success rate at least LM's and its median
 * Jacobian evaluations at most LM's. A solve that throws is a failure (its message is in the notes under the table
 * and in the CSV); the suite never aborts.
 * </p>
 */
@Command(name = "bench", mixinStandardHelpOptions = true, defaultValueProvider = BenchCommand.Defaults.class,
        description = "Benchmark D-IPG against its non-learned peers (Hipparchus LM and GN, Gauss-Newton-Krylov, the "
                + "linear inverse) and its ablations on the registered families (results.csv, results.md, one PNG "
                + "per family); with --stress, the stress suite (stress.csv, stress.md).")
public final class BenchCommand implements Callable<Integer> {

    /** Picocli spec (for errors). */
    @Spec
    private CommandSpec spec;

    /** Families. */
    @Option(names = "--families", split = ",", paramLabel = "ID",
            description = "Families to run (default: every family that has a shipped model).")
    private List<String> families = new ArrayList<>();



    /** Instances, warm-up and seed. */
    @Mixin
    private InstanceOptions run;

    /** Output directory. */
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "bench-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    /** Model directory. */
    @Option(names = "--models", paramLabel = "DIR",
            description = "Read <family>.dmodel and <family>-nojcp.dmodel from DIR instead of the shipped bundles.")
    private Path models;

    /** Methods. */
    @Option(names = "--methods", split = ",", paramLabel = "M",
            description = "Methods: dipg, dipg-nojcp, dipg-identity, one-shot, lm, gn, gn-krylov, linear-inverse "
                    + "(default: all; lm is always run).")
    private List<String> methods = new ArrayList<>();

    /** Stress suite instead of the benchmark. */
    @Option(names = "--stress",
            description = "Run the stress suite instead: per family, D-IPG and LM side by side on nominal data, "
                    + "noise x5 (at the family's and a x5 tolerance), prior x1.5, a NaN-producing and a "
                    + "changed-constant (refused) model; writes stress.csv and stress.md.")
    private boolean stress;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        run.validate(spec);
        if (stress && !methods.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "--methods does not apply with --stress (the stress "
                    + "suite runs dipg and lm)");
        }
        final List<BenchMethod> chosen = parseMethods();
        final FamilyResolver registry = FamilyResolver.classpath();
        final ModelLocator locator = new ModelLocator(models);
        final Map<ForwardFamily, DeceptronPair> selected = new LinkedHashMap<>();
        final List<String> ids = families.isEmpty() ? registry.ids() : families;
        for (final String id : ids) {
            final ForwardFamily family;
            try {
                family = registry.get(id);
            } catch (java.util.NoSuchElementException e) {
                throw new ParameterException(spec.commandLine(), e.getMessage());
            }
            final DeceptronPair pair = locator.find(family);
            if (pair.jcp().isEmpty() && families.isEmpty()) {
                spec.commandLine().getErr().println("skipping " + id + ": no shipped model");
                continue;
            }
            if (stress && pair.jcp().isEmpty()) {
                spec.commandLine().getErr().println("skipping " + id + ": no +JCP model (the stress suite needs "
                        + "one)");
                continue;
            }
            selected.put(family, pair);
        }
        Files.createDirectories(out);
        if (stress) {
            return stress(selected);
        }
        final List<FamilyResults> results;
        final int planned = BenchRunner.plannedSolves(selected.size(), chosen, run.instances, run.warmup);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            final BenchRunner runner = new BenchRunner(run.instances, run.warmup, run.seed, chosen, (f, m, d, t) -> {
                bar.stepTo(d);
                bar.setExtraMessage(f + " " + m.label());
            });
            results = runner.run(selected);
        }
        ResultsWriter.writeCsv(results, out.resolve("results.csv"));
        final String header = "Run " + RunHeader.describe(spec).substring("run ".length());
        final String md = ResultsWriter.markdown(results, header);
        Files.writeString(out.resolve("results.md"), md, StandardCharsets.UTF_8);
        for (final FamilyResults f : results) {
            ResidualPlot.write(f, out.resolve(f.familyId() + ".png"));
        }
        final PrintWriter o = spec.commandLine().getOut();
        o.println(md);
        o.println("wrote " + out.resolve("results.csv") + ", " + out.resolve("results.md") + " and "
                + results.size() + " plots");
        o.flush();
        return 0;
    }

    /**
     * Runs the stress suite and writes its files.
     * @param selected the families and their models (each has a +JCP model)
     * @return the exit code
     * @throws IOException on write failure
     */
    private int stress(final Map<ForwardFamily, DeceptronPair> selected) throws IOException {
        if (selected.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "no family with a +JCP model to stress");
        }
        final Map<ForwardFamily, Deceptron> jcp = new LinkedHashMap<>();
        selected.forEach((family, pair) -> jcp.put(family, pair.jcp().orElseThrow()));
        final int planned = StressRunner.plannedSolves(jcp.size(), StressScenario.values().length, run.instances,
                run.warmup);
        final List<StressRow> rows;
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("stress").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            final StressRunner runner = new StressRunner(run.instances, run.warmup, run.seed, (f, s, m, d, t) -> {
                bar.stepTo(d);
                bar.setExtraMessage(f + " " + s.label() + " " + m.label());
            });
            rows = runner.run(jcp);
        }
        StressWriter.writeCsv(rows, out.resolve("stress.csv"));
        final String header = "Run " + RunHeader.describe(spec).substring("run ".length());
        final String md = StressWriter.markdown(rows, header);
        Files.writeString(out.resolve("stress.md"), md, StandardCharsets.UTF_8);
        final PrintWriter o = spec.commandLine().getOut();
        o.println(md);
        o.println("wrote " + out.resolve("stress.csv") + " and " + out.resolve("stress.md"));
        o.flush();
        return 0;
    }

    /**
     * Parses --methods.
     * @return the methods
     */
    private List<BenchMethod> parseMethods() {
        final List<BenchMethod> list = new ArrayList<>();
        if (methods.isEmpty()) {
            list.addAll(List.of(BenchMethod.values()));
            return list;
        }
        for (final String m : methods) {
            list.add(BenchMethod.byLabel(m).orElseThrow(() -> new ParameterException(spec.commandLine(),
                    "unknown method '" + m + "' (known: " + BenchMethod.labels() + ")")));
        }
        return list;
    }

    /**
     * The bench's defaults of the shared {@link InstanceOptions}: more timed instances than {@code dipg scaling}
     * (medians and the 90th percentile over 10 solves), and two warm-up instances.
     */
    public static final class Defaults implements IDefaultValueProvider {

        /** Default number of timed instances per family. */
        public static final int INSTANCES = 10;

        /** Default number of warm-up instances per family and method. */
        public static final int WARMUP = 2;

        /** {@inheritDoc} */
        @Override
        public String defaultValue(final ArgSpec argSpec) {
            if (argSpec instanceof OptionSpec) {
                final String name = ((OptionSpec) argSpec).longestName();
                if ("--instances".equals(name)) {
                    return Integer.toString(INSTANCES);
                }
                if ("--warmup".equals(name)) {
                    return Integer.toString(WARMUP);
                }
            }
            return null;
        }
    }
}
