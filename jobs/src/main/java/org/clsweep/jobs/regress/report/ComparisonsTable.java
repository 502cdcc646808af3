package org.clsweep.jobs.regress.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.jobs.regress.decision.Comparison;
import org.clsweep.jobs.regress.decision.RegressionReport;
import org.clsweep.jobs.regress.stat.SampleSummary;

/**
 * The comparisons table, {@code OUT/regress/comparisons}: one row per comparison of a regression
 * check, worst first, readable without this code (DuckDB, pandas, Spark).
 *
 * <pre>
 *   sweep string, cell string (axis=value, …), coordinates map&lt;string,string&gt;, cell_id string,
 *   metric string (a metric column, runs_failed, runs_diverged; NULL for a missing cell),
 *   method string (welch | constant | exact | status | fisher | no_data | too_few | missing_cell),
 *   verdict string (PASS | REGRESSION | NOT_COMPARED),
 *   baseline_n int, baseline_mean double, baseline_sd double,
 *   current_n int, current_mean double, current_sd double,
 *   difference, tolerance, effect_size, t, df, p, p_adjusted double, reason string
 * </pre>
 * Undefined numbers are NULL; the effect size of two different constant sides is ±Infinity.
 */
public final class ComparisonsTable {
    /** The table's directory under the regress output. */
    public static final String NAME = "comparisons";

    private static final StructType SCHEMA = new StructType()
            .add("sweep", DataTypes.StringType, false)
            .add("cell", DataTypes.StringType, false)
            .add("coordinates", DataTypes.createMapType(DataTypes.StringType, DataTypes.StringType, false), false)
            .add("cell_id", DataTypes.StringType, true)
            .add("metric", DataTypes.StringType, true)
            .add("method", DataTypes.StringType, false)
            .add("verdict", DataTypes.StringType, false)
            .add("baseline_n", DataTypes.IntegerType, true)
            .add("baseline_mean", DataTypes.DoubleType, true)
            .add("baseline_sd", DataTypes.DoubleType, true)
            .add("current_n", DataTypes.IntegerType, true)
            .add("current_mean", DataTypes.DoubleType, true)
            .add("current_sd", DataTypes.DoubleType, true)
            .add("difference", DataTypes.DoubleType, true)
            .add("tolerance", DataTypes.DoubleType, true)
            .add("effect_size", DataTypes.DoubleType, true)
            .add("t", DataTypes.DoubleType, true)
            .add("df", DataTypes.DoubleType, true)
            .add("p", DataTypes.DoubleType, true)
            .add("p_adjusted", DataTypes.DoubleType, true)
            .add("reason", DataTypes.StringType, false);

    private ComparisonsTable() {
    }

    public static StructType schema() {
        return SCHEMA;
    }

    /**
     * Writes the report's comparisons as one Parquet file.
     *
     * @param spark  the session
     * @param report the check's result
     * @param sweep  the sweep name
     * @param path   the table's directory; replaced if present
     */
    public static void write(SparkSession spark, RegressionReport report, String sweep, String path) {
        spark.createDataFrame(rows(report, sweep), SCHEMA).coalesce(1).write().mode("overwrite").parquet(path);
    }

    static List<Row> rows(RegressionReport report, String sweep) {
        List<Row> rows = new ArrayList<>(report.comparisons().size());
        for (Comparison c : report.comparisons()) {
            SampleSummary b = c.baseline();
            SampleSummary k = c.current();
            rows.add(RowFactory.create(sweep, c.cell(), c.coordinates(), c.cellId(), c.metric(),
                    c.method().name().toLowerCase(Locale.ROOT),
                    c.verdict().name(),
                    b == null ? null : b.n(), b == null ? null : orNull(b.mean()), b == null ? null : orNull(b.sd()),
                    k == null ? null : k.n(), k == null ? null : orNull(k.mean()), k == null ? null : orNull(k.sd()),
                    orNull(c.difference()), orNull(c.tolerance()), orNull(c.effectSize()), orNull(c.t()),
                    orNull(c.df()), orNull(c.p()), orNull(c.pAdjusted()), c.reason()));
        }
        return rows;
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
