package org.deceptron.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import picocli.CommandLine.Model.CommandSpec;

/** The line that heads every measured result: when, on what machine, with which command. */
final class RunHeader {

    /** System property naming the launcher that started the JVM (set by {@code ./dipg}). */
    static final String LAUNCHER_PROPERTY = "dipg.launcher";

    /** Utility class. */
    private RunHeader() {
    }

    /**
     * Describes the run.
     * @param spec the subcommand (its name and arguments are quoted)
     * @return "run DATE on CPU, MEM (CORES cores, JVM VERSION), command: `LAUNCHER SUB ARGS`", the launcher being
     *         {@value #LAUNCHER_PROPERTY} as set by {@code ./dipg}, else the plain {@code java} main class
     */
    static String describe(final CommandSpec spec) {
        final String name = spec.name();
        final String args = String.join(" ", spec.commandLine().getParseResult().originalArgs())
                .replaceFirst("^" + name + "\\s*", "");
        final String launcher = System.getProperty(LAUNCHER_PROPERTY, "java " + DipgCommand.class.getName());
        return String.format(Locale.ROOT, "run %s on %s (%d cores, %s %s), command: `%s %s`",
                ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME), host(),
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), launcher, (name + " " + args).trim());
    }

    /**
     * Describes the machine.
     * @return CPU model and memory
     */
    private static String host() {
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
