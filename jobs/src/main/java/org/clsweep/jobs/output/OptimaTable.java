package org.clsweep.jobs.output;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.Curvature;
import org.clsweep.dynamics.optima.DistinctOptimum;

/**
 * The optima table, {@code OUT/optima}: one row per distinct optimum of a one-layer run and
 * analysis, the fields of {@link DistinctOptimum} and of its {@link Curvature} in snake case
 * ({@code index} becomes {@code optimum_index}, {@code representativeNode} is left out).
 *
 * <pre>
 *   sweep string, cell_id string, seed bigint,
 *   optimum_index int, analysis_alpha string, node_count int, basin_share double,
 *   direction array&lt;double&gt;, best_pattern int, best_cosine double, residual double,
 *   fixed_point_residual double, lambda1 double, lambda2 double, gap double, top_eigenvector boolean,
 *   roughness double, roughness_bound double, gap_over_roughness double, contraction boolean,
 *   stability_margin double, on_hinge boolean, activation_set array&lt;int&gt;, energy double,
 *   majority_label int, label_purity double, class_mean_cosine double
 * </pre>
 * Every optimum has a {@code uniform} row; sgd InfoNCE runs of a homogeneous activation add an
 * {@code infonce} row of the same optimum_index ({@link AnalysisAlpha}). Whoever counts or averages
 * optima reads one analysis: {@code WHERE analysis_alpha = 'uniform'}. Pattern indices are
 * 0-based. NaN doubles are written as NULL; {@code contraction} and {@code on_hinge} are NULL where
 * the curvature was not computed ({@code analysis.curvature = none}, an activation without A(w),
 * an infonce row). The last three are the optimum's {@link OptimumLabel} on a labelled dataset, NULL
 * otherwise (and in result parts committed before they existed).
 */
public final class OptimaTable {
    public static final String OPTIMUM_INDEX = "optimum_index";
    public static final String ANALYSIS_ALPHA = "analysis_alpha";
    public static final String RESIDUAL = "residual";
    public static final String FIXED_POINT_RESIDUAL = "fixed_point_residual";
    public static final String MAJORITY_LABEL = "majority_label";
    public static final String LABEL_PURITY = "label_purity";
    public static final String CLASS_MEAN_COSINE = "class_mean_cosine";

    /** Nullable analysis_alpha: result parts committed before it read as NULL there ({@link #readBack}). */
    private static final StructType STRUCT = DataTypes.createStructType(List.of(
            DataTypes.createStructField(OPTIMUM_INDEX, DataTypes.IntegerType, false),
            DataTypes.createStructField(ANALYSIS_ALPHA, DataTypes.StringType, true),
            DataTypes.createStructField("node_count", DataTypes.IntegerType, false),
            DataTypes.createStructField("basin_share", DataTypes.DoubleType, true),
            DataTypes.createStructField("direction", DataTypes.createArrayType(DataTypes.DoubleType, true), false),
            DataTypes.createStructField("best_pattern", DataTypes.IntegerType, false),
            DataTypes.createStructField("best_cosine", DataTypes.DoubleType, true),
            DataTypes.createStructField(RESIDUAL, DataTypes.DoubleType, true),
            DataTypes.createStructField(FIXED_POINT_RESIDUAL, DataTypes.DoubleType, true),
            DataTypes.createStructField("lambda1", DataTypes.DoubleType, true),
            DataTypes.createStructField("lambda2", DataTypes.DoubleType, true),
            DataTypes.createStructField("gap", DataTypes.DoubleType, true),
            DataTypes.createStructField("top_eigenvector", DataTypes.BooleanType, false),
            DataTypes.createStructField("roughness", DataTypes.DoubleType, true),
            DataTypes.createStructField("roughness_bound", DataTypes.DoubleType, true),
            DataTypes.createStructField("gap_over_roughness", DataTypes.DoubleType, true),
            DataTypes.createStructField("contraction", DataTypes.BooleanType, true),
            DataTypes.createStructField("stability_margin", DataTypes.DoubleType, true),
            DataTypes.createStructField("on_hinge", DataTypes.BooleanType, true),
            DataTypes.createStructField("activation_set", DataTypes.createArrayType(DataTypes.IntegerType, false),
                    false),
            DataTypes.createStructField("energy", DataTypes.DoubleType, true),
            DataTypes.createStructField(MAJORITY_LABEL, DataTypes.IntegerType, true),
            DataTypes.createStructField(LABEL_PURITY, DataTypes.DoubleType, true),
            DataTypes.createStructField(CLASS_MEAN_COSINE, DataTypes.DoubleType, true)));

