package org.clsweep.data.survey;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.clsweep.data.geometry.PatternGeometry;
import org.clsweep.data.random.RunStreams;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.LabelledBatch;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.data.spec.SpecValues;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveCovariance;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.FixedPointCheck;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.optima.AnalysisSettings;
import org.clsweep.dynamics.optima.CurvatureScope;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.clsweep.dynamics.optima.InfoNceOptimumAnalysis;
import org.clsweep.dynamics.optima.OptimumAnalysis;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * Prints the table of "InfoNCE's own optima" in docs/onelayer-sgd.md: the cells of the sweep
 * given there (6 orthogonal patterns in d = 16, magnitudes 1 → 2, σ = 0.1, width 8, InfoNCE τ = 0.1,
 * lr 0.02, momentum 0.9, wd 0.005, batch 256, 3000 steps, rows renormalised), run by run as
 * {@code OneLayerSgdRun} runs them (same streams, so the same W and evaluation batch), and at each
 * distinct optimum's representative node k, besides the two residuals of its infonce row, what
 * tells a fixed point from noise. Not a test: a documented main.
 *
 * <pre>
 *   C = C_α/N, B = B_k/N on the evaluation batch; relative residual r_A(u) = ‖(I − uuᵀ)Au‖/‖A‖₂
 *   residual, fixed_point_residual   r_C(w), r_B(w): the infonce row's
 *   random C, random B               median of r_C(u), r_B(u) over 32 random unit u (same matrices)
 *   drift                            ‖mean_b g_b‖ / mean_b ‖g_b‖, g_b = (I − wwᵀ)B_b w on 64 fresh batches of
 *                                    train.batch pairs: ≈ 1/√64 = 0.125 where the mean gradient vanishes
 *   |wᵀBw|/‖B‖₂, cos²(w, v1)         where w sits in B's spectrum; v1 B's top eigenvector
 * </pre>
 * Each column is the median over the optima of seeds 1–3.
 */
public final class InfoNceOptimaSurvey {
    private static final int SEEDS = 3;
    private static final int RANDOM_DIRECTIONS = 32;
    private static final int DRIFT_BATCHES = 64;

    private InfoNceOptimaSurvey() {
    }

    public static void main(String[] args) {
        System.out.println("| activation | normalize_output | optima | residual | fixed_point_residual | random C"
                + " | random B | drift | \\|wᵀBw\\|/‖B‖₂ | cos²(w, v1) |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (String activation : new String[] {"linear", "relu"}) {
            for (boolean normalize : new boolean[] {true, false}) {
                row(activation, normalize);
            }
        }
    }

    private static RunSpec spec(String activation, boolean normalize) {
        Map<SpecKey, Object> v = new HashMap<>();
        v.put(SpecKey.MODE, "sgd");
        v.put(SpecKey.ACTIVATION, activation);
        v.put(SpecKey.WIDTH, 8);
        v.put(SpecKey.GEOMETRY_KIND, "orthogonal");
        v.put(SpecKey.GEOMETRY_PATTERNS, 6);
        v.put(SpecKey.GEOMETRY_DIM, 16);
        v.put(SpecKey.GEOMETRY_NOISE, 0.1);
        v.put(SpecKey.GEOMETRY_MAG_START, 1.0);
        v.put(SpecKey.GEOMETRY_MAG_END, 2.0);
        v.put(SpecKey.TRAIN_LOSS, "infonce");
        v.put(SpecKey.TRAIN_TEMPERATURE, 0.1);
        v.put(SpecKey.TRAIN_LR, 0.02);
        v.put(SpecKey.TRAIN_MOMENTUM, 0.9);
        v.put(SpecKey.TRAIN_WEIGHT_DECAY, 0.005);
        v.put(SpecKey.TRAIN_BATCH, 256);
        v.put(SpecKey.TRAIN_STEPS, 3000);
        v.put(SpecKey.TRAIN_NORMALIZE_ROWS, true);
        v.put(SpecKey.TRAIN_NORMALIZE_OUTPUT, normalize);
        v.put(SpecKey.ANALYSIS_CURVATURE, "optima");
        return SpecValues.defaults().with(v).toRunSpec();
    }

