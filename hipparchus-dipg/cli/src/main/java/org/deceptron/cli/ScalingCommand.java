package org.deceptron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.deceptron.bench.BenchMethod;
import org.deceptron.bench.BenchRunner;
import org.deceptron.bench.DeceptronPair;
import org.deceptron.bench.FamilyResolver;
import org.deceptron.bench.FamilyResults;
import org.deceptron.bench.ModelLocator;
import org.deceptron.bench.ResidualPlot;
import org.deceptron.bench.ScalingPoint;
import org.deceptron.bench.ScalingWriter;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;
import org.deceptron.pde.heat.Heat2dFamily;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code dipg scaling}: the scaling study. heat-2d at several grid sizes (default 12x12, 16x16, 24x24), a model
 * trained per size, D-IPG and Hipparchus LM solved with the benchmark protocol ({@link BenchRunner}: same instances,
 * start and checker, a JIT warm-up, one warm-up instance per size and method, one thread); writes
 * {@code scaling.csv}, {@code scaling.md} and {@code scaling.png} (median ms per solve against n, log-log).
 */
@Command(name = "scaling", mixinStandardHelpOptions = true,
        description = {"Scaling study: cost per solve of D-IPG and Hipparchus LM on heat-2d at several grid sizes "
                + "(scaling.csv, scaling.md, scaling.png).",
                "16x16 uses the shipped heat-2d model; the other sizes need models/heat-2d-<N>x<N>.dmodel from "
                + "`./dipg train --family heat-2d-<N>x<N> --out models/heat-2d-<N>x<N>.dmodel`."})
public final class ScalingCommand implements Callable<Integer> {

    /** JIT warm-up rounds. */
    private static final int JIT_ROUNDS = 10;

    /** Instances per JIT warm-up round. */
    private static final int JIT_INSTANCES = 2;

    /** Picocli spec. */
    @Spec
    private CommandSpec spec;

    /** Grid sizes. */
    @Option(names = "--sizes", split = ",", paramLabel = "N", defaultValue = "12,16,24",
            description = "Nodes per side of the grids (default: ${DEFAULT-VALUE}).")
    private List<Integer> sizes;



    /** Instances, warm-up and seed. */
    @Mixin
    private InstanceOptions run;

    /** Model directory for the scaled sizes. */
    @Option(names = "--models", paramLabel = "DIR", defaultValue = "models",
            description = "Directory of heat-2d-<N>x<N>.dmodel for the sizes other than 16 (default: "
                    + "${DEFAULT-VALUE}); 16x16 uses the shipped heat-2d model.")
    private Path models;

    /** Output directory. */
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "scaling-out",
            description = "Output directory (default: ${DEFAULT-VALUE}).")
    private Path out;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        run.validate(spec);
        final List<Integer> grids = sizes.stream().distinct().sorted().toList();
        final FamilyResolver resolver = FamilyResolver.classpath();
        final Map<ForwardFamily, DeceptronPair> selected = new LinkedHashMap<>();
        final Map<String, Integer> nodesOf = new LinkedHashMap<>();
        for (final int nodes : grids) {
            if (nodes < Heat2dFamily.MIN_NODES) {
                throw new ParameterException(spec.commandLine(), "--sizes: at least " + Heat2dFamily.MIN_NODES
                        + " nodes per side, got " + nodes);
            }
            final ForwardFamily family = resolver.heat2d(nodes);
            final boolean shipped = nodes == Heat2dFamily.NODES;
            final DeceptronPair pair = new ModelLocator(shipped ? null : models).find(family);
            if (pair.jcp().isEmpty()) {
                final String where = shipped ? "the shipped model bundles on the class path"
                        : models.resolve(family.id() + ".dmodel").toString();
                spec.commandLine().getErr().printf(Locale.ROOT, "no model for %s (n = %d): %s not found; train it "
                        + "with%n  ./dipg train --family %s --out %s%n", family.id(), family.model().parameterSize(), where,
                        family.id(), models.resolve(family.id() + ".dmodel"));
                spec.commandLine().getErr().flush();
                return 1;
            }
            selected.put(family, pair);
            nodesOf.put(family.id(), nodes);
        }
        Files.createDirectories(out);
        final List<BenchMethod> methods = List.of(BenchMethod.DIPG, BenchMethod.LM);
        final List<FamilyResults> results;
        final int planned = BenchRunner.plannedSolves(selected.size(), methods, run.instances, run.warmup);
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("scaling").setInitialMax(planned)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).build()) {
            final BenchRunner runner = new BenchRunner(run.instances, run.warmup, run.seed, methods, (f, m, d, t) -> {
                bar.stepTo(d);
                bar.setExtraMessage(f + " " + m.label());
            });
            bar.setExtraMessage("JIT warm-up");
            jitWarmUp(runner, selected);
            results = runner.run(selected);
        }
        final List<ScalingPoint> points = new ArrayList<>();
        for (final FamilyResults r : results) {
            points.add(ScalingPoint.of(nodesOf.get(r.familyId()), r));
        }
        ScalingWriter.writeCsv(points, out.resolve("scaling.csv"));
        final String header = "heat-2d scaling study: " + RunHeader.describe(spec) + "; medians over "
                + run.instances + " instances per size (one model per size)";
        final String md = ScalingWriter.markdown(points, header);
        Files.writeString(out.resolve("scaling.md"), md, StandardCharsets.UTF_8);
        ResidualPlot.writeScaling(Heat2dFamily.ID, points, out.resolve("scaling.png"));
        final PrintWriter o = spec.commandLine().getOut();
        o.println(md);
        o.println("wrote " + out.resolve("scaling.csv") + ", " + out.resolve("scaling.md") + " and "
                + out.resolve("scaling.png"));
        o.flush();
        return 0;
    }

    /**
     * JIT warm-up before any timed solve, so that the first size does not pay for the JVM's compilation (with only
     * the runner's per-size warm-up, D-IPG's median at 12x12 was 6.6 ms against ~1 ms warm): {@link #JIT_ROUNDS}
     * rounds over {@link #JIT_INSTANCES} warm-up instances, D-IPG at every size and LM at the smallest one (its code
     * paths do not depend on n; at 24x24 an LM solve takes seconds). Not timed, not reported.
     * @param runner the runner
     * @param selected the sizes with their models, smallest first
     */
    private static void jitWarmUp(final BenchRunner runner, final Map<ForwardFamily, DeceptronPair> selected) {
        boolean first = true;
        for (final Map.Entry<ForwardFamily, DeceptronPair> e : selected.entrySet()) {
            final List<Instance> warm = runner.instances(e.getKey(), JIT_INSTANCES, 1);
            for (int round = 0; round < JIT_ROUNDS; round++) {
                for (final Instance inst : warm) {
                    runner.solve(e.getKey(), e.getValue(), BenchMethod.DIPG, inst, false);
                    if (first) {
                        runner.solve(e.getKey(), e.getValue(), BenchMethod.LM, inst, false);
                    }
                }
            }
            first = false;
        }
    }
}
