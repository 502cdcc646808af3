package org.clsweep.jobs.regress;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.clsweep.jobs.regress.results.CellResults;
import org.clsweep.jobs.regress.results.MetricSample;
import org.clsweep.jobs.regress.results.SweepResults;

/** Builds synthetic cells for the engine tests. */
public final class Cells {
    private final Map<String, String> coordinates = new LinkedHashMap<>();
    private final Map<String, MetricSample> metrics = new LinkedHashMap<>();
    private int ok;
    private int diverged;
    private int failed;

    private Cells(String... axisValuePairs) {
        for (int i = 0; i < axisValuePairs.length; i += 2) {
            coordinates.put(axisValuePairs[i], axisValuePairs[i + 1]);
        }
    }

    /** A cell at the given coordinates, as axis, value, axis, value … */
    public static Cells at(String... axisValuePairs) {
        return new Cells(axisValuePairs);
    }

    public Cells values(String metric, double... v) {
        metrics.put(metric, MetricSample.ofValues(v));
        ok = Math.max(ok, v.length);
        return this;
    }

    public Cells summary(String metric, int n, double mean, double sd) {
        metrics.put(metric, MetricSample.ofSummary(n, mean, sd));
        ok = Math.max(ok, n);
        return this;
    }

    public Cells status(int okRuns, int divergedRuns, int failedRuns) {
        ok = okRuns;
        diverged = divergedRuns;
        failed = failedRuns;
        return this;
    }

    public CellResults build() {
        return new CellResults(coordinates, "id-" + CellResults.label(coordinates).hashCode(), ok, diverged, failed,
                metrics);
    }

    public static SweepResults sweep(Cells... cells) {
        List<CellResults> list = new ArrayList<>();
        for (Cells c : cells) {
            list.add(c.build());
        }
        return new SweepResults(SweepResults.Source.RUNS, list);
    }

    public static double[] normal(SplittableRandom rnd, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = mean + sd * gaussian(rnd);
        }
        return v;
    }

    public static double[] constant(int n, double value) {
        double[] v = new double[n];
        Arrays.fill(v, value);
        return v;
    }

    /** Standard normal by Box–Muller. */
    public static double gaussian(SplittableRandom rnd) {
        double u = 1.0 - rnd.nextDouble();
        double w = rnd.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * w);
    }
}
