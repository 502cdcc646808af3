package org.clsweep.data.survey;

import java.util.Locale;
import java.util.SplittableRandom;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.sampling.PatternPairSampler;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.OneLayerNetwork;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.objective.ContrastiveLoss;
import org.clsweep.dynamics.objective.ContrastiveLosses;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optim.MomentumSgd;
import org.clsweep.dynamics.trainer.OneLayerSgd;
import org.clsweep.dynamics.trainer.StopRule;
import org.clsweep.dynamics.trainer.TailLossMean;
import org.clsweep.dynamics.trainer.TrainingLoop;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;

/**
 * Prints the table of the "Findings" section of docs/onelayer-sgd.md: what one-layer SGD converges
 * to on orthogonal patterns μ_l = m_l·e_l (m linear from 1 to 2, uniform π, σ = 0.1, d = 16),
 * τ = 0.1, lr 0.02, momentum 0.9, wd 0.005, batch 128, rows renormalised, 3000 steps, averaged
 * over seeds 1..3. Not a test: a documented main (command in docs/onelayer-sgd.md).
 *
 * <pre>
 *   rank        participation ratio (Σs²)²/Σs⁴ of W's singular values (1 = rank one)
 *   in-span     mean over nodes of ‖P_span(μ) w_k‖
 *   rep cos     mean and max over pattern pairs of cos(h(Wμ_l), h(Wμ_m)), the noiseless representations
 *   |cos v1|    mean over nodes of |cos(w_k, v1)|, v1 the top eigenvector of Cov(μ)
 *   best cos    mean over nodes of max_l cos(w_k, μ_l) (linear: |cos|)
 *   selective   ReLU only: patterns l with some node active for l only (wᵀμ_m &gt; 0 iff m = l)
 *   recovered   patterns with some node at cos ≥ 0.95 (linear: |cos|)
 * </pre>
 */
public final class OneLayerSgdSurvey {
    private static final int DIM = 16;
    private static final int BATCH = 128;
    private static final int STEPS = 3000;
    private static final int SEEDS = 3;

    private OneLayerSgdSurvey() {
    }

    public static void main(String[] args) {
        System.out.println("| activation | loss | normalize_output | L | n | final loss | rank | in-span | rep cos mean"
                + " | rep cos max | \\|cos v1\\| | best cos | selective | recovered |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (int patterns : new int[] {4, 8}) {
            for (int width : new int[] {2, 4, 8, 16}) {
                row(Activation.LINEAR, LossType.INFONCE, true, patterns, width);
            }
            row(Activation.LINEAR, LossType.QUADRATIC, false, patterns, 8);
            row(Activation.RELU, LossType.INFONCE, true, patterns, 2 * patterns);
            row(Activation.RELU, LossType.QUADRATIC, false, patterns, 2 * patterns);
        }
    }

    private static void row(Activation kind, LossType type, boolean normalizeOutput, int patterns, int width) {
        double[][] mu = new double[patterns][DIM];
        double[] probs = new double[patterns];
        for (int l = 0; l < patterns; l++) {
            mu[l][l] = 1.0 + l / (patterns - 1.0);
            probs[l] = 1.0 / patterns;
        }
        PatternMixture mixture = new PatternMixture(mu, probs, 0.1);
        double[] v1 = topEigenvectorOfCovariance(mu, probs);
        ActivationFunction h = ActivationFunction.of(kind);
        boolean signFree = kind == Activation.LINEAR;
        double[] sum = new double[9];
        for (int seed = 1; seed <= SEEDS; seed++) {
            DMatrixRMaj w = UnitVectors.rows(width, DIM, new SplittableRandom(seed));
            ContrastiveLoss loss = ContrastiveLosses.create(type, 0.1, normalizeOutput, BATCH, width);
            OneLayerSgd sgd = new OneLayerSgd(w, new OneLayerNetwork(h, width, DIM, BATCH),
                    new PatternPairSampler(mixture, BATCH, new SplittableRandom(1000 + seed)), loss,
                    new MomentumSgd(0.02, 0.9, 0.005, width, DIM), true);
            TailLossMean tail = new TailLossMean(250);
            TrainingLoop.run(sgd, STEPS, StopRule.standard(), tail);
            sum[0] += tail.mean();
            sum[1] += participationRank(w);
            double inSpan = 0.0;
            double top = 0.0;
            double best = 0.0;
            boolean[] selective = new boolean[patterns];
            boolean[] recovered = new boolean[patterns];
            for (int k = 0; k < width; k++) {
                double span = 0.0;
                double t = 0.0;
                double b = Double.NEGATIVE_INFINITY;
                int active = 0;
                int which = -1;
                for (int i = 0; i < DIM; i++) {
                    t += w.get(k, i) * v1[i];
                }
                for (int l = 0; l < patterns; l++) {
                    double c = w.get(k, l);
                    span += c * c;
                    double cos = signFree ? Math.abs(c) : c;
                    b = Math.max(b, cos);
                    if (cos >= 0.95) {
                        recovered[l] = true;
                    }
                    if (c > 0.0) {
                        active++;
                        which = l;
                    }
                }
                if (active == 1) {
                    selective[which] = true;
                }
                inSpan += Math.sqrt(span) / width;
                top += Math.abs(t) / width;
                best += b / width;
            }
            sum[2] += inSpan;
            double[] rep = representationCosines(w, mu, h);
            sum[3] += rep[0];
            sum[4] += rep[1];
            sum[5] += top;
            sum[6] += best;
            sum[7] += count(selective);
            sum[8] += count(recovered);
        }
        System.out.println(String.format(Locale.ROOT,
                "| %s | %s | %s | %d | %d | %.3f | %.2f | %.3f | %+.3f | %+.3f | %.3f | %.3f | %s | %.1f |",
                kind.specName(), type.specName(), normalizeOutput, patterns, width, sum[0] / SEEDS, sum[1] / SEEDS,
                sum[2] / SEEDS, sum[3] / SEEDS, sum[4] / SEEDS, sum[5] / SEEDS, sum[6] / SEEDS,
                signFree ? "–" : String.format(Locale.ROOT, "%.1f", sum[7] / SEEDS), sum[8] / SEEDS));
    }

