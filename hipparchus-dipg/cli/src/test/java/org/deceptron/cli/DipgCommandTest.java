package org.deceptron.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Usage errors of the command line: exit code 2 and a message that says what is wrong. */
class DipgCommandTest {

    /**
     * Runs the command line in process.
     * @param args the arguments
     * @return exit code, stderr, stdout
     */
    static String[] run(final String... args) {
        final CommandLine cl = DipgCommand.commandLine();
        final StringWriter err = new StringWriter();
        final StringWriter out = new StringWriter();
        cl.setErr(new PrintWriter(err));
        cl.setOut(new PrintWriter(out));
        final int code = cl.execute(args);
        return new String[] {Integer.toString(code), err.toString(), out.toString()};
    }

    @Test
    void unknownFamilyListsTheKnownOnes() {
        final String[] r = run("train", "--family", "heat-9d");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("unknown family 'heat-9d'").contains("heat-1d").contains("navier-stokes-2d");
    }

    @Test
    void badEpochsAreRejected() {
        assertThat(run("train", "--family", "heat-1d", "--epochs", "1,2")[0]).isEqualTo("2");
        assertThat(run("train", "--family", "heat-1d", "--epochs", "1,2,3,4")[0]).isEqualTo("2");
        assertThat(run("train", "--family", "heat-1d", "--epochs", "1,x,3")[0]).isEqualTo("2");
        final String[] r = run("train", "--family", "heat-1d", "--epochs", "5,-1,3");
        assertThat(r[0]).isEqualTo("2");
        assertThat(r[1]).contains("--epochs");
    }

    @Test
    void otherUsageErrors() {
        assertThat(run("train")[0]).isEqualTo("2");
        final String[] arch = run("train", "--family", "heat-1d", "--arch", "resnet:3");
        assertThat(arch[0]).isEqualTo("2");
        assertThat(arch[1]).contains("unknown kind 'resnet'");
        final String[] grid = run("train", "--family", "heat-1d", "--arch-g", "conv:5x5");
        assertThat(grid[0]).isEqualTo("2");
        assertThat(grid[1]).contains("[5, 5]").contains("64");
        assertThat(run("train", "--family", "heat-1d", "--samples", "-3")[0]).isEqualTo("2");
        assertThat(run("train", "--family", "heat-1d", "--jcp-target", "magic")[0]).isEqualTo("2");
        assertThat(run("train", "--family", "heat-1d", "--bogus")[0]).isEqualTo("2");
        assertThat(run()[0]).isEqualTo("2");
        assertThat(run("--help")[0]).isEqualTo("0");
        assertThat(run("train", "--help")[2]).contains("--family").contains("--no-jcp").contains("--epochs")
                .contains("--arch");
    }

    @Test
    void scalingNamesTheTrainCommandWhenAModelIsMissing(
            @org.junit.jupiter.api.io.TempDir final java.nio.file.Path dir) {
        final String[] r = run("scaling", "--sizes", "12", "--models", dir.toString(), "--out",
                dir.resolve("out").toString());
        assertThat(r[0]).isEqualTo("1");
        assertThat(r[1]).contains("heat-2d-12x12").contains("./dipg train --family heat-2d-12x12 --out ");
        assertThat(run("scaling", "--sizes", "3")[0]).isEqualTo("2");
        assertThat(run("train", "--family", "heat-2d-16x16")[1]).contains("unknown family 'heat-2d-16x16'");
    }
}
