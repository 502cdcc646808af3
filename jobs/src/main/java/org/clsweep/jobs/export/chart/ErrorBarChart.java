package org.clsweep.jobs.export.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.geom.Ellipse2D;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.DecimalFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * An XY chart of series with 95% intervals, rendered headless to PNG with JFreeChart: labelled
 * axes, a legend below the plot, intervals as error bars (cells of a grid) or a shaded band
 * (learning curves). Series of the same colour index share a colour, so an observation and its
 * prediction read as a pair; dashed series have no markers. With error bars, series of different
 * colours at the same x are dodged by a small fixed fraction of the x range so that their bars do
 * not hide each other (the subtitle says so).
 *
 * <pre>
 *   ErrorBarChart.builder("Distinct optima vs width", "width n (nodes)", "distinct optima")
 *       .xScale(XScale.LOG2).series(relu).series(linear).build().png(880, 520)
 * </pre>
 *
 * @see ChartSeries
 */
public final class ErrorBarChart {
    /** How the x axis maps values. */
    public enum XScale {
        LINEAR,
        /** Logarithmic, ticks at powers of two labelled with their value (1, 2, 4, …). */
        LOG2,
        /** LOG2 when every x of every series is positive and they span a factor of 8 or more, else LINEAR. */
        AUTO
    }

    /** How intervals are drawn. */
    public enum Intervals {
        /** Vertical bars with caps at each point. */
        BARS,
        /** A translucent band between the interval ends. */
        BAND
    }

    /** Tableau 10: distinguishable, and readable when printed in grey. */
    private static final Color[] PALETTE = {
        new Color(0x4E79A7), new Color(0xF28E2B), new Color(0xE15759), new Color(0x76B7B2), new Color(0x59A14F),
        new Color(0xEDC948), new Color(0xB07AA1), new Color(0xFF9DA7), new Color(0x9C755F), new Color(0xBAB0AC)};
    /** Dodge step as a fraction of the x range (axis units). */
    private static final double DODGE = 0.012;

    private final String title;
    private final String subtitle;
    private final String xLabel;
    private final String yLabel;
    private final XScale xScale;
    private final boolean integerX;
    private final boolean lines;
    private final Intervals intervals;
    private final double yMin;
    private final double yMax;
    private final List<ChartSeries> series;

    private ErrorBarChart(Builder b) {
        this.title = b.title;
        this.subtitle = b.subtitle;
        this.xLabel = b.xLabel;
        this.yLabel = b.yLabel;
        this.xScale = b.xScale == XScale.AUTO ? resolve(b.series) : b.xScale;
        this.integerX = b.integerX;
        this.lines = b.lines;
        this.intervals = b.intervals;
        this.yMin = b.yMin;
        this.yMax = b.yMax;
        this.series = List.copyOf(b.series);
        if (series.isEmpty()) {
            throw new IllegalArgumentException("chart '" + title + "' has no series");
        }
    }

