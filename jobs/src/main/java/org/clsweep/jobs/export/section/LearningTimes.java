package org.clsweep.jobs.export.section;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * The learning times of (location, token) records, grouped by run, as censored data: a record
 * that was never learned is censored at the run's step budget, which is the same for every record
 * of a cell (administrative censoring), so the Kaplan–Meier estimate of the share learned by
 * iteration t reduces to the share of records with a learning time ≤ t.
 *
 * <pre>
 *   F(t)    = Σ_runs learned_r(≤ t) / Σ_runs records_r                  share learned by t
 *   median  = min { t : F(t) ≥ 1/2 }, or +∞ when fewer than half of the records were learned
 *   95% intervals: percentile bootstrap over runs (B = {@value #RESAMPLES} resamples of the runs
 *   with replacement, fixed stream): runs, not records, are the independent units
 * </pre>
 * Every interval end is a value the statistic can take: a share in [0, 1], a median among the
 * observed learning times or +∞ (beyond the budget), so no interval leaves the possible range.
 * Deterministic. Not thread-safe while being built.
 */
final class LearningTimes {
    static final int RESAMPLES = 2000;
    private static final long STREAM = 0x5EEDL;

    private final Map<String, long[]> byRun = new LinkedHashMap<>();
    private final Map<String, List<long[]>> events = new LinkedHashMap<>();
    private final TreeSet<Long> times = new TreeSet<>();

    /**
     * Adds records of one run.
     *
     * @param run   the run's identity (cell id and seed)
     * @param time  their learning time, or a negative number for never learned
     * @param count how many records
     */
    void add(String run, long time, long count) {
        byRun.computeIfAbsent(run, r -> new long[1])[0] += count;
        if (time >= 0) {
            events.computeIfAbsent(run, r -> new ArrayList<>()).add(new long[] {time, count});
            times.add(time);
        }
    }

    /** The number of runs. */
    int runs() {
        return byRun.size();
    }

    /** The number of records. */
    long records() {
        return Arrays.stream(counts()[0]).sum();
    }

    /** The number of records learned within the budget. */
    long learned() {
        long n = 0;
        for (List<long[]> run : events.values()) {
            for (long[] ev : run) {
                n += ev[1];
            }
        }
        return n;
    }

    /** The distinct learning times observed, ascending. */
    double[] grid() {
        return times.stream().mapToDouble(Long::doubleValue).toArray();
    }

    /** F at every time of {@link #grid()}, over all runs. */
    double[] shares() {
        long[][] c = counts();
        return shares(c, identity(c[0].length));
    }

    /** The percentile-bootstrap interval of F at every time of {@link #grid()}: [0] low, [1] high. */
    double[][] shareIntervals() {
        long[][] c = counts();
        int m = times.size();
        double[][] draws = new double[m][RESAMPLES];
        SplittableRandom rng = new SplittableRandom(STREAM);
        for (int b = 0; b < RESAMPLES; b++) {
            double[] f = shares(c, resample(c[0].length, rng));
            for (int i = 0; i < m; i++) {
                draws[i][b] = f[i];
            }
        }
        double[][] out = new double[2][m];
        for (int i = 0; i < m; i++) {
            double[] lh = percentiles(draws[i]);
            out[0][i] = lh[0];
            out[1][i] = lh[1];
        }
        return out;
    }

    /** The median learning time over all runs; +∞ when fewer than half of the records were learned. */
    double median() {
        long[][] c = counts();
        return median(shares(c, identity(c[0].length)), grid());
    }

    /** The percentile-bootstrap interval of the median: [low, high], either end possibly +∞. */
    double[] medianInterval() {
        long[][] c = counts();
        double[] grid = grid();
        double[] draws = new double[RESAMPLES];
        SplittableRandom rng = new SplittableRandom(STREAM);
        for (int b = 0; b < RESAMPLES; b++) {
            draws[b] = median(shares(c, resample(c[0].length, rng)), grid);
        }
        return percentiles(draws);
    }

    /** The first time of {@code grid} at which {@code f} reaches 1/2, else +∞. */
    private static double median(double[] f, double[] grid) {
        for (int i = 0; i < f.length; i++) {
            if (f[i] >= 0.5) {
                return grid[i];
            }
        }
        return Double.POSITIVE_INFINITY;
    }

    /** [0][r]: records of run r; [1 + i][r]: records of run r learned at grid time i (not cumulative). */
    private long[][] counts() {
        Map<Long, Integer> index = new HashMap<>();
        for (long t : times) {
            index.put(t, index.size());
        }
        long[][] c = new long[1 + times.size()][byRun.size()];
        int r = 0;
        for (Map.Entry<String, long[]> e : byRun.entrySet()) {
            c[0][r] = e.getValue()[0];
            for (long[] ev : events.getOrDefault(e.getKey(), List.of())) {
                c[1 + index.get(ev[0])][r] += ev[1];
            }
            r++;
        }
        return c;
    }

    private static double[] shares(long[][] c, int[] runs) {
        long total = 0;
        for (int r : runs) {
            total += c[0][r];
        }
        double[] f = new double[c.length - 1];
        long learned = 0;
        for (int i = 0; i < f.length; i++) {
            for (int r : runs) {
                learned += c[1 + i][r];
            }
            f[i] = total == 0 ? Double.NaN : learned / (double) total;
        }
        return f;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        Arrays.setAll(out, i -> i);
        return out;
    }

    private static int[] resample(int n, SplittableRandom rng) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rng.nextInt(n);
        }
        return out;
    }

    /** The 2.5% and 97.5% percentiles (nearest rank) of the draws; sorts them. */
    private static double[] percentiles(double[] draws) {
        Arrays.sort(draws);
        int lo = (int) Math.floor(0.025 * (draws.length - 1));
        int hi = (int) Math.ceil(0.975 * (draws.length - 1));
        return new double[] {draws[lo], draws[hi]};
    }
}
