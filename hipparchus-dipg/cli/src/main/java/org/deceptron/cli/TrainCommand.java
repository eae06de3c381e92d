package org.deceptron.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import java.util.concurrent.Callable;

import org.deceptron.bench.FamilyResolver;
import org.deceptron.dipg.spi.Derivative;
import org.deceptron.dipg.spi.ForwardFamily;
import org.deceptron.pde.heat.Heat2dFamily;
import org.deceptron.trainer.Architecture;
import org.deceptron.trainer.ArchitectureSpec;
import org.deceptron.trainer.Branch;
import org.deceptron.trainer.DeceptronTrainer;
import org.deceptron.trainer.JcpTarget;
import org.deceptron.trainer.ModelExport;
import org.deceptron.trainer.ReverseMetrics;
import org.deceptron.trainer.TrainingOptions;
import org.deceptron.trainer.TrainingPresets;
import org.deceptron.trainer.TrainingResult;
import org.deceptron.trainer.TrainingStage;
import org.hipparchus.exception.MathIllegalArgumentException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code dipg train}: trains the Deceptron of one family with its preset ({@link TrainingPresets}), overridable
 * from the command line, and writes the +JCP model and the -JCP ablation model (same f, same S2 checkpoint).
 */
@Command(name = "train", mixinStandardHelpOptions = true,
         description = {"Train a Deceptron (f, g) for a registered family: S1 forward fit, S2 reverse "
                        + "(reconstruction + cycle), S3 reverse with JCP and, from the same S2 checkpoint, without "
                        + "it (the -JCP ablation).",
                        "Writes FILE (+JCP) and FILE with suffix -nojcp (-JCP)."})
public final class TrainCommand implements Callable<Integer> {

    /** Injected spec (for usage errors). */
    @Spec
    private CommandSpec spec;

    /** Family id. */
    @Option(names = "--family", required = true, paramLabel = "ID",
            description = "family id, e.g. heat-1d; heat-2d-<N>x<N> for the scaling study's grids")
    private String family;

    /** Training samples. */
    @Option(names = "--samples", paramLabel = "N",
            description = "training samples (validation: N/8, at least 100); default: the family's preset")
    private Integer samples;

    /** Epochs. */
    @Option(names = "--epochs", split = ",", paramLabel = "S1,S2,S3", hideParamSyntax = true, arity = "1",
            description = "epochs of the three stages; default: the family's preset")
    private int[] epochs;

    /** Only the ablation. */
    @Option(names = "--no-jcp", description = "train and write only the -JCP ablation model")
    private boolean noJcp;

    /** Seed. */
    @Option(names = "--seed", paramLabel = "S", description = "seed of data, initialisation, shuffles and probes "
                                                              + "(default: ${DEFAULT-VALUE})", defaultValue = "7")
    private long seed;

    /** Output. */
    @Option(names = "--out", paramLabel = "FILE", description = "model file (default: models/<family>.dmodel)")
    private Path out;

    /** JCP target. */
    @Option(names = "--jcp-target", paramLabel = "exact|surrogate",
            description = "Jacobian composed with g's in JCP: the surrogate's J_f (paper) or the family's exact "
                          + "jvp (default: the family's preset; for a family without one, exact when the family "
                          + "has a tangent model, else surrogate)")
    private JcpTarget jcpTarget;

    /** Architecture of both networks. */
    @Option(names = "--arch", paramLabel = "SPEC",
            description = "architecture of f and g: mlp:W1,W2,... (hidden widths), linear, or "
                          + "conv:HxW[xD][:C<channels>][:B<blocks>][:k<kernel>][:circular|:zero][:tanh]; "
                          + "default: the family's preset")
    private String arch;

    /** Architecture of f alone. */
    @Option(names = "--arch-f", paramLabel = "SPEC", description = "architecture of f (overrides --arch for f)")
    private String archF;

    /** Architecture of g alone. */
    @Option(names = "--arch-g", paramLabel = "SPEC", description = "architecture of g (overrides --arch for g)")
    private String archG;

    /** Batch override. */
    @Option(names = "--batch", paramLabel = "B", description = "mini-batch size; default: the family's preset")
    private Integer batch;

    /** Plain log lines instead of progress bars. */
    @Option(names = "--plain", description = "one log line per epoch instead of progress bars "
                                             + "(automatic when stderr is not a terminal)")
    private boolean plain;

    /**
     * The preset of a family: the heat-2d preset on the grid for the scaling study's {@code heat-2d-<N>x<N>}, else
     * the family's own (or the generic one).
     * @param fam the family
     * @return the preset
     */
    private static TrainingOptions preset(final ForwardFamily fam) {
        final OptionalInt grid = Heat2dFamily.nodesOf(fam.id());
        return grid.isPresent() && grid.getAsInt() != Heat2dFamily.NODES
                ? TrainingPresets.heat2dOnGrid(grid.getAsInt()) : TrainingPresets.forFamily(fam);
    }

