package org.clsweep.dynamics.metrics;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;

/**
 * How well one-layer optima align with the labels of labelled data: which label's points a
 * direction w responds to, and how exclusively. The points are the noise-free μ_i (the patterns of
 * the mixture, one per data point) with integer labels y_i.
 *
 * <pre>
 *   r_i(w)  = max(wᵀμ_i, 0)                           the ReLU response to point i
 *   S_y(w)  = Σ_{i : y_i = y} r_i(w)                  the response mass of label y
 *   majority_label     y* = argmax_y S_y(w)           ties: the smallest such label
 *   label_purity       S_{y*}(w) / Σ_i r_i(w)         ∈ [1/#labels, 1]
 *   class_mean_cosine  cos(w, μ̄_{y*}),  μ̄_y = mean of the points with label y
 * </pre>
 * When no point has wᵀμ_i &gt; 0 the denominator is 0: there is no majority label and the purity
 * and the cosine are NaN. A class mean of 0 also gives a NaN cosine. All three are invariant under
 * w ↦ c·w for c &gt; 0 but not under w ↦ −w, so w must carry its sign: pass a distinct optimum's
 * direction as the optimum analysis reports it (for an odd activation, where w and −w are one
 * optimum, it is signed so that its cosine with its best-matching pattern is ≥ 0).
 *
 * <p>Per run, over the distinct optima:
 * <pre>
 *   labels_covered     #{ y*(w_k) : optimum k has a majority label }
 *   mean_label_purity  mean of label_purity over the optima where it is defined; NaN if none
 * </pre>
 * Immutable and thread-safe; the class means are computed once, each {@link #of} costs O(L·d).
 *
 * @see LinearCollapse
 * @see PatternRecovery
 */
public final class LabelAlignment {
    private final double[][] points;
    /** The distinct labels, increasing. */
    private final int[] classes;
    /** classOf[i]: the index of y_i in {@link #classes}. */
    private final int[] classOf;
    /** μ̄_y for each entry of {@link #classes}. */
    private final double[][] classMeans;

    /**
     * @param points the μ_i, L rows of one length d ≥ 1, L ≥ 1. Not modified (copied).
     * @param labels y_i, one per point, any integers. Not modified.
     */
    public LabelAlignment(double[][] points, int[] labels) {
        if (points.length == 0) {
            throw new IllegalArgumentException("label alignment needs at least one point, found 0");
        }
        if (labels.length != points.length) {
            throw new IllegalArgumentException(labels.length + " labels for " + points.length + " points");
        }
        int d = points[0].length;
        if (d == 0) {
            throw new IllegalArgumentException("points must have dimension >= 1, found 0");
        }
        this.points = new double[points.length][];
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != d) {
                throw new IllegalArgumentException("point " + i + " has dimension " + points[i].length
                        + ", point 0 has " + d);
            }
            this.points[i] = points[i].clone();
        }
        this.classes = Arrays.stream(labels).distinct().sorted().toArray();
        this.classOf = new int[labels.length];
        int[] counts = new int[classes.length];
        this.classMeans = new double[classes.length][d];
        for (int i = 0; i < labels.length; i++) {
            int c = Arrays.binarySearch(classes, labels[i]);
            classOf[i] = c;
            counts[c]++;
            for (int j = 0; j < d; j++) {
                classMeans[c][j] += points[i][j];
            }
        }
        for (int c = 0; c < classes.length; c++) {
            for (int j = 0; j < d; j++) {
                classMeans[c][j] /= counts[c];
            }
        }
    }

    /** The distinct labels of the points, in increasing order (a copy). */
    public int[] labels() {
        return classes.clone();
    }

    /** μ̄_y, the mean of the points labelled y, for each y of {@link #labels()} in that order (copies). */
    public double[][] classMeans() {
        double[][] out = new double[classMeans.length][];
        for (int c = 0; c < classMeans.length; c++) {
            out[c] = classMeans[c].clone();
        }
        return out;
    }

    /**
     * The label alignment of one direction.
     *
     * @param w a direction of length d, w ≠ 0, signed as above. Not modified.
     * @return y*, the purity and the class-mean cosine of w
     */
    public OptimumLabel of(double[] w) {
        int d = classMeans[0].length;
        if (w.length != d) {
            throw new IllegalArgumentException("w has length " + w.length + ", the points have dimension " + d);
        }
        double[] mass = new double[classes.length];
        double total = 0.0;
        for (int i = 0; i < points.length; i++) {
            double r = dot(w, points[i]);
            if (r > 0.0) {
                mass[classOf[i]] += r;
                total += r;
            }
        }
        if (!(total > 0.0)) {
            return new OptimumLabel(OptionalInt.empty(), Double.NaN, Double.NaN);
        }
        int best = 0;
        for (int c = 1; c < classes.length; c++) {
            // strictly larger: a tie keeps the smaller label (classes are increasing)
            if (mass[c] > mass[best]) {
                best = c;
            }
        }
        double[] mean = classMeans[best];
        double norms = Math.sqrt(dot(w, w) * dot(mean, mean));
        double cosine = norms > 0.0 ? dot(w, mean) / norms : Double.NaN;
        return new OptimumLabel(OptionalInt.of(classes[best]), mass[best] / total, cosine);
    }

    /**
     * The per-run figures over the distinct optima of a run.
     *
     * @param optima the label alignment of each distinct optimum. Not modified.
     * @return labels_covered and mean_label_purity
     */
    public static RunLabels summarise(List<OptimumLabel> optima) {
        Set<Integer> covered = new HashSet<>();
        double puritySum = 0.0;
        int defined = 0;
        for (OptimumLabel o : optima) {
            if (o.majorityLabel().isPresent()) {
                covered.add(o.majorityLabel().getAsInt());
                puritySum += o.labelPurity();
                defined++;
            }
        }
        return new RunLabels(covered.size(), defined == 0 ? Double.NaN : puritySum / defined);
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * The label alignment of one optimum.
     *
     * @param majorityLabel   y*, empty when no point has wᵀμ_i &gt; 0
     * @param labelPurity     S_{y*} / Σ_i r_i, NaN without a majority label
     * @param classMeanCosine cos(w, μ̄_{y*}), NaN without a majority label or for a zero class mean
     */
    public record OptimumLabel(OptionalInt majorityLabel, double labelPurity, double classMeanCosine) {
    }

    /**
     * The label alignment of a run.
     *
     * @param labelsCovered   the number of distinct labels that are y* of some distinct optimum
     * @param meanLabelPurity the mean label_purity over the optima with a majority label; NaN if none
     */
    public record RunLabels(int labelsCovered, double meanLabelPurity) {
    }
}
