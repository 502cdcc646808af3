package org.clsweep.jobs.aggregate;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.expressions.GenericRowWithSchema;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.RunsTable;
import scala.collection.JavaConverters;

/** Runs-table rows as Spark reads them (arrays as Scala sequences), for the aggregate tests. */
final class RunsRows {
    static final StructType SCHEMA = RunsTable.schema();
    static final CellStatistics.RowLayout LAYOUT = CellStatistics.RowLayout.of(SCHEMA);

    private RunsRows() {
    }

    /**
     * @param params  parameter values that differ from the defaults (width 4, other ints 1, doubles
     *                0.5, booleans true, the first choice, lists [a, b])
     * @param metrics the metrics that are set; the others are NULL
     * @param shares  pattern_basin_share, or null
     */
    static Row row(String cell, long seed, RunStatus status, Map<SpecKey, Object> params,
                   Map<RunMetric, Double> metrics, double[] shares) {
        Object[] v = new Object[SCHEMA.size()];
        v[SCHEMA.fieldIndex(RunsTable.SWEEP)] = "s";
        v[SCHEMA.fieldIndex(RunsTable.CELL_ID)] = cell;
        v[SCHEMA.fieldIndex(RunsTable.SEED)] = seed;
        v[SCHEMA.fieldIndex(RunsTable.STATUS)] = status.name();
        for (SpecKey p : SpecKey.values()) {
            v[SCHEMA.fieldIndex(p.column())] = params.containsKey(p) ? params.get(p) : switch (p.type()) {
                case INT -> p == SpecKey.WIDTH ? 4 : 1;
                case DOUBLE -> 0.5;
                case BOOLEAN -> true;
                case CHOICE -> p.choices().get(0);
                case STRING -> "a";
                case STRING_LIST -> scalaSeq(List.of("a", "b"));
                case INT_LIST -> scalaSeq(List.of(1, 2));
            };
        }
        metrics.forEach((m, x) -> v[SCHEMA.fieldIndex(m.column())] = x);
        if (shares != null) {
            v[SCHEMA.fieldIndex(RunsTable.PATTERN_BASIN_SHARE)] =
                    scalaSeq(Arrays.asList(Arrays.stream(shares).boxed().toArray(Double[]::new)));
        }
        return new GenericRowWithSchema(v, SCHEMA);
    }

    /** The statistics of one cell's rows, accumulated in one part. */
    static CellStatistics cell(List<Row> rows) {
        CellStatistics s = CellStatistics.of(rows.get(0), LAYOUT);
        for (Row r : rows) {
            s.add(r, LAYOUT);
        }
        return s;
    }

    /** An array value as Spark's Rows hold it, in a form Scala 2.12 and 2.13 both have. */
    @SuppressWarnings("deprecation")
    private static Object scalaSeq(List<?> values) {
        return JavaConverters.asScalaBuffer(values).toSeq();
    }
}
