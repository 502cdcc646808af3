package org.clsweep.dynamics.optima;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;
import static org.clsweep.dynamics.testing.Vectors.unit;

import java.util.SplittableRandom;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.junit.jupiter.api.Test;

class OptimumAnalysisTest {
    private static final ActivationFunction RELU = ActivationFunction.of(Activation.RELU);
    private static final ActivationFunction LINEAR = ActivationFunction.of(Activation.LINEAR);
    private static final AnalysisSettings SETTINGS = AnalysisSettings.of(0.95, 0.9999);

    /** μ_l = m_l·e_l in R^4, m = (1, 0.8, 0.6), uniform π. */
    private static PatternMixture orthogonal(double noise) {
        double[][] mu = new double[3][4];
        mu[0][0] = 1.0;
        mu[1][1] = 0.8;
        mu[2][2] = 0.6;
        return new PatternMixture(mu, new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, noise);
    }

    private static DMatrixRMaj rows(double[]... r) {
        return new DMatrixRMaj(r);
    }


    @Test
    void reluClustersNodesCountsBasinsAndMatchesPatterns() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.0), RELU, SETTINGS);
        DMatrixRMaj w = rows(
                new double[] {0, 2, 0, 0},                 // μ_2 (unnormalised row: the analysis normalises)
                new double[] {1, 0, 0, 0},                 // μ_1
                unit(1, 1e-4, 0, 0),                       // μ_1, cos 1 − 5e-9: same optimum
                new double[] {1, 0, 0, 0},                 // μ_1
                unit(-1, 0.5, 0, 0.2),                     // cos −0.89 with μ_1: a different optimum for ReLU
                unit(0, 1, 0.02, 0));                      // cos 0.9998 with μ_2: a different optimum
        OptimaReport r = analysis.analyse(w);

        assertThat(r.distinctOptima()).isEqualTo(4);
        assertThat(r.inactiveNodes()).isZero();
        DistinctOptimum first = r.optima().get(0);
        assertThat(first.index()).isZero();
        assertThat(first.nodeCount()).isEqualTo(3);
        assertThat(first.basinShare()).isCloseTo(0.5, offset(TOL_EXACT));
        assertThat(first.bestPattern()).isZero();
        assertThat(first.bestCosine()).isCloseTo(1.0, offset(TOL_EXACT));
        assertThat(first.direction()).containsExactly(new double[] {1, 0, 0, 0}, offset(TOL_EXACT));
        assertThat(first.activationSet()).containsExactly(0);
        // ties of one node each are ordered by their first row: rows 0, 4, 5
        assertThat(r.optima().get(1).bestPattern()).isEqualTo(1);
        assertThat(r.optima().get(1).bestCosine()).isCloseTo(1.0, offset(TOL_EXACT));
        assertThat(r.optima().get(2).bestPattern()).isEqualTo(1);
        assertThat(r.optima().get(2).activationSet()).containsExactly(1);
        assertThat(r.optima().get(3).bestPattern()).isEqualTo(1);
        assertThat(r.optima().get(3).activationSet()).containsExactly(1, 2);

        assertThat(r.nodes()).extracting(NodeDiagnostics::optimum).containsExactly(1, 0, 0, 0, 2, 3);
        assertThat(r.optima()).extracting(DistinctOptimum::representativeNode).containsExactly(1, 0, 4, 5);
        assertThat(r.optima()).allSatisfy(o -> {
            assertThat(o.analysisAlpha()).isEqualTo(AnalysisAlpha.UNIFORM);
            assertThat(o.fixedPointResidual()).isEqualTo(o.residual());
        });
        assertThat(r.patternsRecovered()).isEqualTo(2);
        assertThat(r.coverage()).isCloseTo(2.0 / 3, offset(TOL_EXACT));
        assertThat(r.patternBasinShare()).containsExactly(new double[] {0.5, 2.0 / 6, 0.0}, offset(TOL_EXACT));
    }

    @Test
    void reluNodesClosedOnEveryPatternAreInactiveNotOptima() {
        // −e1 and (−1, −1, 0, 1)/√3: wᵀμ_l ≤ 0 for all l. σ = 0: A(w) = 0, E = 0, residual 0
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.0), RELU, SETTINGS);
        DMatrixRMaj w = rows(new double[] {-1, 0, 0, 0}, new double[] {1, 0, 0, 0}, unit(-1, -1, 0, 1),
                new double[] {0, 0, 0, 1});
        OptimaReport r = analysis.analyse(w);
        assertThat(r.inactiveNodes()).isEqualTo(3);
        assertThat(r.distinctOptima()).isEqualTo(1);
        assertThat(r.optima().get(0).basinShare()).isCloseTo(0.25, offset(TOL_EXACT));
        assertThat(r.nodes()).extracting(NodeDiagnostics::optimum).containsExactly(-1, 0, -1, -1);
        assertThat(r.nodes()).extracting(NodeDiagnostics::inactive).containsExactly(true, false, true, true);
        assertThat(r.nodes().get(0).energy()).isZero();
        assertThat(r.nodes().get(0).residual()).isZero();
        assertThat(r.patternBasinShare()).containsExactly(new double[] {0.25, 0, 0}, offset(TOL_EXACT));
        assertThat(r.meanEnergy()).isCloseTo(1.0 / 9 / 4, offset(TOL_EXACT));

        OptimaReport allDead = analysis.analyse(rows(new double[] {-1, 0, 0, 0}));
        assertThat(allDead.distinctOptima()).isZero();
        assertThat(allDead.coverage()).isZero();
        assertThat(allDead.meanBestCosine()).isNaN();
        assertThat(allDead.meanGap()).isNaN();

        // leaky ReLU keeps a gradient c·μ_l on closed gates: never inactive
        OptimaReport leaky = new OptimumAnalysis(orthogonal(0.0), ActivationFunction.of(Activation.LEAKY_RELU, 0.1),
                SETTINGS).analyse(w);
        assertThat(leaky.inactiveNodes()).isZero();
        assertThat(leaky.distinctOptima()).isEqualTo(4);
    }

    @Test
    void diagnosticsOfAPatternOptimumMatchTheClosedForm() {
        // w = e1, σ = 0: g_1 = μ_1, g_2 = g_3 = 0, so A = (1/3 − 1/9)·e1e1ᵀ = (2/9)·e1e1ᵀ
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.0), RELU, SETTINGS);
        OptimaReport r = analysis.analyse(rows(new double[] {1, 0, 0, 0}));
        DistinctOptimum o = r.optima().get(0);
        assertThat(o.lambda1()).isCloseTo(2.0 / 9, offset(TOL_EXACT));
        assertThat(o.lambda2()).isCloseTo(0.0, offset(TOL_EXACT));
        assertThat(o.gap()).isCloseTo(2.0 / 9, offset(TOL_EXACT));
        assertThat(o.residual()).isCloseTo(0.0, offset(TOL_EXACT));
        assertThat(o.energy()).isCloseTo(1.0 / 9, offset(TOL_EXACT));
        assertThat(o.topEigenvector()).isTrue();
        assertThat(o.curvature().onHinge()).as("σ = 0 and e1 lies on the hinges wᵀμ_2 = wᵀμ_3 = 0").isTrue();
        assertThat(o.curvature().roughness()).as("A jumps there: ρ undefined").isNaN();
        assertThat(r.hingeOptima()).isEqualTo(1);
        assertThat(r.meanRoughness()).as("the only optimum is on a hinge").isNaN();
        assertThat(r.contractionFraction()).isNaN();
        assertThat(r.maxResidual()).isCloseTo(0.0, offset(TOL_EXACT));
        assertThat(r.meanEnergy()).isCloseTo(1.0 / 9, offset(TOL_EXACT));
        assertThat(r.topEigenFraction()).isEqualTo(1.0);
        assertThat(r.meanGap()).isCloseTo(2.0 / 9, offset(TOL_EXACT));
    }

    @Test
    void roughnessIsZeroWhereTheActivationSetIsLocallyConstant() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.0), RELU, SETTINGS);
        OptimaReport r = analysis.analyse(rows(unit(1, 0.3, 0.2, 0.1)));
        assertThat(r.optima().get(0).activationSet()).containsExactly(0, 1, 2);
        assertThat(r.meanRoughness()).isZero();
        assertThat(r.hingeOptima()).isZero();
        assertThat(r.contractionFraction()).isEqualTo(1.0);
    }

    @Test
    void residualOfANonFixedPointIsTheProjectedGradient() {
        // w = (e1 + e2)/√2, σ = 0: both μ_1, μ_2 active, g = (μ_1, μ_2, 0); A w computed by hand
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.0), RELU, SETTINGS);
        double s = Math.sqrt(0.5);
        OptimaReport r = analysis.analyse(rows(new double[] {s, s, 0, 0}));
        // m = (s, 0.8 s, 0), m̄ = 0.6 s; Aw = Σ π (m_l − m̄) g_l = (1/3)(0.4 s·e1 + 0.2 s·0.8·e2)
        double[] aw = {0.4 * s / 3, 0.16 * s / 3, 0, 0};
        double wAw = s * aw[0] + s * aw[1];
        double r0 = aw[0] - wAw * s;
        double r1 = aw[1] - wAw * s;
        assertThat(r.nodes().get(0).residual()).isCloseTo(Math.hypot(r0, r1), offset(TOL_EXACT));
        assertThat(r.nodes().get(0).energy()).isCloseTo(0.5 * wAw, offset(TOL_EXACT));
        assertThat(r.nodes().get(0).topEigenvector()).isFalse();
    }

    @Test
    void linearIdentifiesOppositeDirectionsAndSignsTheRepresentative() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.1), LINEAR, SETTINGS);
        DMatrixRMaj w = rows(
                new double[] {-1, 0, 0, 0},
                new double[] {1, 0, 0, 0},
                new double[] {0, 0, 1, 0},
                new double[] {-3, 0, 0, 0});
        OptimaReport r = analysis.analyse(w);
        assertThat(r.distinctOptima()).isEqualTo(2);
        DistinctOptimum o = r.optima().get(0);
        assertThat(o.nodeCount()).isEqualTo(3);
        assertThat(o.direction()).containsExactly(new double[] {1, 0, 0, 0}, offset(TOL_EXACT));
        assertThat(o.bestCosine()).isCloseTo(1.0, offset(TOL_EXACT));
        assertThat(o.curvature().roughness()).as("linear: A is constant").isZero();
        assertThat(r.nodes()).extracting(NodeDiagnostics::bestCosine)
                .allSatisfy(c -> assertThat(c).isCloseTo(1.0, offset(TOL_EXACT)));
        assertThat(r.patternBasinShare()).containsExactly(new double[] {0.75, 0.0, 0.25}, offset(TOL_EXACT));
    }

    @Test
    void linearTopEigenvectorIsFlaggedAndALowerOneIsNot() {
        // Cov(μ) for orthogonal μ with uniform π: eigenvectors are not the e_l (centring mixes them),
        // but every eigenvector is a fixed point: residual 0; only the top one is flagged
        PatternMixture mix = orthogonal(0.0);
        DMatrixRMaj cov = new DMatrixRMaj(4, 4);
        PopulationObjective objective = new PopulationObjective(mix, LINEAR);
        objective.matrix(new double[] {1, 0, 0, 0}, 0, objective.newWorkspace(), cov);
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(4, true, true);
        assertThat(eig.decompose(cov.copy())).isTrue();
        int top = 0;
        int low = 0;
        for (int i = 1; i < 4; i++) {
            if (eig.getEigenvalue(i).real > eig.getEigenvalue(top).real) {
                top = i;
            }
        }
        for (int i = 0; i < 4; i++) {
            double v = eig.getEigenvalue(i).real;
            if (i != top && v > 1e-6 && (low == top || v < eig.getEigenvalue(low).real)) {
                low = i;
            }
        }
        assertThat(low).isNotEqualTo(top);
        DMatrixRMaj w = new DMatrixRMaj(2, 4);
        for (int j = 0; j < 4; j++) {
            w.set(0, j, eig.getEigenVector(top).get(j));
            w.set(1, j, eig.getEigenVector(low).get(j));
        }
        OptimaReport r = new OptimumAnalysis(mix, LINEAR, SETTINGS).analyse(w);
        assertThat(r.nodes().get(0).topEigenvector()).isTrue();
        assertThat(r.nodes().get(1).topEigenvector()).isFalse();
        assertThat(r.maxResidual()).isLessThan(1e-12);
        assertThat(r.topEigenFraction()).isEqualTo(0.5);
    }

    @Test
    void sameOptimumThresholdIsHonoured() {
        DMatrixRMaj w = rows(new double[] {1, 0, 0, 0}, unit(1, 0.01, 0, 0));   // cos = 0.99995
        assertThat(new OptimumAnalysis(orthogonal(0.1), RELU, AnalysisSettings.of(0.95, 0.9999))
                .analyse(w).distinctOptima()).isEqualTo(1);
        assertThat(new OptimumAnalysis(orthogonal(0.1), RELU, AnalysisSettings.of(0.95, 0.99999))
                .analyse(w).distinctOptima()).isEqualTo(2);
    }

    @Test
    void curvatureIsDeterministicAndSummarisedOverOptimaAndPatterns() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.1), RELU, SETTINGS);
        DMatrixRMaj w = rows(unit(1, 0.3, 0.05, 0.1), new double[] {0, 1, 0, 0});
        OptimaReport a = analysis.analyse(w);
        OptimaReport b = analysis.analyse(w);
        assertThat(a.optima()).hasSize(2);
        for (int k = 0; k < 2; k++) {
            assertThat(a.optima().get(k).curvature()).isEqualTo(b.optima().get(k).curvature());
            assertThat(a.optima().get(k).curvature().roughness()).isPositive();
        }
        Curvature c0 = a.optima().get(0).curvature();
        Curvature c1 = a.optima().get(1).curvature();
        assertThat(a.meanRoughness()).isCloseTo(0.5 * (c0.roughness() + c1.roughness()), offset(TOL_EXACT));
        assertThat(a.minStabilityMargin()).isEqualTo(Math.min(c0.stabilityMargin(), c1.stabilityMargin()));
        assertThat(a.contractionFraction()).isEqualTo(((c0.contraction() ? 1 : 0) + (c1.contraction() ? 1 : 0)) / 2.0);
        assertThat(a.patternContractionFraction()).isBetween(0.0, 1.0);
        assertThat(a.patternStableFraction()).isBetween(0.0, 1.0);
    }

    @Test
    void curvatureSwitchedOffLeavesItsFieldsNaN() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.1), RELU,
                AnalysisSettings.of(0.95, 0.9999, CurvatureScope.NONE));
        OptimaReport r = analysis.analyse(rows(unit(1, 0.3, 0.05, 0.1)));
        assertThat(r.optima().get(0).curvature().roughness()).isNaN();
        assertThat(r.optima().get(0).curvature().stabilityMargin()).isNaN();
        assertThat(r.meanRoughness()).isNaN();
        assertThat(r.patternStableFraction()).isNaN();
        assertThat(r.optima().get(0).gap()).as("the spectrum is not part of the switch").isPositive();
        OptimaReport optimaOnly = new OptimumAnalysis(orthogonal(0.1), RELU,
                AnalysisSettings.of(0.95, 0.9999, CurvatureScope.OPTIMA)).analyse(rows(unit(1, 0.3, 0.05, 0.1)));
        assertThat(optimaOnly.meanRoughness()).isPositive();
        assertThat(optimaOnly.patternStableFraction()).isNaN();
        assertThat(optimaOnly.patternContractionFraction()).isNaN();
    }

    @Test
    void spectrumSurvivesDirectionsWithSubnormalTails() {
        // converged flows leave off-pattern coordinates near 1e-150, so A(w) holds subnormal entries;
        // EJML's symmetric QR eigen-solver fails on about 8% of these, the SVD route on none
        double[][] mu = new double[6][16];
        for (int l = 0; l < 6; l++) {
            mu[l][l] = 1.0 - 0.04 * l;
        }
        PatternMixture mix = new PatternMixture(mu, new double[] {1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6, 1.0 / 6},
                0.05);
        SplittableRandom rng = new SplittableRandom(5);
        DMatrixRMaj w = new DMatrixRMaj(200, 16);
        for (int i = 0; i < 200; i++) {
            for (int j = 0; j < 16; j++) {
                w.set(i, j, j < 6 ? rng.nextGaussian() : rng.nextGaussian() * Math.pow(10, -150 - rng.nextInt(10)));
            }
        }
        OptimaReport r = new OptimumAnalysis(mix, ActivationFunction.of(Activation.LEAKY_RELU, 0.9), SETTINGS)
                .analyse(w);
        PopulationObjective objective = new PopulationObjective(mix, ActivationFunction.of(Activation.LEAKY_RELU, 0.9));
        DMatrixRMaj a = new DMatrixRMaj(16, 16);
        for (int i = 0; i < 200; i++) {
            NodeDiagnostics nd = r.nodes().get(i);
            objective.matrix(w.data, i * 16, objective.newWorkspace(), a);
            double trace = org.ejml.dense.row.CommonOps_DDRM.trace(a);
            assertThat(nd.lambda1()).isPositive().isLessThanOrEqualTo(trace * (1 + TOL_EXACT));
            assertThat(nd.lambda2()).isBetween(0.0, nd.lambda1());
            assertThat(nd.lambda1()).as("λ1 ≥ the Rayleigh quotient 2E").isGreaterThanOrEqualTo(2 * nd.energy() * (1 - TOL_EXACT));
        }
    }

    @Test
    void rejectsZeroRowsAndWrongDimensions() {
        OptimumAnalysis analysis = new OptimumAnalysis(orthogonal(0.1), RELU, SETTINGS);
        assertThatThrownBy(() -> analysis.analyse(rows(new double[] {1, 0, 0, 0}, new double[4])))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1");
        assertThatThrownBy(() -> analysis.analyse(new DMatrixRMaj(2, 3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3 columns");
    }

    @Test
    void settingsNameTheirParameters() {
        assertThatThrownBy(() -> AnalysisSettings.of(1.5, 0.9999)).hasMessageContaining("matchCosine")
                .hasMessageContaining("1.5");
        assertThatThrownBy(() -> AnalysisSettings.of(0.95, 0.0)).hasMessageContaining("sameOptimumCosine");
    }
}