    private static final StructType SCHEMA = withKeys(STRUCT);

    private OptimaTable() {
    }

    /** The columns of one optimum, without the run key. */
    public static StructType struct() {
        return STRUCT;
    }

    /** The table: sweep, cell_id, seed, then {@link #struct()}. */
    public static StructType schema() {
        return SCHEMA;
    }

    /**
     * One optimum as a row of {@link #struct()}.
     *
     * @param o     the optimum. Not modified.
     * @param label its label alignment, or null without labelled data
     */
    static Row row(DistinctOptimum o, OptimumLabel label) {
        Integer[] active = new Integer[o.activationSet().length];
        for (int i = 0; i < active.length; i++) {
            active[i] = o.activationSet()[i];
        }
        Curvature c = o.curvature();
        boolean computed = c.onHinge() || !Double.isNaN(c.lambda1());
        return RowFactory.create(o.index(), o.analysisAlpha().label(), o.nodeCount(), Columns.orNull(o.basinShare()),
                o.direction().clone(), o.bestPattern(), Columns.orNull(o.bestCosine()), Columns.orNull(o.residual()),
                Columns.orNull(o.fixedPointResidual()), Columns.orNull(o.lambda1()), Columns.orNull(o.lambda2()),
                Columns.orNull(o.gap()), o.topEigenvector(), Columns.orNull(c.roughness()),
                Columns.orNull(c.roughnessBound()),
                Columns.orNull(c.gapOverRoughness()), computed ? c.contraction() : null,
                Columns.orNull(c.stabilityMargin()), computed ? c.onHinge() : null, active,
                Columns.orNull(o.energy()),
                label == null || label.majorityLabel().isEmpty() ? null : label.majorityLabel().getAsInt(),
                label == null ? null : Columns.orNull(label.labelPurity()),
                label == null ? null : Columns.orNull(label.classMeanCosine()));
    }

    /**
     * The fields of {@link #struct()}, named, from an optimum {@code element} of a result part, whatever
     * version of this table wrote the part: parts committed before the InfoNCE analysis hold uniform
     * rows without analysis_alpha and fixed_point_residual, which read as {@code uniform} and as
     * their residual (the population equation's, as every uniform row's).
     *
     * @param element a struct column of (a superset of the fields of) {@link #struct()}
     */
    public static Column[] readBack(Column element) {
        String[] names = STRUCT.fieldNames();
        Column[] out = new Column[names.length];
        Column alpha = element.getField(ANALYSIS_ALPHA);
        for (int i = 0; i < names.length; i++) {
            Column c = element.getField(names[i]);
            if (names[i].equals(ANALYSIS_ALPHA)) {
                c = coalesce(alpha, lit(AnalysisAlpha.UNIFORM.label()));
            } else if (names[i].equals(FIXED_POINT_RESIDUAL)) {
                c = when(alpha.isNull(), element.getField(RESIDUAL)).otherwise(c);
            }
            out[i] = c.as(names[i]);
        }
        return out;
    }

    /** sweep, cell_id, seed followed by the fields of {@code struct}. */
    static StructType withKeys(StructType struct) {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField(RunsTable.SWEEP, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(RunsTable.CELL_ID, DataTypes.StringType, false));
        f.add(DataTypes.createStructField(RunsTable.SEED, DataTypes.LongType, false));
        f.addAll(List.of(struct.fields()));
        return DataTypes.createStructType(f);
    }
}
