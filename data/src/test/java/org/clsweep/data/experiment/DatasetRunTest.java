package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.Specs;
import org.clsweep.data.spec.TrainSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.linalg.SymmetricSpectrum;
import org.clsweep.dynamics.metrics.LabelAlignment;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.dynamics.optima.AnalysisAlpha;
import org.clsweep.dynamics.optima.DistinctOptimum;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

/**
 * Runs on a dataset geometry: the points of the selection are the patterns. A linear layer's one
 * optimum is ± the top eigenvector of the points' covariance (SCIENCE.md §2), computed here
 * directly from the points.
 */
class DatasetRunTest {
    private static final int L = 12;
    private static final int D = 5;

    /** L random points in R^d with growing spread along the coordinates, so the spectrum has gaps. */
    static LabelledPoints points() {
        SplittableRandom rng = new SplittableRandom(17);
        double[][] raw = new double[L][D];
        int[] labels = new int[L];
        int[] rows = new int[L];
        for (int l = 0; l < L; l++) {
            for (int i = 0; i < D; i++) {
                raw[l][i] = rng.nextGaussian() * (1 + i);
            }
            labels[l] = l % 3;
            rows[l] = l;
        }
        return LabelledPoints.of(raw, labels, rows, 1.0, PointNormalization.UNIT, "points");
    }

    static RunSpec spec(Activation activation, Mode mode, LabelledPoints p) {
        return spec(activation, mode, p, 4);
    }

    static RunSpec spec(Activation activation, Mode mode, LabelledPoints p, int width) {
        DatasetSpec selection = new DatasetSpec("points", "labels", "", "", List.of(), 4, PointNormalization.UNIT, "");
        GeometrySpec unbound = new GeometrySpec(GeometryKind.DATASET, 6, 16, 0.0, 0.05, 1.0, 1.0, ProbsKind.UNIFORM,
                1.0, selection);
        TrainSpec t = mode == Mode.POPULATION
                ? new TrainSpec(LossType.INFONCE, 0.1, 1.0, 0.9, 0.005, 128, 20000, true, true, 1e-11, 250)
                : new TrainSpec(LossType.QUADRATIC, 0.1, 0.05, 0.9, 0.0, 64, 200, true, true, 1e-9, 50);
        return new RunSpec(ModelKind.ONELAYER, mode, activation, 0.05, width,
                unbound.withData(p.size(), p.dim(), p.checksum(), p.sources()), Specs.tokens(), Specs.net(), t,
                Specs.analysis());
    }

    @Test
    void theLinearOptimumIsThePrincipalDirectionOfThePoints() {
        LabelledPoints p = points();
        RunSpec s = spec(Activation.LINEAR, Mode.POPULATION, p);
        RunResult r = RunExecutor.execute(s, 1, Datasets.of(Map.of(s.geometry().dataset(), p)));
        assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
        assertThat(r.optima()).hasSize(1);
        double[] top = SymmetricSpectrum.of(covariance(p.points())).vector(0);
        double cos = 0;
        for (int i = 0; i < D; i++) {
            cos += top[i] * r.optima().get(0).direction()[i];
        }
        assertThat(Math.abs(cos)).isGreaterThan(1 - 1e-8);
    }

