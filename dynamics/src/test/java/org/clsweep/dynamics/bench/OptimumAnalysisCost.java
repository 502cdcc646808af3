package org.clsweep.dynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.CurvatureScope;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.ejml.data.DMatrixRMaj;

/**
 * CPU time of {@link OptimumAnalysis#analyse} per node, for each {@link CurvatureScope}. Data: L
 * random Gaussian patterns in R^d scaled to unit norm, uniform π, ReLU; W: n random directions,
 * each its own optimum (the curvature is computed per distinct optimum, and once per pattern
 * direction). Two warm-up rounds, then three measured rounds.
 *
 * <pre>
 *   args: [dim [patterns [nodes [noise [scopes]]]]]     defaults: 16 6 16 0.3 none,optima,all
 * </pre>
 * Run with the command in BENCHMARKS.md ("Optimum analysis").
 */
public final class OptimumAnalysisCost {
    private OptimumAnalysisCost() {
    }

    public static void main(String[] args) {
        int dim = args.length > 0 ? Integer.parseInt(args[0]) : 16;
        int patterns = args.length > 1 ? Integer.parseInt(args[1]) : 6;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 16;
        double noise = args.length > 3 ? Double.parseDouble(args[3]) : 0.3;
        String scopes = args.length > 4 ? args[4] : "none,optima,all";
        SplittableRandom rng = new SplittableRandom(1);
        double[][] mu = new double[patterns][dim];
        double[] p = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            double n2 = 0.0;
            for (int i = 0; i < dim; i++) {
                mu[l][i] = rng.nextGaussian();
                n2 += mu[l][i] * mu[l][i];
            }
            for (int i = 0; i < dim; i++) {
                mu[l][i] /= Math.sqrt(n2);
            }
            p[l] = 1.0 / patterns;
        }
        PatternMixture mixture = new PatternMixture(mu, p, noise);
        DMatrixRMaj w = new DMatrixRMaj(nodes, dim);
        for (int i = 0; i < w.data.length; i++) {
            w.data[i] = rng.nextGaussian();
        }
        ActivationFunction relu = ActivationFunction.of(Activation.RELU);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (String name : scopes.split(",")) {
            CurvatureScope curvature = CurvatureScope.valueOf(name.toUpperCase(Locale.ROOT));
            OptimumAnalysis analysis = new OptimumAnalysis(mixture, relu, AnalysisSettings.of(0.95, 0.9999,
                    curvature));
            for (int round = -2; round < 3; round++) {
                long cpu0 = mx.getCurrentThreadCpuTime();
                int optima = analysis.analyse(w).distinctOptima();
                double cpu = (mx.getCurrentThreadCpuTime() - cpu0) * 1e-9;
                if (round >= 0) {
                    System.out.printf(Locale.ROOT, "d=%d L=%d n=%d sigma=%s curvature=%s round %d: %.4g CPU-s per "
                                    + "node (%d optima + %d pattern directions, %.3g CPU-s in all)%n", dim, patterns,
                            nodes, noise, curvature.specName(), round, cpu / nodes, optima,
                            curvature == CurvatureScope.ALL ? patterns : 0, cpu);
                }
            }
        }
    }
}
