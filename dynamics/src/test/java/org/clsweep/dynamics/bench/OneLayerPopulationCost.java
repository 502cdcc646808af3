package org.clsweep.dynamics.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Locale;
import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.metrics.LinearCollapse;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.CurvatureScope;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.dynamics.optima.OptimaReport;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.PopulationFlow;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.clsweep.dynamics.trainer.TrainingOutcome;
import org.ejml.data.DMatrixRMaj;

/**
 * CPU time of the three parts of a one-layer population run at image-like sizes: the flow
 * ({@link PopulationFlow}, node-steps per CPU-second), the optimum analysis
 * ({@link OptimumAnalysis}, CPU-seconds per distinct optimum) and the linear-collapse metric
 * ({@link LinearCollapse#ofPoints} of W and the patterns). Data: L random Gaussian patterns in R^d scaled to
 * unit norm, uniform π; W₀: n Gaussian rows; all from seed 1. One warm-up round, then the
 * measured rounds. Each round ends with a line of the results at full precision, which must not
 * change between code versions beyond the last digits.
 *
 * <pre>
 *   args: [dim [patterns [nodes [steps [activation [noise [lr [curvature [rounds]]]]]]]]]
 *   defaults: 784 300 8 1500 relu 0.1 0.5 optima 2
 * </pre>
 * Run with the command in BENCHMARKS.md ("One-layer population run at d = 784").
 */
public final class OneLayerPopulationCost {
    private OneLayerPopulationCost() {
    }

    public static void main(String[] args) {
        int dim = args.length > 0 ? Integer.parseInt(args[0]) : 784;
        int patterns = args.length > 1 ? Integer.parseInt(args[1]) : 300;
        int nodes = args.length > 2 ? Integer.parseInt(args[2]) : 8;
        int steps = args.length > 3 ? Integer.parseInt(args[3]) : 1500;
        Activation activation = args.length > 4 ? Activation.valueOf(args[4].toUpperCase(Locale.ROOT))
                : Activation.RELU;
        double noise = args.length > 5 ? Double.parseDouble(args[5]) : 0.1;
        double lr = args.length > 6 ? Double.parseDouble(args[6]) : 0.5;
        CurvatureScope curvature = args.length > 7 ? CurvatureScope.valueOf(args[7].toUpperCase(Locale.ROOT))
                : CurvatureScope.OPTIMA;
        int rounds = args.length > 8 ? Integer.parseInt(args[8]) : 2;
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
        DMatrixRMaj init = new DMatrixRMaj(nodes, dim);
        for (int i = 0; i < init.data.length; i++) {
            init.data[i] = rng.nextGaussian();
        }
        ActivationFunction act = activation == Activation.LEAKY_RELU ? ActivationFunction.of(activation, 0.1)
                : ActivationFunction.of(activation);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        System.out.printf(Locale.ROOT, "d=%d L=%d n=%d steps=%d %s sigma=%s lr=%s curvature=%s%n", dim, patterns,
                nodes, steps, act, noise, lr, curvature.specName());
        for (int round = -1; round < rounds; round++) {
            long t0 = mx.getCurrentThreadCpuTime();
            PopulationFlow flow = new PopulationFlow(new PopulationObjective(mixture, act), init, lr, 1e-9);
            TrainingOutcome outcome = TrainingLoop.run(flow, steps, StopRule.standard());
            long t1 = mx.getCurrentThreadCpuTime();
            OptimaReport report = new OptimumAnalysis(mixture, act, AnalysisSettings.of(0.95, 0.9999, curvature))
                    .analyse(flow.weights());
            long t2 = mx.getCurrentThreadCpuTime();
            LinearCollapse collapse = LinearCollapse.ofPoints(flow.weights(), mu, p);
            long t3 = mx.getCurrentThreadCpuTime();
            double flowCpu = (t1 - t0) * 1e-9;
            double analysisCpu = (t2 - t1) * 1e-9;
            double collapseCpu = (t3 - t2) * 1e-9;
            String tag = round < 0 ? "warm-up" : "round " + round;
            System.out.printf(Locale.ROOT, "%s: flow %d steps %.3f CPU-s = %.4g node-steps/CPU-s; analysis %.3f CPU-s"
                            + " = %.4g per optimum (%d optima); linear collapse %.3f CPU-s; total %.3f CPU-s%n", tag,
                    outcome.stepsDone(), flowCpu, (double) outcome.stepsDone() * nodes / flowCpu, analysisCpu,
                    analysisCpu / report.distinctOptima(), report.distinctOptima(), collapseCpu,
                    flowCpu + analysisCpu + collapseCpu);
            double roughness = 0.0;
            double margin = 0.0;
            for (DistinctOptimum o : report.optima()) {
                roughness += o.curvature().roughness();
                margin += o.curvature().stabilityMargin();
            }
            System.out.printf(Locale.ROOT, "  results: energy %.17g residual %.17g gap %.17g lambda1 %.17g"
                            + " roughness %.17g margin %.17g top %.17g rank %.17g w00 %.17g%n", report.meanEnergy(),
                    report.maxResidual(), report.meanGap(), report.optima().get(0).lambda1(), roughness, margin,
                    collapse.topDirectionCosine(), collapse.stableRank(), flow.weights().get(0, 0));
        }
    }
}
