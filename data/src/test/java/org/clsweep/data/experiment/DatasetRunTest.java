package org.clsweep.data.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
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
import org.clsweep.dynamics.objective.LossType;
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
        DatasetSpec selection = new DatasetSpec("points", "labels", "", "", List.of(), 4, PointNormalization.UNIT, "");
        GeometrySpec unbound = new GeometrySpec(GeometryKind.DATASET, 6, 16, 0.0, 0.05, 1.0, 1.0, ProbsKind.UNIFORM,
                1.0, selection);
        TrainSpec t = mode == Mode.POPULATION
                ? new TrainSpec(LossType.INFONCE, 0.1, 1.0, 0.9, 0.005, 128, 20000, true, true, 1e-11, 250)
                : new TrainSpec(LossType.QUADRATIC, 0.1, 0.05, 0.9, 0.0, 64, 200, true, true, 1e-9, 50);
        return new RunSpec(ModelKind.ONELAYER, mode, activation, 0.05, 4,
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
