package org.clsweep.jobs.export;

import java.util.LinkedHashSet;
import java.util.Set;
import org.clsweep.data.experiment.RunMetric;

/**
 * The output schema the clsweep sweep job writes (README, "Output schema").
 *
 * <pre>
 *   runs        sweep, spec_hash, cell_id, seed, &lt;parameters&gt;, status, error, &lt;metrics&gt;,
 *               pattern_basin_share, steps_done, wall_ms, code_version
 *   aggregates  &lt;cell columns&gt;, n, &lt;metric&gt;_mean, &lt;metric&gt;_ci_low, &lt;metric&gt;_ci_high,
 *               basin_probability, basin_ci_low, basin_ci_high, coverage_predicted
 *   trace       cell_id, seed, iteration, loss, loc_all, loc_other_all, token_scores
 * </pre>
 */
public final class ClsweepSchema implements SweepSchema {
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
        s.add("pattern_basin_share");
        s.add("steps_done");
        s.add("wall_ms");
        s.add("code_version");
        return s;
    }

    @Override
    public String aggregateRuns() {
        return "n";
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
        return "basin_probability";
    }

    @Override
    public String basinCiLow() {
        return "basin_ci_low";
    }

    @Override
    public String basinCiHigh() {
        return "basin_ci_high";
    }

    @Override
    public String coveragePrediction() {
        return "coverage_predicted";
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
}
