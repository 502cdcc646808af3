package org.clsweep.data.experiment;

import java.util.Locale;

/**
 * The metric columns of the runs table, in column order. A run sets the metrics that apply to
 * its model and mode and leaves the others NaN, written as SQL NULL. Adding a metric means adding
 * a constant here with its description: the table schema and the README's schema follow.
 */
public enum RunMetric {
    // one layer (population and sgd)
    DISTINCT_OPTIMA(true, "one layer: number of distinct optima the nodes reached"),
    PATTERNS_RECOVERED(true, "one layer: patterns matched by some optimum with cosine >= analysis.match_cosine"),
    COVERAGE(false, "one layer: patterns_recovered / geometry.patterns"),
    MAX_RESIDUAL(false, "one layer: largest fixed-point residual ‖(I − wwᵀ)A(w)w‖ over nodes"),
    MEAN_BEST_COSINE(false, "one layer: mean over distinct optima of the cosine with the best-matching pattern"),
    TOP_EIGEN_FRACTION(false, "one layer: fraction of nodes whose w is the top eigenvector of A(w)"),
    MEAN_GAP(false, "one layer: mean spectral gap λ1 − λ2 over distinct optima"),
    MEAN_ROUGHNESS(false, "one layer: mean exact roughness ρ(w) = max over unit δ ⊥ w of ‖DA(w)[δ]‖₂ over distinct optima off a hinge"),
    CONTRACTION_FRACTION(false, "one layer: fraction of distinct optima off a hinge with gap > 2ρ (first-order heuristic, not a proof)"),
    MIN_STABILITY_MARGIN(false, "one layer: least stability margin over distinct optima off a hinge; > 0: all are strict local maxima of E"),
    HINGE_OPTIMA(true, "one layer, σ = 0, relu/leaky: distinct optima on a hinge |wᵀμ_l| ≈ 0 (ρ undefined), left out of the three above"),
    PATTERN_CONTRACTION_FRACTION(false, "one layer: fraction of pattern directions μ_l/‖μ_l‖ off a hinge with gap > 2ρ there (analysis.curvature = all)"),
    PATTERN_STABLE_FRACTION(false, "one layer: fraction of pattern directions off a hinge where the Riemannian Hessian of E is negative definite"),
    MEAN_ENERGY(false, "one layer: mean objective E(w) = ½ wᵀA(w)w over nodes"),
    INACTIVE_NODES(true, "one layer, relu: nodes with wᵀμ_l <= 0 for every pattern at the end (E ≈ 0, no gradient); not optima"),
    TOP_DIRECTION_COSINE(false, "one layer: |cos| between W's top right-singular vector and the top eigenvector of Cov_π(μ); NULL on a tie"),
    STABLE_RANK(false, "one layer: ‖W‖_F² / ‖W‖₂² of the trained weights, 1 when every node lies on one line"),
    LABELS_COVERED(true, "one layer, labelled dataset: labels that are the majority label of some distinct optimum"),
    MEAN_LABEL_PURITY(false, "one layer, labelled dataset: mean label_purity over the distinct optima that have a majority label"),
    // sampled training (one and two layers)
    FINAL_LOSS(false, "sgd: mean loss over the last trace window"),
    ALPHA_MEAN(false, "sgd, infonce: mean of the softmax weights α_ij = P_ij (j ≠ i) over the last training batch, = (1 − mean_i P_ii)/(N − 1): the positive's softmax weight restated"),
    ALPHA_MAX(false, "sgd, infonce: max of α_ij = P_ij (j ≠ i) over the last training batch"),
    ALPHA_SAME_SHARE(false, "one layer, sgd, infonce: mean over anchors of the share of α on negatives of the anchor's own pattern (final W, evaluation batch)"),
    ALPHA_SAME_EXPECTED(false, "one layer, sgd, infonce: that share under uniform α, Σ_l n_l(n_l − 1)/(N(N − 1)) on the evaluation batch"),
    ALPHA_NEG_EFF(false, "one layer, sgd, infonce: mean over anchors of exp(entropy of α over the negatives), the effective number of negatives (1 to N − 1)"),
    // two layers
    LOC_ALL(false, "two layers: mean over locations of the mean score of tokens that occur there in a pattern"),
    LOC_OTHER_ALL(false, "two layers: mean over locations of the mean score of tokens that never occur there"),
    FILTER_ABS_COS(false, "two layers: mean |cosine| between distinct filters of a receptive field"),
    EFFECTIVE_RANK(false, "two layers: mean effective rank of the filter matrices W_k"),
    EMPTY_LOCATIONS(true, "two layers: locations left out of loc_all because no pattern fixes them"),
    CONCENTRATION(false, "two layers: mean over live filters of their largest normalised token response max_a r_k(j,a) (1: one token, ≈ 1/√m: m tokens alike)"),
    DEAD_FILTERS(true, "two layers: filters whose output h(w_jᵀx_a) is 0 for every token a that occurs at their location"),
    FILTERS_PER_TOKEN(false, "two layers: mean over learned pattern tokens (score >= 0.9) of the number of live filters whose best token it is"),
    RF_TOP_COSINE(false, "two layers, linear: mean over locations of |cos| between W_k's top right-singular vector and the top eigenvector of Cov(x1_k, x2_k); NULL on a tie");

    private final boolean integral;
    private final String description;

    RunMetric(boolean integral, String description) {
        this.integral = integral;
        this.description = description;
    }

    /** The column name, e.g. {@code distinct_optima}. */
    public String column() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the metric is a count, written as an INT column. */
    public boolean isIntegral() {
        return integral;
    }

    public String description() {
        return description;
    }
}
