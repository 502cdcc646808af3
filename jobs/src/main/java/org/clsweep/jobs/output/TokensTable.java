package org.clsweep.jobs.output;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.TokenLearning;

/**
 * The tokens table, {@code OUT/tokens}: when a two-layer run learned each (location, token), the
 * fields of {@link TokenLearning} in snake case.
 *
 * <pre>
 *   sweep string, cell_id string, seed bigint,
 *   location int, token int, patterns_using int (0: the token is noise at that location),
 *   learning_time int (first traced iteration with s_k(a) ≥ 0.9; NULL when never reached)
 * </pre>
 * The table is always written; it is empty (with this schema) when no run records tokens.
 */
public final class TokensTable {
    private static final StructType STRUCT = DataTypes.createStructType(List.of(
            DataTypes.createStructField("location", DataTypes.IntegerType, false),
            DataTypes.createStructField("token", DataTypes.IntegerType, false),
            DataTypes.createStructField("patterns_using", DataTypes.IntegerType, false),
            DataTypes.createStructField("learning_time", DataTypes.IntegerType, true)));

    private static final StructType SCHEMA = OptimaTable.withKeys(STRUCT);

    private TokensTable() {
    }

    public static StructType struct() {
        return STRUCT;
    }

    public static StructType schema() {
        return SCHEMA;
    }

    /** One record as a row of {@link #struct()}. */
    static Row row(TokenLearning t) {
        return RowFactory.create(t.location(), t.token(), t.patternsUsing(),
                t.learned() ? (Object) t.learningTime() : null);
    }
}
