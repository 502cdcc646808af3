package org.clsweep.data.experiment;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.dynamics.metrics.LabelAlignment;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.DistinctOptimum;

/**
 * The label metrics of a one-layer run whose patterns are labelled data points
 * ({@code geometry.kind = dataset} with labels): {@link LabelAlignment} of each distinct optimum's
 * direction against the noise-free points μ_l and their labels y_l.
 *
 * <pre>
 *   per optimum row    majority_label y*, label_purity, class_mean_cosine   of its direction (signed
 *                      as the optimum analysis reports it)
 *   labels_covered     #{ y*(w_k) } over the uniform rows k
 *   mean_label_purity  mean label_purity over the uniform rows with a majority label
 * </pre>
 * An {@code infonce} row is the same optimum as the {@code uniform} row of its index (same
 * direction), so it gets the same labels, and the run metrics count each optimum once.
 *
 * @see OneLayerMetrics
 */
final class LabelMetrics {
    private LabelMetrics() {
    }

    /**
     * The label alignment of every optimum of a run, and the run metrics labels_covered and
     * mean_label_purity set in {@code metrics}.
     *
     * @param geometry the run's geometry. Not modified.
     * @param data     the sweep's selections. Not modified.
     * @param optima   the run's optima, every analysis. Not modified.
     * @param metrics  the run's metrics, indexed by {@link RunMetric#ordinal()}. Modified: the two
     *                 label metrics, when the geometry is labelled data.
     * @return one label per optimum, in the order of {@code optima}; empty unless the geometry is a
     *         labelled dataset
     */
    static List<OptimumLabel> of(GeometrySpec geometry, Datasets data, List<DistinctOptimum> optima,
                                 double[] metrics) {
        if (geometry.kind() != GeometryKind.DATASET) {
            return List.of();
        }
        LabelledPoints p = data.points(geometry.dataset());
        if (!p.labelled()) {
            return List.of();
        }
        LabelAlignment alignment = new LabelAlignment(p.points(), p.labels());
        List<OptimumLabel> labels = new ArrayList<>(optima.size());
        List<OptimumLabel> uniform = new ArrayList<>();
        for (DistinctOptimum o : optima) {
            OptimumLabel label = alignment.of(o.direction());
            labels.add(label);
            if (o.analysisAlpha() == AnalysisAlpha.UNIFORM) {
                uniform.add(label);
            }
        }
        LabelAlignment.RunLabels run = LabelAlignment.summarise(uniform);
        metrics[RunMetric.LABELS_COVERED.ordinal()] = run.labelsCovered();
        metrics[RunMetric.MEAN_LABEL_PURITY.ordinal()] = run.meanLabelPurity();
        return labels;
    }
}