    @Override
    public Integer call() throws Exception {
        final ForwardFamily fam;
        try {
            fam = FamilyResolver.classpath().get(family);
        } catch (NoSuchElementException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final TrainingOptions options = overrides(preset(fam).toBuilder()).build();
        if (options.jcp().target() == JcpTarget.EXACT && !fam.model().hasDerivative(Derivative.TANGENT)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--jcp-target exact needs a tangent model, "
                    + "but family " + fam.id() + " declares none: use --jcp-target surrogate");
        }
        try {
            options.networks().forward().layers(fam.model().parameterSize(), fam.model().observationSize());
            options.networks().reverse().layers(fam.model().observationSize(), fam.model().parameterSize());
        } catch (MathIllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        final Path plusPath = out != null ? out : Path.of("models", family + ".dmodel");
        final Path minusPath = ModelExport.ablationPath(plusPath);

        final PrintStream err = System.err;
        final boolean bar = !plain && System.console() != null;
        err.printf(Locale.ROOT, "dipg train %s: f %s, g %s, %d+%d samples, batch %d, epochs %d/%d/%d, seed %d, "
                                + "JCP %s%n", family, options.networks().forward().describe(),
                   options.networks().reverse().describe(), options.data().samples(),
                   options.data().validationSamples(), options.data().batch(),
                   options.schedule(TrainingStage.S1).epochs(), options.schedule(TrainingStage.S2).epochs(),
                   options.schedule(TrainingStage.S3).epochs(), options.seed(),
                   noJcp ? "off (ablation only)"
                         : options.jcp().target().name().toLowerCase(Locale.ROOT) + " x"
                           + options.loss().jcpWeight());
        final TrainingResult r = new DeceptronTrainer(options, new ProgressListener(err, bar)).train(fam);
        if (plusPath.toAbsolutePath().getParent() != null) {
            Files.createDirectories(plusPath.toAbsolutePath().getParent());
        }
        if (!noJcp) {
            ModelExport.write(r, fam, true, plusPath);
            report(err, plusPath, Branch.PLUS_JCP, r);
        }
        ModelExport.write(r, fam, false, minusPath);
        report(err, minusPath, Branch.MINUS_JCP, r);
        err.printf(Locale.ROOT, "total %.1f s%n", r.totalSeconds());
        return 0;
    }

    /**
     * Applies the command line's overrides to the family's preset.
     * @param b the preset's builder
     * @return the builder
     * @throws CommandLine.ParameterException on an invalid override
     */
    private TrainingOptions.Builder overrides(final TrainingOptions.Builder b) {
        if (samples != null) {
            if (samples < 10) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                                                         "--samples must be at least 10, got " + samples);
            }
            b.samples(samples, Math.max(100, samples / 8));
        }
        if (epochs != null) {
            if (epochs.length != 3 || epochs[0] < 0 || epochs[1] < 0 || epochs[2] < 0) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                    "--epochs needs three non-negative integers S1,S2,S3, got " + java.util.Arrays.toString(epochs));
            }
            b.epochs(epochs[0], epochs[1], epochs[2]);
        }
        if (batch != null) {
            if (batch <= 0) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--batch must be positive");
            }
            b.batch(batch);
        }
        b.seed(seed);
        if (jcpTarget != null) {
            b.jcpTarget(jcpTarget);
        }
        if (arch != null || archF != null || archG != null) {
            final TrainingOptions current = b.build();
            b.architectures(architecture(archF != null ? archF : arch, current.networks().forward()),
                            architecture(archG != null ? archG : arch, current.networks().reverse()));
        }
        return b.branches(!noJcp, true);
    }

    /**
     * Parses an architecture option.
     * @param text the option's text, or null to keep the preset's
     * @param preset the preset's architecture
     * @return the architecture
     * @throws CommandLine.ParameterException when the text does not parse
     */
    private Architecture architecture(final String text, final Architecture preset) {
        if (text == null) {
            return preset;
        }
        try {
            return ArchitectureSpec.parse(text);
        } catch (MathIllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    /**
     * Reports a written model.
     * @param err where to write
     * @param path the model file
     * @param branch the branch it holds
     * @param r the training result
     */
    private static void report(final PrintStream err, final Path path, final Branch branch, final TrainingResult r) {
        final ReverseMetrics m = r.s3(branch).reverseMetrics();
        err.printf(Locale.ROOT, "wrote %s (%s): val RJCP %.4g, rec %.4g%n", path, branch.variant(), m.rjcp(), m.rec());
    }
}
