package org.clsweep.jobs.output;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.TracePoint;

/**
 * The trace table, {@code OUT/trace}: learning curves, one row per recorded iteration of a run
 * that records one (two layers; one layer, sgd, InfoNCE), the fields of {@link TracePoint} in
 * snake case.
 *
 * <pre>
 *   sweep string, cell_id string, seed bigint,
 *   iteration int, loss double,
 *   loc_all double, loc_other_all double,                 two layers (NULL for one layer)
 *   token_scores array&lt;double&gt;                           two layers: s_k(a), index k·vocab + a
 *   rf_top_share array&lt;double&gt;                           two layers: s_k² = ‖V_k‖²_F / ‖V‖²_F, index k
 *   rf_z_share array&lt;double&gt;                             two layers: R²_k = Var_z E[f_k|z] / V[f_k], index k
 *   alpha_same_share, alpha_same_expected, alpha_neg_eff  one layer (NULL for two layers)
 * </pre>
 * The table is always written; it is empty (with this schema) when no run records a trace.
 */
public final class TraceTable {
    private static final StructType STRUCT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("iteration", DataTypes.IntegerType, false),
            DataTypes.createStructField("loss", DataTypes.DoubleType, true),
            DataTypes.createStructField("loc_all", DataTypes.DoubleType, true),
            DataTypes.createStructField("loc_other_all", DataTypes.DoubleType, true),
            DataTypes.createStructField("token_scores", DataTypes.createArrayType(DataTypes.DoubleType, true), true),
            DataTypes.createStructField("rf_top_share", DataTypes.createArrayType(DataTypes.DoubleType, true), true),
            DataTypes.createStructField("rf_z_share", DataTypes.createArrayType(DataTypes.DoubleType, true), true),
            DataTypes.createStructField("alpha_same_share", DataTypes.DoubleType, true),
            DataTypes.createStructField("alpha_same_expected", DataTypes.DoubleType, true),
            DataTypes.createStructField("alpha_neg_eff", DataTypes.DoubleType, true)));

    private static final StructType SCHEMA = OptimaTable.withKeys(STRUCT);

    private TraceTable() {
    }

    public static StructType struct() {
        return STRUCT;
    }

    public static StructType schema() {
        return SCHEMA;
    }

    /** One trace point as a row of {@link #struct()}. */
    static Row row(TracePoint p) {
        return RowFactory.create(p.iteration(), Columns.orNull(p.loss()), Columns.orNull(p.locAll()),
                Columns.orNull(p.locOtherAll()), copy(p.tokenScores()), copy(p.rfTopShare()), copy(p.rfZShare()),
                Columns.orNull(p.alphaSameShare()), Columns.orNull(p.alphaSameExpected()),
                Columns.orNull(p.alphaNegEff()));
    }

    private static double[] copy(double[] values) {
        return values == null ? null : values.clone();
    }
}
