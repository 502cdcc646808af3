package org.clsweep.jobs.output;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.spec.RunSpec;

/**
 * The job's own record of a run, one row per run: the runs table's columns, the name of the
 * result part that holds the row ({@link ResultParts}), and the run's optima, trace and tokens
 * nested as arrays of structs. Runs are simulated once into this table (committed part by part
 * under {@code OUT/_results}); the runs, optima, trace and tokens tables are derived from it.
 *
 * <pre>
 *   RunsTable columns…, part string, optima array&lt;OptimaTable.struct&gt;,
 *   trace array&lt;TraceTable.struct&gt;, tokens array&lt;TokensTable.struct&gt;
 * </pre>
 */
public final class ResultTable {
    public static final String PART = "part";
    public static final String OPTIMA = "optima";
    public static final String TRACE = "trace";
    public static final String TOKENS = "tokens";

    private static final StructType SCHEMA = buildSchema();

    private ResultTable() {
    }

    public static StructType schema() {
        return SCHEMA;
    }

    private static StructType buildSchema() {
        List<StructField> f = new ArrayList<>(List.of(RunsTable.schema().fields()));
        f.add(DataTypes.createStructField(PART, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(OPTIMA, DataTypes.createArrayType(OptimaTable.struct(), false), false));
        f.add(DataTypes.createStructField(TRACE, DataTypes.createArrayType(TraceTable.struct(), false), false));
        f.add(DataTypes.createStructField(TOKENS, DataTypes.createArrayType(TokensTable.struct(), false), false));
        return DataTypes.createStructType(f);
    }

    /**
     * One run's row.
     *
     * @param id        the sweep-level columns and cell id. Not modified.
     * @param part      the result part the row is written to
     * @param seed      the run's seed
     * @param spec      the cell's parameters. Not modified.
     * @param result    the run's result. Not modified.
     * @param wallMs    wall-clock milliseconds of the run
     */
    public static Row row(RunIdentity id, String part, long seed, RunSpec spec, RunResult result, long wallMs) {
        Object[] run = RunsTable.values(id, seed, spec, result, wallMs);
        Object[] v = new Object[SCHEMA.size()];
        System.arraycopy(run, 0, v, 0, run.length);
        Row[] optima = new Row[result.optima().size()];
        for (int i = 0; i < optima.length; i++) {
            optima[i] = OptimaTable.row(result.optima().get(i),
                    result.optimumLabels().isEmpty() ? null : result.optimumLabels().get(i));
        }
        Row[] trace = new Row[result.trace().size()];
        for (int i = 0; i < trace.length; i++) {
            trace[i] = TraceTable.row(result.trace().get(i));
        }
        Row[] tokens = new Row[result.tokens().size()];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = TokensTable.row(result.tokens().get(i));
        }
        v[run.length] = part;
        v[run.length + 1] = optima;
        v[run.length + 2] = trace;
        v[run.length + 3] = tokens;
        return RowFactory.create(v);
    }
}
