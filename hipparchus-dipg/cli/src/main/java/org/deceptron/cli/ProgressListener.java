package org.deceptron.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.deceptron.trainer.StageSummary;
import org.deceptron.trainer.TrainingListener;

/**
 * Shows training progress: one progress bar per stage (epochs, losses, ETA) on an interactive terminal;
 * otherwise (logs, nohup) one plain line per epoch with the elapsed time and ETA of the stage.
 */
final class ProgressListener implements TrainingListener {

    /** Where to write. */
    private final PrintStream out;
    /** Use a progress bar. */
    private final boolean bar;
    /** Current bar. */
    private ProgressBar current;
    /** Start of the current stage. */
    private long stageStart;

    /**
     * Creates the listener.
     * @param out stream (stderr)
     * @param bar use progress bars (interactive terminal)
     */
    ProgressListener(final PrintStream out, final boolean bar) {
        this.out = out;
        this.bar = bar;
    }

    @Override
    public void stageStarted(final String stage, final int epochs) {
        stageStart = System.nanoTime();
        if (bar) {
            current = new ProgressBarBuilder().setTaskName(String.format("%-7s", stage)).setInitialMax(epochs)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(500).setMaxRenderedLength(160).build();
        } else {
            out.printf(Locale.ROOT, "%s: %d epochs%n", stage, epochs);
        }
    }

    @Override
    public void epochFinished(final String stage, final int epoch, final int epochs,
                              final Map<String, Double> metrics) {
        final String m = format(metrics);
        if (current != null) {
            current.setExtraMessage(compact(metrics));
            current.stepTo(epoch);
        } else {
            final double elapsed = (System.nanoTime() - stageStart) * 1e-9;
            final double eta = elapsed / epoch * (epochs - epoch);
            out.printf(Locale.ROOT, "%s epoch %d/%d %s  [%.1fs, eta %.0fs]%n", stage, epoch, epochs, m, elapsed, eta);
        }
    }

    @Override
    public void stageFinished(final StageSummary s) {
        if (current != null) {
            current.close();
            current = null;
        }
        out.printf(Locale.ROOT, "%s done in %.1f s (%.2f s/epoch, first epoch %.2f s); checkpoint epoch %d: %s%n",
                   s.stage(), s.seconds(), s.secondsPerEpoch(), s.firstEpochSeconds(), s.bestEpoch(),
                   format(s.selected()));
    }

    @Override
    public void info(final String message) {
        out.println(message);
    }

    /** The few metrics that fit next to a bar: training loss, validation MSE / reconstruction / RJCP. */
    private static String compact(final Map<String, Double> metrics) {
        final StringBuilder b = new StringBuilder();
        for (final String k : new String[] {"loss", "val_mse", "val_rec", "val_rjcp"}) {
            final Double v = metrics.get(k);
            if (v != null) {
                b.append(b.length() > 0 ? " " : "").append(k.replace("val_", "v.")).append('=')
                 .append(String.format(Locale.ROOT, "%.3g", v));
            }
        }
        return b.toString();
    }

    private static String format(final Map<String, Double> metrics) {
        final StringBuilder b = new StringBuilder();
        for (final Map.Entry<String, Double> e : metrics.entrySet()) {
            if (b.length() > 0) {
                b.append(' ');
            }
            final double v = e.getValue();
            b.append(e.getKey()).append('=');
            b.append(v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v)
                                                           : String.format(Locale.ROOT, "%.4g", v));
        }
        return b.toString();
    }
}
