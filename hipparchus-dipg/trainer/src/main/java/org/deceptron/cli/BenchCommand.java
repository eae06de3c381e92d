package org.deceptron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.deceptron.bench.BenchMethod;
import org.deceptron.bench.BenchRunner;
import org.deceptron.bench.DeceptronPair;
import org.deceptron.bench.FamilyResults;
import org.deceptron.bench.ModelLocator;
import org.deceptron.bench.ResidualPlot;
import org.deceptron.bench.ResultsWriter;
import org.deceptron.dipg.registry.FamilyRegistry;
import org.deceptron.dipg.spi.ForwardFamily;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dipg bench}: D-IPG against Hipparchus LM (and GN, one-shot, the -JCP ablation) on the families. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmark D-IPG against Hipparchus LM and GN on the registered families (results.csv, "
                + "results.md, one PNG per family).")
public final class BenchCommand implements Callable<Integer> {

    /** Picocli spec (for errors). */
    @Spec
    private CommandSpec spec;

    /** Families. */
    @Option(names = "--families", split = ",", paramLabel = "ID",
            description = "Families to run (default: every family that has a shipped model).")
    private List<String> families = new ArrayList<>();

    /** Instances. */
    @Option(names = "--instances", paramLabel = "N", defaultValue = "5",
            description = "Timed instances per family (default: ${DEFAULT-VALUE}).")
    private int instances;

    /** Warm-up instances. */
    @Option(names = "--warmup", paramLabel = "W", defaultValue = "1",
            description = "Warm-up instances per family and method, not counted (default: ${DEFAULT-VALUE}).")
    private int warmup;

    /** Seed. */
    @Option(names = "--seed", paramLabel = "S", defaultValue = "2026",
            description = "Seed of the instances (default: ${DEFAULT-VALUE}).")
    private long seed;

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
            description = "Methods: dipg, dipg-nojcp, one-shot, lm, gn (default: all; lm is always run).")
    private List<String> methods = new ArrayList<>();

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        if (instances < 1) {
            throw new ParameterException(spec.commandLine(), "--instances must be >= 1, got " + instances);
        }
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup must be >= 0, got " + warmup);
        }
        final List<BenchMethod> chosen = parseMethods();
        final FamilyRegistry registry = FamilyRegistry.classpath();
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
            selected.put(family, pair);
        }
        Files.createDirectories(out);
        final List<FamilyResults> results;
        final int planned = BenchRunner.plannedSolves(selected.size(), chosen, instances, warmup);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("bench").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            final BenchRunner runner = new BenchRunner(instances, warmup, seed, chosen, (f, m, d, t) -> {
                bar.stepTo(d);
                bar.setExtraMessage(f + " " + m.label());
            });
            results = runner.run(selected);
        }
        ResultsWriter.writeCsv(results, out.resolve("results.csv"));
        final String header = String.format(Locale.ROOT, "Run %s on %s (%d cores, %s %s), command: `./dipg bench %s`",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), hostDescription(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), String.join(" ", spec.commandLine().getParseResult()
                        .originalArgs()).replaceFirst("^bench\\s*", ""));
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
            BenchMethod found = null;
            for (final BenchMethod b : BenchMethod.values()) {
                if (b.label().equals(m)) {
                    found = b;
                }
            }
            if (found == null) {
                throw new ParameterException(spec.commandLine(), "unknown method '" + m
                        + "' (known: dipg, dipg-nojcp, one-shot, lm, gn)");
            }
            list.add(found);
        }
        return list;
    }

    /**
     * Describes the machine.
     * @return CPU model and memory
     */
    static String hostDescription() {
        String cpu = "unknown CPU";
        try {
            for (final String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    cpu = line.substring(line.indexOf(':') + 1).trim();
                    break;
                }
            }
        } catch (IOException | RuntimeException e) {
            // keep "unknown CPU"
        }
        final long mem = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize();
        return String.format(Locale.ROOT, "%s, %.0f GiB", cpu, mem / (1024.0 * 1024 * 1024));
    }
}