    private static void row(String activation, boolean normalize) {
        RunSpec spec = spec(activation, normalize);
        TrainSpec t = spec.train();
        ActivationFunction h = spec.activationFunction();
        List<double[]> optima = new ArrayList<>();
        for (long seed = 1; seed <= SEEDS; seed++) {
            RunStreams streams = RunStreams.of(seed, spec.cellKey());
            PatternMixture mixture = PatternGeometry.mixture(spec.geometry(), streams.patterns());
            int n = spec.width();
            int d = mixture.dim();
            DMatrixRMaj w = UnitVectors.rows(n, d, streams.init());
            LabelledBatch eval = LabelledBatch.draw(mixture, spec.evalBatch(), streams.eval());
            OneLayerSgd sgd = new OneLayerSgd(w, new OneLayerNetwork(h, n, d, t.batch()),
                    new PatternPairSampler(mixture, t.batch(), streams.data()),
                    ContrastiveLosses.create(t.loss(), t.temperature(), t.normalizeOutput(), t.batch(), n),
                    new MomentumSgd(t.lr(), t.momentum(), t.weightDecay(), n, d), t.normalizeRows());
            TrainingLoop.run(sgd, t.steps(), StopRule.standard());
            List<DistinctOptimum> uniform = new OptimumAnalysis(mixture, h, AnalysisSettings.of(
                    spec.analysis().matchCosine(), spec.analysis().sameOptimumCosine(), CurvatureScope.NONE))
                    .analyse(w).optima();
            List<DistinctOptimum> infoNce = new InfoNceOptimumAnalysis(h, t.temperature(), t.normalizeOutput())
                    .analyse(w, uniform, eval.view1(), eval.view2());
            ContrastiveCovariance onEval = new ContrastiveCovariance(h, t.temperature(), t.normalizeOutput(), n, d,
                    eval.size());
            onEval.evaluate(w, eval.view1(), eval.view2());
            double[][] drift = drift(spec, mixture, w, new SplittableRandom(seed));
            SplittableRandom directions = new SplittableRandom(-seed);
            for (DistinctOptimum o : infoNce) {
                int k = o.representativeNode();
                DMatrixRMaj c = new DMatrixRMaj(d, d);
                DMatrixRMaj b = new DMatrixRMaj(d, d);
                onEval.alphaCovariance(k, c);
                onEval.fixedPointMatrix(k, b);
                FixedPointCheck onB = FixedPointCheck.of(b, w, k);
                double[] randomC = new double[RANDOM_DIRECTIONS];
                double[] randomB = new double[RANDOM_DIRECTIONS];
                for (int r = 0; r < RANDOM_DIRECTIONS; r++) {
                    DMatrixRMaj u = UnitVectors.rows(1, d, directions);
                    randomC[r] = FixedPointCheck.of(c, u, 0).relativeResidual();
                    randomB[r] = FixedPointCheck.of(b, u, 0).relativeResidual();
                }
                optima.add(new double[] {o.residual(), o.fixedPointResidual(), median(randomC), median(randomB),
                    drift[k][0] / drift[k][1], Math.abs(onB.rayleigh()) / onB.spectralNorm(),
                    onB.topCosine() * onB.topCosine()});
            }
        }
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "| %s | %s | %d |", activation, normalize,
                optima.size()));
        for (int col = 0; col < optima.get(0).length; col++) {
            double[] values = new double[optima.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = optima.get(i)[col];
            }
            line.append(String.format(Locale.ROOT, " %.3f |", median(values)));
        }
        System.out.println(line);
    }

    /** Per node k: ‖Σ_b g_b‖ / DRIFT_BATCHES and mean_b ‖g_b‖ over fresh batches of train.batch pairs. */
    private static double[][] drift(RunSpec spec, PatternMixture mixture, DMatrixRMaj w, SplittableRandom rng) {
        TrainSpec t = spec.train();
        int n = w.numRows;
        int d = w.numCols;
        ContrastiveCovariance m = new ContrastiveCovariance(spec.activationFunction(), t.temperature(),
                t.normalizeOutput(), n, d, t.batch());
        DMatrixRMaj b = new DMatrixRMaj(d, d);
        double[][] sum = new double[n][d];
        double[] meanNorm = new double[n];
        for (int batch = 0; batch < DRIFT_BATCHES; batch++) {
            LabelledBatch x = LabelledBatch.draw(mixture, t.batch(), rng);
            m.evaluate(w, x.view1(), x.view2());
            for (int k = 0; k < n; k++) {
                m.fixedPointMatrix(k, b);
                CommonOps_DDRM.scale(1.0 / t.batch(), b);
                double[] g = tangent(b, w, k);
                double norm = 0.0;
                for (int c = 0; c < d; c++) {
                    sum[k][c] += g[c] / DRIFT_BATCHES;
                    norm += g[c] * g[c];
                }
                meanNorm[k] += Math.sqrt(norm) / DRIFT_BATCHES;
            }
        }
        double[][] out = new double[n][2];
        for (int k = 0; k < n; k++) {
            double norm = 0.0;
            for (int c = 0; c < d; c++) {
                norm += sum[k][c] * sum[k][c];
            }
            out[k][0] = Math.sqrt(norm);
            out[k][1] = meanNorm[k];
        }
        return out;
    }

    /** (I − uuᵀ)A u for the unit u of row k of w (rows are unit after training with renormalisation). */
    private static double[] tangent(DMatrixRMaj a, DMatrixRMaj w, int k) {
        int d = w.numCols;
        double[] au = new double[d];
        double q = 0.0;
        for (int r = 0; r < d; r++) {
            for (int c = 0; c < d; c++) {
                au[r] += a.get(r, c) * w.get(k, c);
            }
            q += w.get(k, r) * au[r];
        }
        for (int r = 0; r < d; r++) {
            au[r] -= q * w.get(k, r);
        }
        return au;
    }

    /** The middle value, or the mean of the two middle values (as SQL's median). */
    private static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length / 2;
        return s.length % 2 == 1 ? s[m] : 0.5 * (s[m - 1] + s[m]);
    }
}
