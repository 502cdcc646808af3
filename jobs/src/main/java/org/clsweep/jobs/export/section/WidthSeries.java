package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.List;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.jobs.export.chart.ChartSeries;
import org.clsweep.jobs.export.chart.ErrorBarChart;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;

/**
 * The one-layer series against the width n that several figures share: one series per activation
 * (and per value of any other grid axis except the width), one row per grid cell, in increasing
 * width; a point is a metric's mean over the cell's seeds with the aggregates' 95% CI.
 *
 * <pre>
 *   keys    activation, then every other axis that varies among the one-layer runs, not width
 *   query   SELECT keys, width, columns FROM {aggregates} (one-layer, OK runs) ORDER BY keys, width
 *   point   (n, mean(m)) with the bar [ci_low(m), ci_high(m)]
 * </pre>
 */
final class WidthSeries {
    private WidthSeries() {
    }

    /** The series keys: the activation, then every other one-layer axis but the width. */
    static List<String> keys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.ONELAYER, List.of(ACTIVATION), WIDTH);
    }

    /**
     * The one-layer cells' rows, sorted by {@code keys} and then the width.
     *
     * @param columns    the columns after the keys and the width. Not modified.
     * @param conditions further conditions on the rows. Not modified.
     */
    static SqlQuery query(List<String> keys, List<String> columns, List<String> conditions) {
        return SqlQuery.seriesOf(keys, WIDTH, columns, ModelKind.ONELAYER.specName(), conditions);
    }

    /** A chart of means over seeds against the width: integer ticks, the scale chosen from the widths. */
    static ErrorBarChart.Builder chart(String title, String yLabel) {
        return ErrorBarChart.builder(title, "width n (nodes)", yLabel).subtitle("bars: 95% CI over seeds")
                .xScale(ErrorBarChart.XScale.AUTO).integerX();
    }

    /** The series' mean of {@code metric} at each width, with its 95% CI as bars, drawn solid. */
    static ChartSeries mean(String label, RowGroups.Group series, QueryResult t, SweepSchema s, RunMetric metric,
                            int colour) {
        return new ChartSeries(label, series.numbers(t, WIDTH), series.numbers(t, s.mean(metric)),
                series.numbers(t, s.ciLow(metric)), series.numbers(t, s.ciHigh(metric)), colour, false);
    }
}
