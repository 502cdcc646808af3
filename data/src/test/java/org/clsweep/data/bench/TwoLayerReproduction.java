package org.clsweep.data.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.experiment.TokenLearning;
import org.clsweep.dynamics.objective.LossType;

/**
 * Reproduces the paper's two-layer token experiment: the reference configuration of SCIENCE.md
 * §3 over several seeds, per activation, and prints per-seed and mean figures (loc_all,
 * loc_other_all, filter_abs_cos, effective_rank, concentration, dead_filters, filters_per_token,
 * rf_top_cosine, final_loss, CPU seconds) and the mean learning time of tokens by how many
 * patterns use them. A documented command, not a test; figures go to docs/twolayer.md.
 *
 * <pre>
 *   args: [seeds (default 5)] [activations, comma separated (default relu,linear,leaky_relu)] [steps (default 5000)]
 *         [β (default 5)] [batchnorm (default true)] [loss (default infonce)]
 * </pre>
 */
public final class TwoLayerReproduction {
    private TwoLayerReproduction() {
    }

    public static void main(String[] args) {
        int seeds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        String[] acts = (args.length > 1 ? args[1] : "relu,linear,leaky_relu").split(",");
        int steps = args.length > 2 ? Integer.parseInt(args[2]) : 5000;
        int width = args.length > 3 ? Integer.parseInt(args[3]) : 5;
        boolean batchnorm = args.length <= 4 || Boolean.parseBoolean(args[4]);
        LossType loss = args.length > 5 ? LossType.valueOf(args[5].toUpperCase(Locale.ROOT)) : LossType.INFONCE;
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String act : acts) {
            double[] sum = new double[RunMetric.values().length];
            double[] timeByUse = new double[64];
            int[] learnedByUse = new int[64];
            int[] countByUse = new int[64];
            for (int seed = 1; seed <= seeds; seed++) {
                long cpu = threads.getCurrentThreadCpuTime();
                RunResult r = RunExecutor.execute(TwoLayerRunBenchmark.reference(act, steps, width, batchnorm, loss),
                        seed);
                double cpuS = (threads.getCurrentThreadCpuTime() - cpu) * 1e-9;
                System.out.printf(Locale.ROOT, "%-10s seed %d %-8s loc_all %.4f loc_other_all %.4f filter_abs_cos %.3f"
                                + " effective_rank %.2f concentration %.4f dead_filters %.0f filters_per_token %.3f"
                                + " rf_top_cosine %.4f final_loss %.4f cpu %.1f s wall %.1f s%n", act, seed, r.status(),
                        r.metric(RunMetric.LOC_ALL), r.metric(RunMetric.LOC_OTHER_ALL),
                        r.metric(RunMetric.FILTER_ABS_COS), r.metric(RunMetric.EFFECTIVE_RANK),
                        r.metric(RunMetric.CONCENTRATION), r.metric(RunMetric.DEAD_FILTERS),
                        r.metric(RunMetric.FILTERS_PER_TOKEN), r.metric(RunMetric.RF_TOP_COSINE),
                        r.metric(RunMetric.FINAL_LOSS), cpuS, r.wallMs() / 1000.0);
                for (RunMetric m : RunMetric.values()) {
                    sum[m.ordinal()] += r.metric(m);
                }
                for (TokenLearning t : r.tokens()) {
                    int u = Math.min(t.patternsUsing(), timeByUse.length - 1);
                    countByUse[u]++;
                    if (t.learned()) {
                        learnedByUse[u]++;
                        timeByUse[u] += t.learningTime();
                    }
                }
            }
            System.out.printf(Locale.ROOT, "%-10s MEAN over %d seeds: loc_all %.4f loc_other_all %.4f filter_abs_cos %.3f"
                            + " effective_rank %.2f concentration %.4f dead_filters %.1f filters_per_token %.3f"
                            + " rf_top_cosine %.4f final_loss %.4f%n", act, seeds, sum[RunMetric.LOC_ALL.ordinal()] / seeds,
                    sum[RunMetric.LOC_OTHER_ALL.ordinal()] / seeds, sum[RunMetric.FILTER_ABS_COS.ordinal()] / seeds,
                    sum[RunMetric.EFFECTIVE_RANK.ordinal()] / seeds, sum[RunMetric.CONCENTRATION.ordinal()] / seeds,
                    sum[RunMetric.DEAD_FILTERS.ordinal()] / seeds, sum[RunMetric.FILTERS_PER_TOKEN.ordinal()] / seeds,
                    sum[RunMetric.RF_TOP_COSINE.ordinal()] / seeds, sum[RunMetric.FINAL_LOSS.ordinal()] / seeds);
            for (int u = 0; u < timeByUse.length; u++) {
                if (countByUse[u] > 0) {
                    System.out.printf(Locale.ROOT, "%-10s   tokens used by %2d patterns: %4d, learned %4d, mean learning time %s%n",
                            act, u, countByUse[u], learnedByUse[u],
                            learnedByUse[u] == 0 ? "-" : String.format(Locale.ROOT, "%.0f", timeByUse[u] / learnedByUse[u]));
                }
            }
        }
    }
}
