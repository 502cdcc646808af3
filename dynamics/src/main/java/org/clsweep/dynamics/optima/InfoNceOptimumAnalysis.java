package org.clsweep.dynamics.optima;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.objective.ContrastiveCovariance;
import org.clsweep.dynamics.objective.FixedPointCheck;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The distinct optima of a one-layer InfoNCE run analysed under the run's own α (SCIENCE.md §1,
 * §2) rather than the uniform α of {@link OptimumAnalysis}: at each optimum's representative node
 * k, the two matrices InfoNCE induces on that node on one batch of N pairs
 * ({@link ContrastiveCovariance}, at the final W, with the run's τ and output normalisation).
 *
 * <pre>
 *   C = C_α[x̃_{w_k}] / N      the α-CL matrix of SCIENCE.md §2: its fixed points are C u = λu
 *   B = B_k / N               ∇_{w_k} L = −(2/τ)·B w_k: the training's fixed points are B u = λu;
 *                             B = C without output normalisation
 *   u = w_k / ‖w_k‖
 *   residual             ‖(I − uuᵀ)C u‖ / ‖C‖₂       ({@link FixedPointCheck#relativeResidual()}, in [0, 1])
 *   fixedPointResidual   ‖(I − uuᵀ)B u‖ / ‖B‖₂
 *   λ1 ≥ λ2, gap         of B          topEigenvector  (uᵀv1)² ≥ ½, v1 the top eigenvector of B
 *   energy               ½ uᵀC u       curvature       {@link Curvature#NOT_COMPUTED}
 * </pre>
 * Everything else is the uniform optimum's. Per anchor (÷N) the numbers do not depend on the
 * batch size, and with uniform α_ij = 1/N (τ → ∞) E[C] = (1 − 1/N)·A(w). The residuals are relative
 * because C and B have no common scale and a node is at best a noisy fixed point of one batch's
 * matrices. The spectrum is B's, the equation the training solves; with normalisation
 * Σ_k w_kᵀB_k w_k = 0, so being B's top eigenvector is an observation, not a stability criterion,
 * and (uᵀv1)² ≥ ½ (v1 is then the eigenvector nearest u) tolerates the batch's noise. With α held
 * fixed, as the α-CL view holds it, the sampled C is piecewise constant in w (jumps on the 2N
 * sample hinges wᵀx_s = 0; constant for linear h), so the roughness is 0 or undefined and no
 * curvature is computed. docs/onelayer-sgd.md shows what the numbers say about trained runs.
 *
 * <p>Cost per call: O(N²n + Nnd) for α, then O(N²d + d³) per optimum. Allocates its own scratch;
 * immutable.
 *
 * @see OptimumAnalysis
 * @see DistinctOptimum
 * @see AnalysisAlpha
 */
public final class InfoNceOptimumAnalysis {
    /** cos² ≥ ½. */
    static final double TOP_COSINE = Math.sqrt(0.5);

    private final ActivationFunction activation;
    private final double temperature;
    private final boolean normalize;

    /**
     * @param activation  the run's h, homogeneous (linear, relu, leaky_relu)
     * @param temperature the run's τ &gt; 0
     * @param normalize   the run's output normalisation
     */
    public InfoNceOptimumAnalysis(ActivationFunction activation, double temperature, boolean normalize) {
        if (!activation.isHomogeneous()) {
            throw new IllegalArgumentException("activation = " + activation
                    + " is not homogeneous: C_α and B_k need linear, relu or leaky_relu");
        }
        this.activation = activation;
        this.temperature = temperature;
        this.normalize = normalize;
    }

    /**
     * @param weights W, n×d, the final weights as trained. Not modified.
     * @param uniform the distinct optima of W by {@link OptimumAnalysis#analyse}, all {@link AnalysisAlpha#UNIFORM}.
     *                Not modified.
     * @param view1   X₁, N×d, row i = x_i of the batch. Not modified.
     * @param view2   X₂, N×d, row i = x'_i. Not modified.
     * @return one {@link AnalysisAlpha#INFONCE} optimum per uniform one, in the same order
     */
    public List<DistinctOptimum> analyse(DMatrixRMaj weights, List<DistinctOptimum> uniform, DMatrixRMaj view1,
                                         DMatrixRMaj view2) {
        int n = weights.numRows;
        int d = weights.numCols;
        int batch = view1.numRows;
        ContrastiveCovariance matrices = new ContrastiveCovariance(activation, temperature, normalize, n, d, batch);
        matrices.evaluate(weights, view1, view2);
        DMatrixRMaj c = new DMatrixRMaj(d, d);
        DMatrixRMaj b = new DMatrixRMaj(d, d);
        List<DistinctOptimum> out = new ArrayList<>(uniform.size());
        for (DistinctOptimum o : uniform) {
            if (o.analysisAlpha() != AnalysisAlpha.UNIFORM) {
                throw new IllegalArgumentException("optimum " + o.index() + " comes from the "
                        + o.analysisAlpha().label() + " analysis, expected the uniform one");
            }
            int k = o.representativeNode();
            matrices.alphaCovariance(k, c);
            matrices.fixedPointMatrix(k, b);
            CommonOps_DDRM.scale(1.0 / batch, c);
            CommonOps_DDRM.scale(1.0 / batch, b);
            FixedPointCheck onC = FixedPointCheck.of(c, weights, k);
            FixedPointCheck onB = FixedPointCheck.of(b, weights, k);
            out.add(new DistinctOptimum(o.index(), AnalysisAlpha.INFONCE, k, o.nodeCount(), o.basinShare(),
                    o.direction().clone(), o.bestPattern(), o.bestCosine(), onC.relativeResidual(),
                    onB.relativeResidual(), onB.lambda1(), onB.lambda2(), onB.lambda1() - onB.lambda2(),
                    onB.topCosine() >= TOP_COSINE, o.activationSet().clone(), 0.5 * onC.rayleigh(),
                    Curvature.NOT_COMPUTED));
        }
        return out;
    }
}
