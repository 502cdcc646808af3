package org.clsweep.jobs.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.SpecKey;

/**
 * The runs table, {@code OUT/runs}: one row per run (cell × seed). The schema is derived from
 * {@link SpecKey} and {@link RunMetric}, so adding either adds a column:
 *
 * <pre>
 *   sweep string, spec_hash string, cell_id string, seed bigint,
 *   one column per SpecKey (dots → underscores; INT int, DOUBLE double, BOOLEAN boolean,
 *                             CHOICE and STRING string, STRING_LIST array&lt;string&gt;, INT_LIST array&lt;int&gt;),
 *   status string (OK | DIVERGED | FAILED), error string (NULL when OK),
 *   one column per RunMetric (integral: int, else double; NULL when the metric does not apply),
 *   pattern_basin_share array&lt;double&gt; (NULL when FAILED), steps_done int, wall_ms bigint,
 *   code_version string
 * </pre>
 * {@code wall_ms} is measured by the job around the run, FAILED runs included.
 */
public final class RunsTable {
    public static final String SWEEP = "sweep";
    public static final String SPEC_HASH = "spec_hash";
    public static final String CELL_ID = "cell_id";
    public static final String SEED = "seed";
    public static final String STATUS = "status";
    public static final String ERROR = "error";
    public static final String PATTERN_BASIN_SHARE = "pattern_basin_share";
    public static final String STEPS_DONE = "steps_done";
    public static final String WALL_MS = "wall_ms";
    public static final String CODE_VERSION = "code_version";

    private static final StructType SCHEMA = buildSchema();

    private RunsTable() {
    }

    public static StructType schema() {
        return SCHEMA;
    }

    /** The columns that identify a run: sweep, spec_hash, cell_id, seed. */
    static List<StructField> keyFields() {
        return List.of(
                DataTypes.createStructField(SWEEP, DataTypes.StringType, false),
                DataTypes.createStructField(SPEC_HASH, DataTypes.StringType, false),
                DataTypes.createStructField(CELL_ID, DataTypes.StringType, false),
                DataTypes.createStructField(SEED, DataTypes.LongType, false));
    }

    private static StructType buildSchema() {
        List<StructField> f = new ArrayList<>(keyFields());
        for (SpecKey p : SpecKey.values()) {
            f.add(DataTypes.createStructField(p.column(), Columns.sqlType(p), false));
        }
        f.add(DataTypes.createStructField(STATUS, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(ERROR, DataTypes.StringType, true));
        for (RunMetric m : RunMetric.values()) {
            f.add(DataTypes.createStructField(m.column(),
                    m.isIntegral() ? DataTypes.IntegerType : DataTypes.DoubleType, true));
        }
        f.add(DataTypes.createStructField(PATTERN_BASIN_SHARE, DataTypes.createArrayType(DataTypes.DoubleType, true),
                true));
        f.add(DataTypes.createStructField(STEPS_DONE, DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField(WALL_MS, DataTypes.LongType, false));
        f.add(DataTypes.createStructField(CODE_VERSION, DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    /**
     * The row values of one run, in schema order.
     *
     * @param id     the sweep-level columns. Not modified.
     * @param seed   the run's seed
     * @param spec   the cell's parameters. Not modified.
     * @param result the run's result. Not modified.
     * @param wallMs wall-clock milliseconds the run took
     */
    public static Object[] values(RunIdentity id, long seed, RunSpec spec, RunResult result, long wallMs) {
        Object[] v = new Object[SCHEMA.size()];
        int i = 0;
        v[i++] = id.sweep();
        v[i++] = id.specHash();
        v[i++] = id.cellId();
        v[i++] = seed;
        for (SpecKey p : SpecKey.values()) {
            v[i++] = Columns.external(p.valueOf(spec));
        }
        v[i++] = result.status().name();
        v[i++] = result.error();
        for (RunMetric m : RunMetric.values()) {
            double x = result.metric(m);
            v[i++] = Double.isNaN(x) ? null : m.isIntegral() ? (Object) (int) Math.round(x) : (Object) x;
        }
        v[i++] = result.status() == RunStatus.FAILED ? null : result.patternBasinShare().clone();
        v[i++] = result.stepsDone();
        v[i++] = wallMs;
        v[i++] = id.codeVersion();
        return v;
    }
}
