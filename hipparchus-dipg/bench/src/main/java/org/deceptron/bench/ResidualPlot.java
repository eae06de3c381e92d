package org.deceptron.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Map;

import org.deceptron.dipg.problem.MonitoredProblem.TracePoint;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.LogarithmicAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Residual-against-time plots (JFreeChart), one PNG per family; also the scaling plot. */
public final class ResidualPlot {

    /** Utility class. */
    private ResidualPlot() {
    }

    /**
     * Plots the best-so-far residual RMS against wall time for the traced methods of a family
     * ({@link BenchRunner#TRACED}), as step functions: the best RMS so far only changes at an evaluation.
     * @param f the family results
     * @param file the PNG to write
     * @throws IOException on write failure
     */
    public static void write(final FamilyResults f, final Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        final XYSeriesCollection data = new XYSeriesCollection();
        // best-so-far changes only at evaluations: a step function, not a line between them
        final XYStepRenderer steps = new XYStepRenderer();
        for (final Map.Entry<BenchMethod, InstanceResult> e : f.traces().entrySet()) {
            steps.setSeriesStroke(data.getSeriesCount(), new BasicStroke(2f));
            steps.setSeriesPaint(data.getSeriesCount(), colour(e.getKey()));
            final XYSeries s = new XYSeries(e.getKey().label() + " (" + e.getValue().jacobianEvaluations()
                    + " Jacobians, " + e.getValue().counts().pdeSolveEquivalents() + " PDE-solve eq.)");
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
        plot.setRenderer(steps);
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

    /**
     * Returns the colour of a method, the same in every plot.
     * @param method the method
     * @return its colour
     */
    private static Color colour(final BenchMethod method) {
        switch (method) {
            case DIPG:
                return new Color(0xD62728);
            case LM:
                return new Color(0x1F77B4);
            case GN_KRYLOV:
                return new Color(0x2CA02C);
            case LINEAR_INVERSE:
                return new Color(0xFF7F0E);
            default:
                return Color.DARK_GRAY;
        }
    }

    /**
     * Plots the median wall time per solve against n, log-log, for LM and D-IPG (the scaling study).
     * @param family the family name (title)
     * @param points the sizes
     * @param file the PNG to write
     * @throws IOException on write failure
     */
    public static void writeScaling(final String family, final List<ScalingPoint> points, final Path file)
            throws IOException {
        System.setProperty("java.awt.headless", "true");
        final XYSeries lm = new XYSeries("Hipparchus LM");
        final XYSeries dipg = new XYSeries("D-IPG");
        for (final ScalingPoint p : points) {
            lm.add(p.n(), p.lm().medianMillis());
            dipg.add(p.n(), p.dipg().medianMillis());
        }
        final XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(lm);
        data.addSeries(dipg);
        final JFreeChart chart = ChartFactory.createXYLineChart(family + ": median wall time per solve vs n",
                "n (unknowns)", "median ms per solve", data, PlotOrientation.VERTICAL, true, false, false);
        final XYPlot plot = chart.getXYPlot();
        final LogAxis x = new LogAxis("n (unknowns = observations), log scale");
        x.setBase(2);
        x.setTickUnit(new NumberTickUnit(1));
        x.setNumberFormatOverride(new DecimalFormat("0"));
        x.setSmallestValue(1);
        final LogarithmicAxis y = new LogarithmicAxis("median wall time per solve [ms], log scale");
        y.setStrictValuesFlag(false);
        plot.setDomainAxis(x);
        plot.setRangeAxis(y);
        final XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesStroke(0, new BasicStroke(2f));
        renderer.setSeriesStroke(1, new BasicStroke(2f));
        plot.setRenderer(renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(Color.LIGHT_GRAY);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        ChartUtils.saveChartAsPNG(file.toFile(), chart, 800, 500);
    }
}
