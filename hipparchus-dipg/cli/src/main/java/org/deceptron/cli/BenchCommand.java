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
import org.deceptron.dipg.spi.ForwardFamily;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
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
            description = "Methods: dipg, dipg-nojcp, one-shot, lm, gn (default: all; lm is always run).")
    private List<String> methods = new ArrayList<>();

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        run.validate(spec);
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
            selected.put(family, pair);
        }
        Files.createDirectories(out);
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
}