    @Test
    void sgdDrawsPairsFromThePointsAndABoundCellWithoutItsDataIsAProgrammerError() {
        LabelledPoints p = points();
        RunSpec s = spec(Activation.RELU, Mode.SGD, p);
        RunResult r = RunExecutor.execute(s, 2, Datasets.of(Map.of(s.geometry().dataset(), p)));
        assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
        assertThat(r.patternBasinShare()).hasSize(L);
        assertThatThrownBy(() -> RunExecutor.execute(s, 2)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("no data was read");
    }

    @Test
    void everyOptimumOfALabelledSelectionGetsItsLabelsAsComputedDirectlyFromThePoints() {
        LabelledPoints p = points();
        for (Mode mode : Mode.values()) {
            RunSpec s = spec(Activation.RELU, mode, p);
            RunResult r = RunExecutor.execute(s, 3, Datasets.of(Map.of(s.geometry().dataset(), p)));
            assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
            assertThat(r.optimumLabels()).hasSameSizeAs(r.optima());
            Set<Integer> covered = new HashSet<>();
            double puritySum = 0;
            int defined = 0;
            for (int k = 0; k < r.optima().size(); k++) {
                double[] w = r.optima().get(k).direction();
                double[] mass = new double[3];
                double[][] mean = new double[3][D];
                for (int l = 0; l < L; l++) {
                    int y = p.labels()[l];
                    double[] mu = p.points()[l];
                    mass[y] += Math.max(dot(w, mu), 0);
                    for (int i = 0; i < D; i++) {
                        mean[y][i] += mu[i] / 4;
                    }
                }
                int best = mass[1] > mass[0] ? 1 : 0;
                best = mass[2] > mass[best] ? 2 : best;
                double purity = mass[best] / (mass[0] + mass[1] + mass[2]);
                LabelAlignment.OptimumLabel label = r.optimumLabels().get(k);
                assertThat(label.majorityLabel()).hasValue(best);
                assertThat(label.labelPurity()).isCloseTo(purity, within(1e-12));
                assertThat(label.classMeanCosine())
                        .isCloseTo(dot(w, mean[best]) / Math.sqrt(dot(w, w) * dot(mean[best], mean[best])), within(1e-12));
                if (r.optima().get(k).analysisAlpha() == AnalysisAlpha.UNIFORM) {
                    covered.add(best);
                    puritySum += purity;
                    defined++;
                }
            }
            assertThat(r.metric(RunMetric.LABELS_COVERED)).isEqualTo(covered.size());
            assertThat(r.metric(RunMetric.MEAN_LABEL_PURITY)).isCloseTo(puritySum / defined, within(1e-12));
        }
    }

    /**
     * Six orthonormal points e_0..e_5, labels 0, 0, 1, 1, 2, 2 (pairs l, l ^ 1): the responses are the
     * coordinates of the unit w, so by hand
     * <pre>
     *   S_y = max(w_{2y}, 0) + max(w_{2y+1}, 0),   purity = S_{y*} / Σ_y S_y,
     *   class_mean_cosine = (w_{2y*} + w_{2y*+1}) / √2
     * </pre>
     * and a ReLU optimum on one point (SCIENCE.md §2: one per pattern, cosine &gt; 0.99) has that
     * point's label and a purity near 1.
     */
    @Test
    void aReluOptimumOnOnePointOfOrthogonalPointsIsPureAndAtOneOverRootTwoFromItsClassMean() {
        double[][] raw = new double[6][6];
        int[] rows = new int[6];
        for (int l = 0; l < 6; l++) {
            raw[l][l] = 1;
            rows[l] = l;
        }
        int[] labels = {0, 0, 1, 1, 2, 2};
        LabelledPoints p = LabelledPoints.of(raw, labels, rows, 1.0, PointNormalization.UNIT, "points");
        RunSpec s = spec(Activation.RELU, Mode.POPULATION, p, 16);
        RunResult r = RunExecutor.execute(s, 4, Datasets.of(Map.of(s.geometry().dataset(), p)));
        assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
        int onAPoint = 0;
        Set<Integer> covered = new HashSet<>();
        for (int k = 0; k < r.optima().size(); k++) {
            DistinctOptimum o = r.optima().get(k);
            LabelAlignment.OptimumLabel label = r.optimumLabels().get(k);
            covered.add(label.majorityLabel().orElseThrow());
            double[] w = o.direction();
            double[] mass = new double[3];
            for (int l = 0; l < 6; l++) {
                mass[l / 2] += Math.max(w[l], 0);
            }
            int y = label.majorityLabel().orElseThrow();
            assertThat(mass[y]).isEqualTo(Math.max(mass[0], Math.max(mass[1], mass[2])));
            assertThat(label.labelPurity()).isCloseTo(mass[y] / (mass[0] + mass[1] + mass[2]), within(1e-12));
            assertThat(label.classMeanCosine()).isCloseTo((w[2 * y] + w[2 * y + 1]) / Math.sqrt(2), within(1e-12));
            if (o.bestCosine() > 0.99) {
                onAPoint++;
                assertThat(y).isEqualTo(labels[o.bestPattern()]);
                assertThat(label.labelPurity()).isGreaterThan(0.9);
            }
        }
        assertThat(onAPoint).isGreaterThanOrEqualTo(3);
        assertThat(r.metric(RunMetric.LABELS_COVERED)).isEqualTo(covered.size());
    }

    @Test
    void unlabelledPointsAndGeneratedPatternsHaveNoLabelMetrics() {
        LabelledPoints labelled = points();
        LabelledPoints p = LabelledPoints.of(labelled.points(), null, labelled.rows(), 1.0, PointNormalization.UNIT,
                "points");
        RunSpec s = spec(Activation.RELU, Mode.POPULATION, p);
        RunResult r = RunExecutor.execute(s, 3, Datasets.of(Map.of(s.geometry().dataset(), p)));
        assertThat(r.status()).as(r.error()).isEqualTo(RunStatus.OK);
        assertThat(r.optima()).isNotEmpty();
        assertThat(r.optimumLabels()).isEmpty();
        assertThat(r.metric(RunMetric.LABELS_COVERED)).isNaN();
        assertThat(r.metric(RunMetric.MEAN_LABEL_PURITY)).isNaN();
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /** Σ_l (1/L) μ_l μ_lᵀ − μ̄ μ̄ᵀ. */
    private static DMatrixRMaj covariance(double[][] mu) {
        DMatrixRMaj c = new DMatrixRMaj(D, D);
        double[] mean = new double[D];
        for (double[] x : mu) {
            for (int i = 0; i < D; i++) {
                mean[i] += x[i] / L;
                for (int j = 0; j < D; j++) {
                    c.add(i, j, x[i] * x[j] / L);
                }
            }
        }
        for (int i = 0; i < D; i++) {
            for (int j = 0; j < D; j++) {
                c.add(i, j, -mean[i] * mean[j]);
            }
        }
        return c;
    }
}
