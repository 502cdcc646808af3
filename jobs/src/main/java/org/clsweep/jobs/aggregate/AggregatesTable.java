package org.clsweep.jobs.aggregate;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.output.Columns;
import org.clsweep.jobs.output.RunsTable;

/**
 * The aggregates table, {@code OUT/aggregates}: one row per cell, recomputable from the runs table
 * ({@code clsweep aggregate OUT}). See {@link CellSummary} for the statistics.
 *
 * <pre>
 *   sweep string, cell_id string, one column per SpecKey (as in the runs table),
 *   n_runs, n_ok, n_diverged, n_failed bigint,
 *   per RunMetric m: m_mean, m_std, m_ci_low, m_ci_high double  (over OK runs; NULL if undefined)
 *   basin_prob array&lt;double&gt;         p_l = mean over OK runs of pattern_basin_share[l]: the share
 *                                     of the cell's nodes (all seeds) that reached pattern l
 *   predicted_coverage double         mean_l [1 − (1 − p_l)^width] from basin_prob
 *   basin_prob_pooled array&lt;double&gt;  p_l from the nodes of every cell of the sweep that differs
 *                                     from this one only in width (each node weighs the same)
 *   predicted_coverage_pooled double  the prediction from basin_prob_pooled
 *   pooled_runs bigint                OK runs behind basin_prob_pooled
 *   predicted_coverage_per_seed double  geometries drawn per seed (random, pairs) only: per seed,
 *                                     p_l pooled over that seed's runs of the same cells, the
 *                                     prediction from it, then the mean over seeds; NULL for
 *                                     fixed geometries (orthogonal, equiangular)
 * </pre>
 * Compare {@code predicted_coverage*} with the observed {@code coverage_mean}: for fixed
 * geometries {@code predicted_coverage_pooled}, for geometries drawn per seed
 * {@code predicted_coverage_per_seed}. Where every seed has its own patterns, p_l varies with the
 * seed, and since 1 − (1 − p)^n is concave in p, Jensen's inequality makes the prediction from the
 * seed-averaged p_l ({@code predicted_coverage_pooled}, kept as it is for every geometry) at least
 * the mean of the per-seed predictions: it overstates the coverage (see {@link WidthPools}). The
 * basin and prediction columns are NULL for cells without per-pattern shares (two layers).
 */
public final class AggregatesTable {
    public static final String N_RUNS = "n_runs";
    public static final String N_OK = "n_ok";
    public static final String N_DIVERGED = "n_diverged";
    public static final String N_FAILED = "n_failed";
    public static final String MEAN = "_mean";
    public static final String STD = "_std";
    public static final String CI_LOW = "_ci_low";
    public static final String CI_HIGH = "_ci_high";
    public static final String BASIN_PROB = "basin_prob";
    public static final String PREDICTED_COVERAGE = "predicted_coverage";
    public static final String BASIN_PROB_POOLED = "basin_prob_pooled";
    public static final String PREDICTED_COVERAGE_POOLED = "predicted_coverage_pooled";
    public static final String POOLED_RUNS = "pooled_runs";
    public static final String PREDICTED_COVERAGE_PER_SEED = "predicted_coverage_per_seed";

    private static final StructType SCHEMA = buildSchema();

    private AggregatesTable() {
    }

    public static StructType schema() {
        return SCHEMA;
    }

    private static StructType buildSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(RunsTable.SWEEP, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(RunsTable.CELL_ID, DataTypes.StringType, false));
        for (SpecKey p : SpecKey.values()) {
            f.add(DataTypes.createStructField(p.column(), Columns.sqlType(p), false));
        }
        for (String n : List.of(N_RUNS, N_OK, N_DIVERGED, N_FAILED)) {
            f.add(DataTypes.createStructField(n, DataTypes.LongType, false));
        }
        for (RunMetric m : RunMetric.values()) {
            for (String suffix : List.of(MEAN, STD, CI_LOW, CI_HIGH)) {
                f.add(DataTypes.createStructField(m.column() + suffix, DataTypes.DoubleType, true));
            }
        }
        f.add(DataTypes.createStructField(BASIN_PROB, DataTypes.createArrayType(DataTypes.DoubleType, false), true));
        f.add(DataTypes.createStructField(PREDICTED_COVERAGE, DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(BASIN_PROB_POOLED, DataTypes.createArrayType(DataTypes.DoubleType, false),
                true));
        f.add(DataTypes.createStructField(PREDICTED_COVERAGE_POOLED, DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField(POOLED_RUNS, DataTypes.LongType, true));
        f.add(DataTypes.createStructField(PREDICTED_COVERAGE_PER_SEED, DataTypes.DoubleType, true));
        return DataTypes.createStructType(f);
    }
}
