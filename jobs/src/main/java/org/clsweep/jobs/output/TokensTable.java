package org.clsweep.jobs.output;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.TokenLearning;
import org.clsweep.data.tokens.TokenStatistics;

/**
 * The tokens table, {@code OUT/tokens}: per (location, token) of a two-layer run, when the run
 * learned it ({@link TokenLearning}) and what the data make of it ({@link TokenStatistics}), in
 * snake case.
 *
 * <pre>
 *   sweep string, cell_id string, seed bigint,
 *   location int, token int, patterns_using int (0: the token is background at that location),
 *   learning_time int (first traced iteration with s_k(a) ≥ 0.9; NULL when never reached),
 *   role string (pattern | background), frequency double, invariance double (NULL where the token
 *   never occurs), pair_covariance double, discriminativeness double,
 *   final_score double (s_k(a) of the final filters; NULL for a diverged run)
 * </pre>
 * The table is always written; it is empty (with this schema) when no run records tokens. The
 * last six columns are nullable: result parts committed before they existed read back NULL there.
 */
public final class TokensTable {
    public static final String LOCATION = "location";
    public static final String TOKEN = "token";
    public static final String PATTERNS_USING = "patterns_using";
    public static final String LEARNING_TIME = "learning_time";
    public static final String ROLE = "role";
    public static final String FREQUENCY = "frequency";
    public static final String INVARIANCE = "invariance";
    public static final String PAIR_COVARIANCE = "pair_covariance";
    public static final String DISCRIMINATIVENESS = "discriminativeness";
    public static final String FINAL_SCORE = "final_score";

    private static final StructType STRUCT = DataTypes.createStructType(List.of(
            DataTypes.createStructField(LOCATION, DataTypes.IntegerType, false),
            DataTypes.createStructField(TOKEN, DataTypes.IntegerType, false),
            DataTypes.createStructField(PATTERNS_USING, DataTypes.IntegerType, false),
            DataTypes.createStructField(LEARNING_TIME, DataTypes.IntegerType, true),
            DataTypes.createStructField(ROLE, DataTypes.StringType, true),
            DataTypes.createStructField(FREQUENCY, DataTypes.DoubleType, true),
            DataTypes.createStructField(INVARIANCE, DataTypes.DoubleType, true),
            DataTypes.createStructField(PAIR_COVARIANCE, DataTypes.DoubleType, true),
            DataTypes.createStructField(DISCRIMINATIVENESS, DataTypes.DoubleType, true),
            DataTypes.createStructField(FINAL_SCORE, DataTypes.DoubleType, true)));

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
        TokenStatistics s = t.statistics();
        return RowFactory.create(t.location(), t.token(), t.patternsUsing(),
                t.learned() ? (Object) t.learningTime() : null, s.role().value(), s.frequency(),
                Columns.orNull(s.invariance()), s.pairCovariance(), s.discriminativeness(),
                Columns.orNull(t.finalScore()));
    }
}
