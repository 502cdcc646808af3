package org.clsweep.jobs.export.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import javax.imageio.ImageIO;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.junit.jupiter.api.Test;

class ErrorBarChartTest {
    private static final int W = 640;
    private static final int H = 400;
    /** The first two palette colours (Tableau 10 blue and orange). */
    private static final int BLUE = 0x4E79A7;
    private static final int ORANGE = 0xF28E2B;

    private static ChartSeries relu() {
        return new ChartSeries("relu", new double[] {1, 4, 16}, new double[] {1, 3.5, 5.8},
                new double[] {1, 2.9, 5.2}, new double[] {1, 4.1, 6.2}, 0, false);
    }

    private static ChartSeries linear() {
        return ChartSeries.line("linear", new double[] {1, 4, 16}, new double[] {1, 1, 1}, 1, true);
    }

    @Test
    void rendersARealPngWithBothSeriesColours() throws Exception {
        byte[] png = ErrorBarChart.builder("Distinct optima vs width", "width n", "distinct optima")
                .subtitle("bars: 95% CI").xScale(ErrorBarChart.XScale.AUTO).integerX()
                .series(relu()).series(linear()).build().png(W, H);
        BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
        assertThat(img).isNotNull();
        assertThat(img.getWidth()).isEqualTo(W);
        assertThat(img.getHeight()).isEqualTo(H);
        assertThat(count(img, BLUE)).as("pixels of the relu series").isGreaterThan(200);
        assertThat(count(img, ORANGE)).as("pixels of the linear series").isGreaterThan(100);
    }

    @Test
    void labelsAxesAndKeepsALegend() {
        JFreeChart chart = ErrorBarChart.builder("t", "width n", "distinct optima")
                .xScale(ErrorBarChart.XScale.AUTO).series(relu()).series(linear()).build().chart();
        XYPlot plot = chart.getXYPlot();
        assertThat(plot.getDomainAxis().getLabel()).isEqualTo("width n");
        assertThat(plot.getRangeAxis().getLabel()).isEqualTo("distinct optima");
        assertThat(plot.getDomainAxis()).as("1..16 spans 16x: log scale").isInstanceOf(LogAxis.class);
        assertThat(chart.getLegend()).isNotNull();
        assertThat(plot.getLegendItems().getItemCount()).isEqualTo(2);
        assertThat(plot.getDatasetCount()).as("series with and without intervals").isEqualTo(2);
    }

    @Test
    void narrowRangesStayLinear() {
        JFreeChart chart = ErrorBarChart.builder("t", "c", "y").xScale(ErrorBarChart.XScale.AUTO)
                .series(ChartSeries.line("s", new double[] {0, 0.5, 1}, new double[] {3, 2, 1}, 0, false))
                .build().chart();
        assertThat(chart.getXYPlot().getDomainAxis()).isInstanceOf(NumberAxis.class);
    }

    @Test
    void rejectsAChartWithoutSeries() {
        assertThatThrownBy(() -> ErrorBarChart.builder("empty", "x", "y").build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("chart 'empty' has no series");
    }

    @Test
    void rejectsSeriesOfUnequalLengths() {
        assertThatThrownBy(() -> new ChartSeries("s", new double[2], new double[2], new double[1], new double[2], 0,
                false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("series s: x, y, low, high must have equal lengths");
    }

    private static int count(BufferedImage img, int rgb) {
        int n = 0;
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                n += (img.getRGB(x, y) & 0xFFFFFF) == rgb ? 1 : 0;
            }
        }
        return n;
    }
}
