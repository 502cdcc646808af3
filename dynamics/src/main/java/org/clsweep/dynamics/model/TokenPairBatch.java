package org.clsweep.dynamics.model;

/**
 * A minibatch of positive pairs of token sequences, stored compactly: token ids, K per sample,
 * so that one-hot inputs are never materialised. A mutable buffer, refilled every step.
 *
 * <pre>
 *   view1[i·K + k] = token of sample i at location k in view 1      (0 ≤ i &lt; N, 0 ≤ k &lt; K)
 *   view2[i·K + k] = the same in view 2
 * </pre>
 *
 * @see TokenPairSource
 */
public final class TokenPairBatch {
    private final int size;
    private final int locations;
    private final int[] view1;
    private final int[] view2;

    /**
     * @param size      N, samples per batch, ≥ 1
     * @param locations K, tokens per sample, ≥ 1
     */
    public TokenPairBatch(int size, int locations) {
        if (size < 1 || locations < 1) {
            throw new IllegalArgumentException("a token batch needs size >= 1 and locations >= 1, found "
                    + size + ", " + locations);
        }
        this.size = size;
        this.locations = locations;
        this.view1 = new int[size * locations];
        this.view2 = new int[size * locations];
    }

    /** N. */
    public int size() {
        return size;
    }

    /** K. */
    public int locations() {
        return locations;
    }

    /** The view-1 token ids, sample-major; the live buffer, written by a {@link TokenPairSource}. */
    public int[] view1() {
        return view1;
    }

    /** The view-2 token ids, sample-major; the live buffer, written by a {@link TokenPairSource}. */
    public int[] view2() {
        return view2;
    }

    /** The live buffer of view 1 or 2 ({@code view} ∈ {0, 1}). */
    public int[] view(int view) {
        return view == 0 ? view1 : view2;
    }
}
