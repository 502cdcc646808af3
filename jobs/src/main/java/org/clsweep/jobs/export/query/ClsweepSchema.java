package org.clsweep.jobs.export.query;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.jobs.output.OptimaTable;

/**
 * The output schema the clsweep sweep job writes (README, "Output schema"; the jobs module's
 * {@code RunsTable}, {@code AggregatesTable} and {@code TraceTable}).
 *
 * <pre>
 *   runs        sweep, spec_hash, cell_id, seed, &lt;parameters&gt;, status, error, &lt;metrics&gt;,
 *               pattern_basin_share, steps_done, wall_ms, code_version
 *   aggregates  sweep, cell_id, &lt;parameters&gt;, n_runs, n_ok, n_diverged, n_failed,
 *               &lt;metric&gt;_mean, _std, _ci_low, _ci_high, basin_prob, predicted_coverage,
 *               basin_prob_pooled, predicted_coverage_pooled, pooled_runs, predicted_coverage_per_seed
 *   trace       sweep, cell_id, seed, iteration, loss, loc_all, loc_other_all, token_scores,
 *               rf_top_share, rf_z_share, alpha_same_share, alpha_same_expected, alpha_neg_eff
 *   tokens      sweep, cell_id, seed, location, token, patterns_using, learning_time, role,
 *               frequency, invariance, pair_covariance, discriminativeness
 *   optima      sweep, cell_id, seed, optimum_index, …, gap, …, roughness, …, stability_margin, …
 * </pre>
 *
 * The tokens table holds the fields of {@code TokenLearning} and its {@code TokenStatistics} (one
 * record per location and token of a two-layer run) in snake case, as the trace and optima tables
 * hold theirs.
 */
public final class ClsweepSchema implements SweepSchema {
    private static final String BASIN_SHARE = "pattern_basin_share";

    @Override
    public Set<String> runNonParameterColumns() {
        Set<String> s = new LinkedHashSet<>();
        s.add("sweep");
        s.add("spec_hash");
        s.add("cell_id");
        s.add("seed");
        s.add("status");
        s.add("error");
        for (RunMetric m : RunMetric.values()) {
            s.add(m.column());
        }
        s.add(BASIN_SHARE);
        s.add("steps_done");
        s.add("wall_ms");
        s.add("code_version");
        return s;
    }

    @Override
    public String runBasinShare() {
        return BASIN_SHARE;
    }

    @Override
    public String aggregateRuns() {
        return "n_ok";
    }

    @Override
    public List<String> aggregateCounts() {
        return List.of("n_runs", "n_ok", "n_diverged", "n_failed");
    }

    @Override
    public String mean(RunMetric metric) {
        return metric.column() + "_mean";
    }

    @Override
    public String ciLow(RunMetric metric) {
        return metric.column() + "_ci_low";
    }

    @Override
    public String ciHigh(RunMetric metric) {
        return metric.column() + "_ci_high";
    }

    @Override
    public String basinProbability() {
        return "basin_prob";
    }

    @Override
    public String coveragePrediction() {
        return "predicted_coverage";
    }

    @Override
    public String pooledCoveragePrediction() {
        return "predicted_coverage_pooled";
    }

    @Override
    public String perSeedCoveragePrediction() {
        return "predicted_coverage_per_seed";
    }

    @Override
    public String tokenPatternsUsing() {
        return "patterns_using";
    }

    @Override
    public String tokenLearningTime() {
        return "learning_time";
    }

    @Override
    public String tokenFrequency() {
        return "frequency";
    }

    @Override
    public String traceIteration() {
        return "iteration";
    }

    @Override
    public String traceLocAll() {
        return "loc_all";
    }

    @Override
    public String traceLocOtherAll() {
        return "loc_other_all";
    }

    @Override
    public String optimumGap() {
        return "gap";
    }

    @Override
    public String optimumRoughness() {
        return "roughness";
    }

    @Override
    public String optimumStabilityMargin() {
        return "stability_margin";
    }

    @Override
    public String optimumResidual() {
        return "residual";
    }

    @Override
    public String optimumIndex() {
        return OptimaTable.OPTIMUM_INDEX;
    }

    @Override
    public String optimumAnalysisAlpha() {
        return OptimaTable.ANALYSIS_ALPHA;
    }

    @Override
    public String optimumBasinShare() {
        return "basin_share";
    }

    @Override
    public String optimumDirection() {
        return "direction";
    }

    @Override
    public String optimumMajorityLabel() {
        return OptimaTable.MAJORITY_LABEL;
    }

    @Override
    public String optimumLabelPurity() {
        return OptimaTable.LABEL_PURITY;
    }
}
