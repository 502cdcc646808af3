package org.clsweep.jobs.export;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;

/**
 * A small synthetic sweep output for export tests: runs, aggregates and trace Parquet tables with
 * the documented column names, filled by a toy model whose behaviour the paper's predictions
 * describe (seeded, so every test sees the same data).
 *
 * <pre>
 *   one layer, L patterns, n nodes: each node lands in a basin drawn uniformly from the first k,
 *     linear k = 1, relu k = L, leaky_relu(c) k = max(1, ceil(L·(1 − c)))
 *     distinct_optima = patterns_recovered = distinct basins hit, coverage = that / L
 *   two layers: loc_all, loc_other_all rise / fall exponentially to a final value
 *     relu 0.95 / 0.02, linear 0.55 / 0.25, plus N(0, 0.01²) per seed
 * </pre>
 *
 * Aggregates are computed here the way the sweep job documents them: over OK runs, mean, sample
 * standard deviation and mean ± t_{0.975,n−1}·s/√n; basin probabilities p_l the mean basin share
 * over OK runs, also pooled (node-weighted) over cells that differ only in width; coverage
 * predictions mean_l [1 − (1 − p_l)^n] from both.
 */
final class SyntheticSweep {
    static final String CODE_VERSION = "test-0000000";
    static final int PATTERNS = 6;
    static final int TRACE_EVERY = 250;
    static final int STEPS = 2000;
    static final int LOCATIONS = 4;

    /** A run the fixture forces to end badly. */
    record BadRun(String cellLabel, long seed, String status, String error) {
    }

    private final String name;
    private final List<Map<String, Object>> cells = new ArrayList<>();
    private final List<BadRun> badRuns = new ArrayList<>();
    private int seeds = 4;
    private int linearBasins = 1;

    SyntheticSweep(String name) {
        this.name = name;
    }

    SyntheticSweep seeds(int n) {
        this.seeds = n;
        return this;
    }

    /** Makes linear nodes land in {@code k} basins, against the paper (to test that checks can fail). */
    SyntheticSweep linearBasins(int k) {
        this.linearBasins = k;
        return this;
    }

    /** Adds one-layer population cells: activations × slopes × widths. */
    SyntheticSweep oneLayer(List<String> activations, List<Double> slopes, List<Integer> widths) {
        for (String a : activations) {
            for (double c : slopes) {
                for (int w : widths) {
                    Map<String, Object> p = baseParams("onelayer", "population", a, c, w);
                    cells.add(p);
                }
            }
        }
        return this;
    }

    /** Adds two-layer SGD cells: activations × BatchNorm × β. */
    SyntheticSweep twoLayer(List<String> activations, List<Boolean> batchnorm, List<Integer> betas) {
        for (String a : activations) {
            for (boolean bn : batchnorm) {
                for (int b : betas) {
                    Map<String, Object> p = baseParams("twolayer", "sgd", a, 0.05, b);
                    p.put("net_batchnorm", bn);
                    cells.add(p);
                }
            }
        }
        return this;
    }

    /** Makes the run of the cell with label {@code activation/width} and {@code seed} end with {@code status}. */
    SyntheticSweep bad(String activation, int width, long seed, String status, String error) {
        badRuns.add(new BadRun(activation + "/" + width, seed, status, error));
        return this;
    }

