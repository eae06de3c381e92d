package org.deceptron.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.concurrent.Callable;

import org.deceptron.bench.BenchListener;
import org.deceptron.bench.BenchMethod;
import org.deceptron.bench.BenchRunner;
import org.deceptron.bench.DeceptronPair;
import org.deceptron.bench.FamilyResolver;
import org.deceptron.bench.InstanceResult;
import org.deceptron.bench.ModelLocator;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.dipg.spi.Instance;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code dipg solve}: one noisy instance of a family, solved by D-IPG and by Hipparchus LM, side by side. */
@Command(name = "solve", mixinStandardHelpOptions = true,
        description = "Draw one noisy instance of a family and solve it with D-IPG (shipped model) and Hipparchus LM.")
public final class SolveCommand implements Callable<Integer> {

    /** Picocli spec. */
    @Spec
    private CommandSpec spec;

    /** Family id. */
    @Option(names = "--family", required = true, paramLabel = "ID", description = "Family id, e.g. heat-2d.")
    private String family;

    /** Seed. */
    @Option(names = "--seed", paramLabel = "S", defaultValue = "1", description = "Instance seed (default: ${DEFAULT-VALUE}).")
    private long seed;

    /** Model directory. */
    @Option(names = "--models", paramLabel = "DIR",
            description = "Read <family>.dmodel from DIR instead of the shipped bundles.")
    private Path models;

    /** {@inheritDoc} */
    @Override
    public Integer call() throws IOException {
        final ForwardFamily f;
        try {
            f = FamilyResolver.classpath().get(family);
        } catch (NoSuchElementException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage());
        }
        final DeceptronPair pair = new ModelLocator(models).find(f);
        final BenchRunner runner = new BenchRunner(1, 0, seed, List.of(BenchMethod.DIPG), BenchListener.NONE);
        final Instance inst = f.drawInstance(BenchRunner.random(seed, f.id(), 0));
        final PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: n=%d m=%d noise=%g tolerance=%g (seed %d)%n", f.id(),
                f.model().parameterSize(), f.model().observationSize(), f.protocol().noiseLevel(),
                f.protocol().tolerance(), seed);
        if (pair.jcp().isEmpty()) {
            out.println("no model for " + f.id() + ": D-IPG would be Levenberg-Marquardt");
        } else {
            print(out, "dipg", runner.solve(f, pair, BenchMethod.DIPG, inst, false));
        }
        print(out, "lm", runner.solve(f, pair, BenchMethod.LM, inst, false));
        out.flush();
        return 0;
    }

    /**
     * Prints one result.
     * @param out where
     * @param name method name
     * @param r the result
     */
    private static void print(final PrintWriter out, final String name, final InstanceResult r) {
        if (r.failure() != null) {
            out.printf(Locale.ROOT, "%-5s FAILED after %.1f ms: %s%n", name, r.millis(), r.failure());
            return;
        }
        out.printf(Locale.ROOT, "%-5s %s rms=%.4f x-rmse=%.4g iterations=%d value-evals=%d jacobians=%d %.2f ms%n",
                name, r.success() ? "ok  " : "FAIL", r.rms(), r.xRmse(), r.iterations(), r.valueEvaluations(),
                r.jacobianEvaluations(), r.millis());
    }
}