    private static XScale resolve(List<ChartSeries> series) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            for (double x : s.x()) {
                min = Math.min(min, x);
                max = Math.max(max, x);
            }
        }
        return min > 0 && max / min >= 8 ? XScale.LOG2 : XScale.LINEAR;
    }

    public static Builder builder(String title, String xLabel, String yLabel) {
        return new Builder(title, xLabel, yLabel);
    }

    /** The chart as a PNG image of {@code width} × {@code height} pixels. */
    public byte[] png(int width, int height) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(out, chart(), width, height);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot encode chart '" + title + "' as PNG", e);
        }
        return out.toByteArray();
    }

    /** The JFreeChart object, for rendering elsewhere (e.g. SVG). */
    public JFreeChart chart() {
        double[] shift = dodges();
        List<Integer> withIntervals = new ArrayList<>();
        List<Integer> without = new ArrayList<>();
        for (int i = 0; i < series.size(); i++) {
            (hasInterval(series.get(i)) ? withIntervals : without).add(i);
        }
        XYPlot plot = new XYPlot();
        int d = 0;
        if (!withIntervals.isEmpty()) {
            plot.setDataset(d, dataset(withIntervals, shift));
            plot.setRenderer(d++, styled(renderer(), withIntervals));
        }
        if (!without.isEmpty()) {
            plot.setDataset(d, dataset(without, shift));
            plot.setRenderer(d, styled(new XYLineAndShapeRenderer(), without));
        }
        plot.setDomainAxis(xAxis());
        plot.setRangeAxis(yAxis());
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xDDDDDD));
        plot.setRangeGridlinePaint(new Color(0xDDDDDD));
        plot.setOutlinePaint(new Color(0x999999));
        plot.setAxisOffset(new RectangleInsets(4, 4, 4, 4));
        JFreeChart chart = new JFreeChart(title, new Font(Font.SANS_SERIF, Font.BOLD, 17), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        String note = isDodged() ? "points offset slightly along x for legibility" : "";
        String text = subtitle.isEmpty() || note.isEmpty() ? subtitle + note : subtitle + "; " + note;
        if (!text.isEmpty()) {
            TextTitle sub = new TextTitle(text, new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            sub.setPaint(new Color(0x555555));
            chart.addSubtitle(sub);
        }
        chart.getLegend().setPosition(RectangleEdge.BOTTOM);
        chart.getLegend().setItemFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        chart.getLegend().setFrame(new org.jfree.chart.block.BlockBorder(new Color(0xCCCCCC)));
        return chart;
    }

    private static boolean hasInterval(ChartSeries s) {
        for (int k = 0; k < s.x().length; k++) {
            if (Double.isFinite(s.low()[k]) || Double.isFinite(s.high()[k])) {
                return true;
            }
        }
        return false;
    }

    /** Colours, strokes and markers of the series {@code indices}, in the renderer's order. */
    private XYLineAndShapeRenderer styled(XYLineAndShapeRenderer renderer, List<Integer> indices) {
        for (int j = 0; j < indices.size(); j++) {
            ChartSeries s = series.get(indices.get(j));
            Paint p = PALETTE[Math.floorMod(s.colour(), PALETTE.length)];
            renderer.setSeriesPaint(j, p);
            renderer.setSeriesFillPaint(j, p);
            renderer.setSeriesLinesVisible(j, lines || s.dashed());
            renderer.setSeriesShapesVisible(j, !s.dashed());
            renderer.setSeriesShape(j, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesStroke(j, s.dashed()
                    ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {7f, 5f}, 0f)
                    : new BasicStroke(2f));
        }
        return renderer;
    }

    private YIntervalSeriesCollection dataset(List<Integer> indices, double[] shift) {
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        for (int i : indices) {
            ChartSeries s = series.get(i);
            YIntervalSeries ys = new YIntervalSeries(s.label(), false, true);
            for (int k = 0; k < s.x().length; k++) {
                double y = s.y()[k];
                if (Double.isNaN(y)) {
                    continue;
                }
                double lo = Double.isNaN(s.low()[k]) ? y : s.low()[k];
                double hi = Double.isNaN(s.high()[k]) ? y : s.high()[k];
                double x = xScale == XScale.LOG2 ? s.x()[k] * Math.pow(2, shift[i]) : s.x()[k] + shift[i];
                ys.add(x, y, lo, hi);
            }
            data.addSeries(ys);
        }
        return data;
    }

    /** Per series, the x shift in axis units: colour groups spread symmetrically around 0. */
    private double[] dodges() {
        double[] shift = new double[series.size()];
        TreeSet<Integer> colours = new TreeSet<>();
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (ChartSeries s : series) {
            colours.add(s.colour());
            for (double x : s.x()) {
                double a = xScale == XScale.LOG2 ? Math.log(x) / Math.log(2) : x;
                min = Math.min(min, a);
                max = Math.max(max, a);
            }
        }
        if (!isDodged()) {
            return shift;
        }
        double span = max > min ? max - min : 1.0;
        List<Integer> order = new ArrayList<>(colours);
        for (int i = 0; i < series.size(); i++) {
            int g = order.indexOf(series.get(i).colour());
            shift[i] = DODGE * span * (g - (order.size() - 1) / 2.0);
        }
        return shift;
    }

    private boolean isDodged() {
        TreeSet<Integer> colours = new TreeSet<>();
        for (ChartSeries s : series) {
            colours.add(s.colour());
        }
        return intervals == Intervals.BARS && colours.size() > 1;
    }

    private XYLineAndShapeRenderer renderer() {
        if (intervals == Intervals.BAND) {
            DeviationRenderer r = new DeviationRenderer(true, true);
            r.setAlpha(0.18f);
            return r;
        }
        XYErrorRenderer r = new XYErrorRenderer();
        r.setDrawXError(false);
        r.setDrawYError(true);
        r.setCapLength(7.0);
        r.setErrorStroke(new BasicStroke(1.4f));
        return r;
    }

    private ValueAxis xAxis() {
        Font label = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
        Font ticks = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
        if (xScale == XScale.LOG2) {
            LogAxis axis = new LogAxis(xLabel);
            axis.setBase(2);
            axis.setTickUnit(new NumberTickUnit(1.0));
            axis.setNumberFormatOverride(new DecimalFormat("0.##"));
            axis.setMinorTickMarksVisible(false);
            axis.setLowerMargin(0.06);
            axis.setUpperMargin(0.06);
            axis.setLabelFont(label);
            axis.setTickLabelFont(ticks);
            return axis;
        }
        NumberAxis axis = new NumberAxis(xLabel);
        axis.setAutoRangeIncludesZero(false);
        axis.setLowerMargin(0.05);
        axis.setUpperMargin(0.05);
        if (integerX) {
            axis.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        axis.setLabelFont(label);
        axis.setTickLabelFont(ticks);
        return axis;
    }

    private ValueAxis yAxis() {
        NumberAxis axis = new NumberAxis(yLabel);
        axis.setLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 14));
        axis.setTickLabelFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        axis.setAutoRangeIncludesZero(true);
        if (!Double.isNaN(yMin) && !Double.isNaN(yMax)) {
            double pad = 0.03 * (yMax - yMin);
            axis.setRange(yMin - pad, yMax + pad);
        }
        return axis;
    }

    /** Collects the chart's settings; all but the series have defaults. */
    public static final class Builder {
        private final String title;
        private final String xLabel;
        private final String yLabel;
        private String subtitle = "";
        private XScale xScale = XScale.LINEAR;
        private boolean integerX;
        private boolean lines = true;
        private Intervals intervals = Intervals.BARS;
        private double yMin = Double.NaN;
        private double yMax = Double.NaN;
        private final List<ChartSeries> series = new ArrayList<>();

        private Builder(String title, String xLabel, String yLabel) {
            this.title = Objects.requireNonNull(title, "title");
            this.xLabel = Objects.requireNonNull(xLabel, "xLabel");
            this.yLabel = Objects.requireNonNull(yLabel, "yLabel");
        }

        public Builder subtitle(String text) {
            this.subtitle = Objects.requireNonNull(text, "subtitle");
            return this;
        }

        public Builder xScale(XScale scale) {
            this.xScale = Objects.requireNonNull(scale, "xScale");
            return this;
        }

        /** Ticks at integers only (counts, pattern indices). */
        public Builder integerX() {
            this.integerX = true;
            return this;
        }

        /** Markers only, no lines between the points of a solid series. */
        public Builder noLines() {
            this.lines = false;
            return this;
        }

        public Builder intervals(Intervals style) {
            this.intervals = Objects.requireNonNull(style, "intervals");
            return this;
        }

        /** A fixed y range (with a small margin), e.g. [0, 1] for fractions. */
        public Builder yRange(double min, double max) {
            if (!(max > min)) {
                throw new IllegalArgumentException("y range must have max > min, found [" + min + ", " + max + "]");
            }
            this.yMin = min;
            this.yMax = max;
            return this;
        }

        public Builder series(ChartSeries s) {
            series.add(Objects.requireNonNull(s, "series"));
            return this;
        }

        public ErrorBarChart build() {
            return new ErrorBarChart(this);
        }
    }
}
