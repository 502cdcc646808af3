package org.clsweep.data.sampling;

import java.util.SplittableRandom;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.ViewPairSource;
import org.ejml.data.DMatrixRMaj;

/**
 * Minibatches of positive pairs from a {@link PatternMixture} (SCIENCE.md §2).
 *
 * <pre>
 *   for each row i:  l_i ~ π,   x_i = μ_{l_i} + σ·ε_i,   x'_i = μ_{l_i} + σ·ε'_i,   ε, ε' ~ N(0, I_d)
 * </pre>
 * The two views share the pattern, not the noise. Patterns are drawn by inverse CDF over the
 * cumulative π (binary search), the noise by {@link SplittableRandom#nextGaussian()}; per row the
 * draws are l, then ε (d values), then ε' (d values). The random stream is the run's
 * {@code data()} stream, so a run's batches depend only on (seed, cell). No allocation per call;
 * not thread-safe.
 */
public final class PatternPairSampler implements ViewPairSource {
    private final double[][] patterns;
    private final double[] cumulative;
    private final double noise;
    private final SplittableRandom rng;
    private final int[] labels;

    /**
     * @param mixture the patterns, their probabilities and σ
     * @param batch   N, rows per minibatch
     * @param rng     the run's data stream; consumed by this sampler only. Modified.
     */
    public PatternPairSampler(PatternMixture mixture, int batch, SplittableRandom rng) {
        if (batch < 1) {
            throw new IllegalArgumentException("train.batch must be >= 1, found " + batch);
        }
        int count = mixture.patternCount();
        this.patterns = new double[count][];
        this.cumulative = new double[count];
        double acc = 0.0;
        for (int l = 0; l < count; l++) {
            patterns[l] = mixture.patternCopy(l);
            acc += mixture.prob(l);
            cumulative[l] = acc;
        }
        // the mixture checks Σπ = 1 within 1e-9: close the last bucket exactly
        cumulative[count - 1] = Double.POSITIVE_INFINITY;
        this.noise = mixture.noise();
        this.rng = rng;
        this.labels = new int[batch];
    }

    @Override
    public void next(DMatrixRMaj view1, DMatrixRMaj view2) {
        final int rows = labels.length;
        final int d = patterns[0].length;
        if (view1.numRows != rows || view1.numCols != d || view2.numRows != rows || view2.numCols != d) {
            throw new IllegalArgumentException("views must be " + rows + "×" + d + ", found " + view1.numRows + "×"
                    + view1.numCols + " and " + view2.numRows + "×" + view2.numCols);
        }
        final double[] a = view1.data;
        final double[] b = view2.data;
        for (int i = 0; i < rows; i++) {
            int l = drawPattern();
            labels[i] = l;
            final double[] mu = patterns[l];
            final int off = i * d;
            for (int k = 0; k < d; k++) {
                a[off + k] = mu[k] + noise * rng.nextGaussian();
            }
            for (int k = 0; k < d; k++) {
                b[off + k] = mu[k] + noise * rng.nextGaussian();
            }
        }
    }

    /** The pattern index l_i of row i of the last batch. */
    public int label(int i) {
        return labels[i];
    }

    private int drawPattern() {
        double u = rng.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (u < cumulative[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }
}