    private static int count(boolean[] flags) {
        int c = 0;
        for (boolean f : flags) {
            if (f) {
                c++;
            }
        }
        return c;
    }

    /** Mean and max over pattern pairs of the cosine between h(Wμ_l) and h(Wμ_m). */
    private static double[] representationCosines(DMatrixRMaj w, double[][] mu, ActivationFunction h) {
        int patterns = mu.length;
        int width = w.numRows;
        double[][] rep = new double[patterns][width];
        for (int l = 0; l < patterns; l++) {
            for (int k = 0; k < width; k++) {
                double p = 0.0;
                for (int i = 0; i < DIM; i++) {
                    p += w.get(k, i) * mu[l][i];
                }
                rep[l][k] = h.value(p);
            }
        }
        double mean = 0.0;
        double max = Double.NEGATIVE_INFINITY;
        int pairs = 0;
        for (int l = 0; l < patterns; l++) {
            for (int m = l + 1; m < patterns; m++) {
                double dot = 0.0;
                double nl = 0.0;
                double nm = 0.0;
                for (int k = 0; k < width; k++) {
                    dot += rep[l][k] * rep[m][k];
                    nl += rep[l][k] * rep[l][k];
                    nm += rep[m][k] * rep[m][k];
                }
                double c = nl > 0.0 && nm > 0.0 ? dot / Math.sqrt(nl * nm) : 0.0;
                mean += c;
                max = Math.max(max, c);
                pairs++;
            }
        }
        return new double[] {mean / pairs, max};
    }

    private static double participationRank(DMatrixRMaj w) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd =
                DecompositionFactory_DDRM.svd(w.numRows, w.numCols, false, false, true);
        if (!svd.decompose(w.copy())) {
            throw new IllegalStateException("SVD failed");
        }
        double s2 = 0.0;
        double s4 = 0.0;
        for (double s : svd.getSingularValues()) {
            s2 += s * s;
            s4 += s * s * s * s;
        }
        return s2 * s2 / s4;
    }

    private static double[] topEigenvectorOfCovariance(double[][] mu, double[] probs) {
        DMatrixRMaj cov = new DMatrixRMaj(DIM, DIM);
        double[] mean = new double[DIM];
        for (int l = 0; l < mu.length; l++) {
            for (int i = 0; i < DIM; i++) {
                mean[i] += probs[l] * mu[l][i];
            }
        }
        for (int l = 0; l < mu.length; l++) {
            for (int i = 0; i < DIM; i++) {
                for (int j = 0; j < DIM; j++) {
                    cov.add(i, j, probs[l] * (mu[l][i] - mean[i]) * (mu[l][j] - mean[j]));
                }
            }
        }
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(DIM, true, true);
        if (!eig.decompose(cov)) {
            throw new IllegalStateException("eigen-decomposition failed");
        }
        int top = 0;
        for (int i = 1; i < DIM; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        DMatrixRMaj v = eig.getEigenVector(top);
        double[] out = new double[DIM];
        for (int i = 0; i < DIM; i++) {
            out[i] = v.get(i);
        }
        return out;
    }
}
