package org.deceptron.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Residual-against-time plots (JFreeChart), one PNG per family; also the scaling plot. */
public final class ResidualPlot {

    /** Utility class. */
    private ResidualPlot() {
    }

    /**
     * Plots the best-so-far residual RMS against wall time for the traced methods of a family.
     * @param f the family results
     * @param file the PNG to write
     * @throws IOException on write failure
     */
    public static void write(final FamilyResults f, final Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        final XYSeriesCollection data = new XYSeriesCollection();
        for (final Map.Entry<BenchMethod, InstanceResult> e : f.traces().entrySet()) {
            final XYSeries s = new XYSeries(e.getKey().label() + " (" + e.getValue().jacobianEvaluations()
                    + " Jacobians)");
            double best = Double.POSITIVE_INFINITY;
            for (final TracePoint p : e.getValue().trace()) {
                best = Math.min(best, p.getRms());
                s.add(p.getNanos() * 1e-6, best);
            }
            data.addSeries(s);
        }
        final JFreeChart chart = ChartFactory.createXYLineChart(f.familyId() + ": residual vs time (instance "
                + f.typicalInstance() + ")", "wall time [ms]", "normalised residual RMS (best so far)", data,
                PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        final LogarithmicAxis y = new LogarithmicAxis("normalised residual RMS (best so far)");
        y.setStrictValuesFlag(false);
        plot.setRangeAxis(y);
        final ValueMarker tol = new ValueMarker(f.tolerance(), Color.GRAY, new BasicStroke(1.5f));
        tol.setLabel("tolerance " + f.tolerance());
        tol.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        tol.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.BOTTOM_RIGHT);
        plot.addRangeMarker(tol);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
