package org.deceptron.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code dipg} command line. Kept minimal on purpose: each subcommand is its own class, listed here
 * ({@link TrainCommand}, {@link SolveCommand}, {@link BenchCommand}, {@link ScalingCommand}).
 * <p>
 * Exit codes: 0 success, 1 failure while running, 2 invalid usage (unknown option, bad value, unknown family).
 * </p>
 */
@Command(name = "dipg", mixinStandardHelpOptions = true, versionProvider = DipgCommand.Version.class,
         description = "D-IPG (Deceptron Inverse-Preconditioned Gradient) for Hipparchus: train Deceptrons, "
                       + "solve and benchmark.",
         subcommands = {TrainCommand.class, SolveCommand.class, BenchCommand.class, ScalingCommand.class,
                        CommandLine.HelpCommand.class})
public final class DipgCommand implements Runnable {

    /** Injected command spec. */
    @Spec
    private CommandSpec spec;

    /**
     * Entry point.
     * @param args arguments
     */
    public static void main(final String[] args) {
        System.exit(execute(args));
    }

    /**
     * Runs the command line without exiting (tests, embedding).
     * @param args arguments
     * @return the exit code
     */
    public static int execute(final String... args) {
        return commandLine().execute(args);
    }

    /**
     * Builds the configured picocli command line.
     * @return the command line
     */
    public static CommandLine commandLine() {
        final CommandLine cl = new CommandLine(new DipgCommand());
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    /** Without a subcommand: usage on stderr, exit code 2. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    /** Version from the jar manifest, else the trainer's version constant. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            final String v = DipgCommand.class.getPackage().getImplementationVersion();
            return new String[] {"dipg " + (v != null ? v : org.deceptron.trainer.DeceptronTrainer.VERSION)};
        }
    }
}
