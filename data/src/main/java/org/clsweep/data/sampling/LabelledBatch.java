package org.clsweep.data.sampling;

import java.util.SplittableRandom;
import org.clsweep.dynamics.model.PatternMixture;
import org.ejml.data.DMatrixRMaj;

/**
 * One batch of positive pairs with the pattern each pair was drawn from: the evaluation batch of
 * a one-layer run. It is drawn like a training batch, by a {@link PatternPairSampler} on a stream
 * the caller gives it (the run's {@code eval()} stream, which nothing else reads).
 *
 * @param view1  N×d, row i = x_i
 * @param view2  N×d, row i = x'_i
 * @param labels l_i, the pattern of pair i
 */
public record LabelledBatch(DMatrixRMaj view1, DMatrixRMaj view2, int[] labels) {

    /**
     * @param mixture the patterns, their probabilities and σ
     * @param size    N ≥ 1
     * @param rng     the stream to draw from. Modified.
     */
    public static LabelledBatch draw(PatternMixture mixture, int size, SplittableRandom rng) {
        PatternPairSampler sampler = new PatternPairSampler(mixture, size, rng);
        DMatrixRMaj a = new DMatrixRMaj(size, mixture.dim());
        DMatrixRMaj b = new DMatrixRMaj(size, mixture.dim());
        sampler.next(a, b);
        int[] labels = new int[size];
        for (int i = 0; i < size; i++) {
            labels[i] = sampler.label(i);
        }
        return new LabelledBatch(a, b, labels);
    }

    /** N. */
    public int size() {
        return labels.length;
    }
}
