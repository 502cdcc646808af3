package org.clsweep.jobs.regress.settings;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.regress.stat.Correction;

/**
 * The {@code regress} block of a sweep spec: which metrics the nightly check compares and how.
 *
 * <pre>
 *   regress {
 *     metrics = [coverage, distinct_optima]   # default: every metric (those without data are skipped)
 *     tolerance { coverage = 0.1 }            # absolute; default 0 (any significant move counts)
 *     exact = [distinct_optima]               # compared exactly, in every cell; or, per metric,
 *                                             # only in some cells:
 *     exact { distinct_optima { activation = [linear] } }
 *     alpha = 0.01                            # false-alarm budget per night over all comparisons
 *     correction = holm                       # holm | bh
 *     fresh_seeds = true                      # offset the seeds so each night is a new sample
 *   }
 * </pre>
 *
 * A (cell, metric) is a regression only when the change is both significant (adjusted p ≤ alpha)
 * and larger than its tolerance. An {@code exact} metric claims to be deterministic — the same
 * value on every seed — in the cells it names (with fresh seeds every night nothing else can be
 * compared exactly): there, any current value that differs from the baseline's is a regression.
 *
 * @param metrics    {@code regress.metrics}, in report order, no duplicates
 * @param tolerance  {@code regress.tolerance.<metric>}, each ≥ 0; absent means 0
 * @param exact      {@code regress.exact}: metric → the cells where it is compared exactly
 * @param alpha      {@code regress.alpha}, in (0, 1)
 * @param correction {@code regress.correction}
 * @param freshSeeds {@code regress.fresh_seeds}
 * @see RegressSpecParser
 */
public record RegressSpec(List<RunMetric> metrics, Map<RunMetric, Double> tolerance, Map<RunMetric, CellFilter> exact,
                          double alpha, Correction correction, boolean freshSeeds) {
    /** The default false-alarm budget. */
    public static final double DEFAULT_ALPHA = 0.01;
    private static final String METRICS_KEY = RegressSpecParser.key(RegressSpecParser.METRICS);

    public RegressSpec {
        if (metrics == null || metrics.isEmpty()) {
            throw new SpecException(METRICS_KEY, METRICS_KEY + " must name at least one metric, found "
                    + metrics);
        }
        if (Set.copyOf(metrics).size() != metrics.size()) {
            throw new SpecException(METRICS_KEY, METRICS_KEY + " lists a metric twice: " + metrics);
        }
        metrics = List.copyOf(metrics);
        EnumMap<RunMetric, Double> tol = new EnumMap<>(RunMetric.class);
        for (Map.Entry<RunMetric, Double> e : tolerance.entrySet()) {
            double v = e.getValue();
            if (!(v >= 0.0) || Double.isInfinite(v)) {
                String key = RegressSpecParser.key(RegressSpecParser.TOLERANCE) + "." + e.getKey().column();
                throw new SpecException(key, key + " must be >= 0 and finite, found " + v);
            }
            tol.put(e.getKey(), v);
        }
        tolerance = Collections.unmodifiableMap(tol);
        exact = Collections.unmodifiableMap(exact.isEmpty() ? new EnumMap<>(RunMetric.class) : new EnumMap<>(exact));
        if (!(alpha > 0.0 && alpha < 1.0)) {
            String key = RegressSpecParser.key(RegressSpecParser.ALPHA);
            throw new SpecException(key, key + " must be in (0, 1), found " + alpha);
        }
        if (correction == null) {
            String key = RegressSpecParser.key(RegressSpecParser.CORRECTION);
            throw new SpecException(key, key + " is missing");
        }
    }

    /** Every metric, default tolerances, nothing exact, alpha 0.01, Holm, no fresh seeds. */
    public static RegressSpec defaults() {
        return new RegressSpec(List.of(RunMetric.values()), Map.of(), Map.of(), DEFAULT_ALPHA, Correction.HOLM,
                false);
    }

    /** Whether a metric is compared exactly in the cell at these coordinates. */
    public boolean isExact(RunMetric m, Map<String, String> coordinates) {
        CellFilter f = exact.get(m);
        return f != null && f.matches(coordinates);
    }

    /** The absolute tolerance of a metric, 0 unless set. */
    public double toleranceOf(RunMetric m) {
        Double t = tolerance.get(m);
        return t == null ? 0.0 : t;
    }
}