    private Map<String, Object> baseParams(String model, String mode, String activation, double slope, int width) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("model", model);
        p.put("mode", mode);
        p.put("activation", activation);
        p.put("leaky_slope", slope);
        p.put("width", width);
        p.put("geometry_kind", "orthogonal");
        p.put("geometry_patterns", PATTERNS);
        p.put("geometry_noise", 0.1);
        p.put("geometry_mag_start", 1.0);
        p.put("geometry_mag_end", 2.0);
        p.put("net_batchnorm", true);
        p.put("train_loss", "infonce");
        return p;
    }

    /**
     * Writes OUT/runs, OUT/aggregates (when {@code withAggregates}), OUT/trace and OUT/tokens (empty,
     * with their schema, when there are no two-layer cells, as the sweep job writes the trace).
     */
    void write(SparkSession spark, String out, boolean withAggregates) {
        StructType runSchema = runSchema();
        StructType aggSchema = aggregateSchema();
        StructType traceSchema = traceSchema();
        List<Row> runs = new ArrayList<>();
        List<Row> trace = new ArrayList<>();
        List<Row> tokens = new ArrayList<>();
        List<Object[]> cellStats = new ArrayList<>();
        Map<Map<String, Object>, double[]> poolSum = new LinkedHashMap<>();
        Map<Map<String, Object>, long[]> poolCount = new LinkedHashMap<>();
        for (Map<String, Object> cell : cells) {
            String cellId = String.format("%016x", (long) cell.hashCode() * 0x9E3779B97F4A7C15L);
            List<double[]> okMetrics = new ArrayList<>();
            List<double[]> okShares = new ArrayList<>();
            int diverged = 0;
            int failed = 0;
            for (long seed = 1; seed <= seeds; seed++) {
                SplittableRandom rnd = new SplittableRandom(cellId.hashCode() * 31L + seed);
                double[] metrics = RunResult.emptyMetrics();
                double[] share = new double[0];
                String status = "OK";
                String error = null;
                int steps = STEPS;
                BadRun bad = badRun(cell, seed);
                if (bad != null) {
                    status = bad.status();
                    error = bad.error();
                    steps = "DIVERGED".equals(status) ? 37 : 0;
                    diverged += "DIVERGED".equals(status) ? 1 : 0;
                    failed += "FAILED".equals(status) ? 1 : 0;
                } else if ("onelayer".equals(cell.get("model"))) {
                    share = oneLayer(cell, rnd, metrics);
                    okShares.add(share);
                } else {
                    twoLayer(cell, rnd, metrics, name, cellId, seed, trace);
                    tokens(cell, rnd, name, cellId, seed, tokens);
                }
                if ("OK".equals(status)) {
                    okMetrics.add(metrics);
                }
                runs.add(runRow(cell, cellId, seed, status, error, metrics, share, steps));
            }
            double[] p = basin(okShares);
            cellStats.add(new Object[] {cell, cellId, okMetrics, diverged, failed, p, (long) okShares.size()});
            if (p.length > 0) {
                Map<String, Object> key = new LinkedHashMap<>(cell);
                key.remove("width");
                long nodes = (long) okShares.size() * (Integer) cell.get("width");
                double[] sum = poolSum.computeIfAbsent(key, k -> new double[PATTERNS]);
                for (int l = 0; l < PATTERNS; l++) {
                    sum[l] += p[l] * nodes;
                }
                long[] count = poolCount.computeIfAbsent(key, k -> new long[2]);
                count[0] += nodes;
                count[1] += okShares.size();
            }
        }
        List<Row> aggregates = new ArrayList<>();
        for (Object[] c : cellStats) {
            @SuppressWarnings("unchecked")
            Map<String, Object> cell = (Map<String, Object>) c[0];
            @SuppressWarnings("unchecked")
            List<double[]> ok = (List<double[]>) c[2];
            double[] p = (double[]) c[5];
            Map<String, Object> key = new LinkedHashMap<>(cell);
            key.remove("width");
            double[] pooled = new double[p.length];
            long pooledRuns = 0;
            if (p.length > 0) {
                long[] count = poolCount.get(key);
                for (int l = 0; l < PATTERNS; l++) {
                    pooled[l] = poolSum.get(key)[l] / count[0];
                }
                pooledRuns = count[1];
            }
            aggregates.add(aggregateRow(cell, (String) c[1], ok, seeds, (Integer) c[3], (Integer) c[4], p, pooled,
                    pooledRuns));
        }
        write(spark, runs, runSchema, out + "/runs");
        if (withAggregates) {
            write(spark, aggregates, aggSchema, out + "/aggregates");
        }
        write(spark, trace, traceSchema, out + "/trace");
        write(spark, tokens, tokensSchema(), out + "/tokens");
    }

    private BadRun badRun(Map<String, Object> cell, long seed) {
        String label = cell.get("activation") + "/" + cell.get("width");
        for (BadRun b : badRuns) {
            if (b.cellLabel().equals(label) && b.seed() == seed) {
                return b;
            }
        }
        return null;
    }

    private double[] oneLayer(Map<String, Object> cell, SplittableRandom rnd, double[] metrics) {
        int n = (Integer) cell.get("width");
        double c = (Double) cell.get("leaky_slope");
        int k = switch ((String) cell.get("activation")) {
            case "linear" -> linearBasins;
            case "relu" -> PATTERNS;
            default -> Math.max(1, (int) Math.ceil(PATTERNS * (1 - c) - 1e-9));
        };
        int[] hits = new int[PATTERNS];
        for (int i = 0; i < n; i++) {
            hits[rnd.nextInt(k)]++;
        }
        int distinct = 0;
        double[] share = new double[PATTERNS];
        for (int l = 0; l < PATTERNS; l++) {
            distinct += hits[l] > 0 ? 1 : 0;
            share[l] = hits[l] / (double) n;
        }
        metrics[RunMetric.DISTINCT_OPTIMA.ordinal()] = distinct;
        metrics[RunMetric.PATTERNS_RECOVERED.ordinal()] = distinct;
        metrics[RunMetric.COVERAGE.ordinal()] = distinct / (double) PATTERNS;
        metrics[RunMetric.MAX_RESIDUAL.ordinal()] = 1e-10 * (1 + rnd.nextDouble());
        metrics[RunMetric.MEAN_BEST_COSINE.ordinal()] = 0.99 + 0.01 * rnd.nextDouble();
        return share;
    }

    private static void twoLayer(Map<String, Object> cell, SplittableRandom rnd, double[] metrics, String sweep,
                                 String cellId, long seed, List<Row> trace) {
        boolean relu = !"linear".equals(cell.get("activation"));
        double finalAll = (relu ? 0.95 : 0.55) + 0.01 * gaussian(rnd);
        double finalOther = (relu ? 0.02 : 0.25) + 0.01 * gaussian(rnd);
        double start = 0.3;
        for (int it = 0; it <= STEPS; it += TRACE_EVERY) {
            double f = 1 - Math.exp(-it / 500.0);
            double all = start + (finalAll - start) * f;
            double other = start + (finalOther - start) * f;
            double loss = 4.8 - 1.5 * f;
            trace.add(RowFactory.create(sweep, cellId, seed, it, loss, all, other,
                    Arrays.asList(all, other, all, other)));
        }
        metrics[RunMetric.LOC_ALL.ordinal()] = finalAll;
        metrics[RunMetric.LOC_OTHER_ALL.ordinal()] = finalOther;
        metrics[RunMetric.FILTER_ABS_COS.ordinal()] = relu ? 0.1 : 0.6;
        metrics[RunMetric.EFFECTIVE_RANK.ordinal()] = relu ? 4.5 : 1.2;
        metrics[RunMetric.FINAL_LOSS.ordinal()] = 3.3;
        metrics[RunMetric.EMPTY_LOCATIONS.ordinal()] = 0;
    }

    /**
     * Per (location, token) records: each location's tokens are used by 0, 0, 0, 1, 2 and 3
     * patterns (a per-seed permutation); relu learns pattern tokens at 250·(8 − 2u) iterations and a
     * noise token with probability 0.05, linear learns a pattern token with probability 0.2.
     */
    private static void tokens(Map<String, Object> cell, SplittableRandom rnd, String sweep, String cellId,
                               long seed, List<Row> out) {
        boolean relu = !"linear".equals(cell.get("activation"));
        int[] usage = {0, 0, 0, 1, 2, 3};
        for (int k = 0; k < LOCATIONS; k++) {
            SplittableRandom table = new SplittableRandom(seed * 1000 + k);
            int[] u = usage.clone();
            for (int i = u.length - 1; i > 0; i--) {
                int j = table.nextInt(i + 1);
                int t = u[i];
                u[i] = u[j];
                u[j] = t;
            }
            for (int a = 0; a < u.length; a++) {
                Integer time = null;
                if (relu && u[a] > 0) {
                    time = TRACE_EVERY * (8 - 2 * u[a]);
                } else if (relu && rnd.nextDouble() < 0.05) {
                    time = 1750;
                } else if (!relu && u[a] > 0 && rnd.nextDouble() < 0.2) {
                    time = 1500;
                }
                out.add(RowFactory.create(sweep, cellId, seed, k, a, u[a], time));
            }
        }
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = Math.max(rnd.nextDouble(), 1e-300);
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rnd.nextDouble());
    }

    private Row runRow(Map<String, Object> cell, String cellId, long seed, String status, String error,
                       double[] metrics, double[] share, int steps) {
        List<Object> v = new ArrayList<>();
        v.add(name);
        v.add("hash-" + name);
        v.add(cellId);
        v.add(seed);
        v.addAll(cell.values());
        v.add(status);
        v.add(error);
        for (RunMetric m : RunMetric.values()) {
            double x = metrics[m.ordinal()];
            v.add(Double.isNaN(x) ? null : m.isIntegral() ? (Object) (int) x : (Object) x);
        }
        List<Double> s = new ArrayList<>();
        for (double x : share) {
            s.add(x);
        }
        v.add(s);
        v.add(steps);
        v.add(1000L + seed);
        v.add(CODE_VERSION);
        return RowFactory.create(v.toArray());
    }

    /** Mean basin share per pattern over a cell's OK runs; empty when it has none. */
    private static double[] basin(List<double[]> shares) {
        if (shares.isEmpty()) {
            return new double[0];
        }
        double[] p = new double[PATTERNS];
        for (double[] sh : shares) {
            for (int l = 0; l < PATTERNS; l++) {
                p[l] += sh[l] / shares.size();
            }
        }
        return p;
    }

    private static double predicted(double[] p, int width) {
        double c = 0;
        for (double pl : p) {
            c += (1 - Math.pow(1 - pl, width)) / p.length;
        }
        return c;
    }

    private Row aggregateRow(Map<String, Object> cell, String cellId, List<double[]> ok, int runs, int diverged,
                             int failed, double[] p, double[] pooled, long pooledRuns) {
        List<Object> v = new ArrayList<>();
        v.add(name);
        v.add(cellId);
        v.addAll(cell.values());
        v.add((long) runs);
        v.add((long) ok.size());
        v.add((long) diverged);
        v.add((long) failed);
        for (RunMetric m : RunMetric.values()) {
            double sum = 0;
            int k = 0;
            for (double[] r : ok) {
                if (!Double.isNaN(r[m.ordinal()])) {
                    sum += r[m.ordinal()];
                    k++;
                }
            }
            if (k == 0) {
                v.addAll(Arrays.asList(null, null, null, null));
                continue;
            }
            double mean = sum / k;
            double ss = 0;
            for (double[] r : ok) {
                if (!Double.isNaN(r[m.ordinal()])) {
                    ss += (r[m.ordinal()] - mean) * (r[m.ordinal()] - mean);
                }
            }
            double sd = k > 1 ? Math.sqrt(ss / (k - 1)) : Double.NaN;
            double half = StudentT.halfWidth(sd, k);
            v.add(mean);
            v.add(k > 1 ? sd : null);
            v.add(k > 1 ? mean - half : null);
            v.add(k > 1 ? mean + half : null);
        }
        int width = (Integer) cell.get("width");
        if (p.length == 0) {
            v.addAll(Arrays.asList(null, null, null, null, null));
        } else {
            v.add(boxed(p));
            v.add(predicted(p, width));
            v.add(boxed(pooled));
            v.add(predicted(pooled, width));
            v.add(pooledRuns);
        }
        return RowFactory.create(v.toArray());
    }

    private static List<Double> boxed(double[] a) {
        List<Double> out = new ArrayList<>(a.length);
        for (double x : a) {
            out.add(x);
        }
        return out;
    }

    private static void write(SparkSession spark, List<Row> rows, StructType schema, String dir) {
        spark.createDataFrame(rows, schema).coalesce(1).write().mode(SaveMode.Overwrite).parquet(dir);
    }

    private static List<StructField> paramFields() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("model", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("mode", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("activation", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("leaky_slope", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("width", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("geometry_kind", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("geometry_patterns", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("geometry_noise", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("geometry_mag_start", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("geometry_mag_end", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("net_batchnorm", DataTypes.BooleanType, false));
        f.add(DataTypes.createStructField("train_loss", DataTypes.StringType, false));
        return f;
    }

    private static StructType runSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("spec_hash", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        f.addAll(paramFields());
        f.add(DataTypes.createStructField("status", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("error", DataTypes.StringType, true));
        for (RunMetric m : RunMetric.values()) {
            DataType t = m.isIntegral() ? DataTypes.IntegerType : DataTypes.DoubleType;
            f.add(DataTypes.createStructField(m.column(), t, true));
        }
        f.add(DataTypes.createStructField("pattern_basin_share", DataTypes.createArrayType(DataTypes.DoubleType),
                true));
        f.add(DataTypes.createStructField("steps_done", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("wall_ms", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("code_version", DataTypes.StringType, false));
        return DataTypes.createStructType(f);
    }

    private static StructType aggregateSchema() {
        ClsweepSchema s = new ClsweepSchema();
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
        f.addAll(paramFields());
        for (String n : List.of("n_runs", s.aggregateRuns(), "n_diverged", "n_failed")) {
            f.add(DataTypes.createStructField(n, DataTypes.LongType, false));
        }
        for (RunMetric m : RunMetric.values()) {
            f.add(DataTypes.createStructField(s.mean(m), DataTypes.DoubleType, true));
            f.add(DataTypes.createStructField(m.column() + "_std", DataTypes.DoubleType, true));
            f.add(DataTypes.createStructField(s.ciLow(m), DataTypes.DoubleType, true));
            f.add(DataTypes.createStructField(s.ciHigh(m), DataTypes.DoubleType, true));
        }
        DataType arr = DataTypes.createArrayType(DataTypes.DoubleType);
        f.add(DataTypes.createStructField(s.basinProbability(), arr, true));
        f.add(DataTypes.createStructField(s.coveragePrediction(), DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("basin_prob_pooled", arr, true));
        f.add(DataTypes.createStructField(s.pooledCoveragePrediction(), DataTypes.DoubleType, true));
        f.add(DataTypes.createStructField("pooled_runs", DataTypes.LongType, true));
        return DataTypes.createStructType(f);
    }

    private static StructType tokensSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("location", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("token", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("patterns_using", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("learning_time", DataTypes.IntegerType, true));
        return DataTypes.createStructType(f);
    }

    private static StructType traceSchema() {
        List<StructField> f = new ArrayList<>();
        f.add(DataTypes.createStructField("sweep", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("cell_id", DataTypes.StringType, false));
        f.add(DataTypes.createStructField("seed", DataTypes.LongType, false));
        f.add(DataTypes.createStructField("iteration", DataTypes.IntegerType, false));
        f.add(DataTypes.createStructField("loss", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("loc_all", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("loc_other_all", DataTypes.DoubleType, false));
        f.add(DataTypes.createStructField("token_scores", DataTypes.createArrayType(DataTypes.DoubleType), false));
        return DataTypes.createStructType(f);
    }
}
