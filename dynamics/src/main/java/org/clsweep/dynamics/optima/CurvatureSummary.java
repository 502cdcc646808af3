package org.clsweep.dynamics.optima;

/**
 * Accumulates the per-run curvature summaries of an {@link OptimaReport} over the optima and over
 * the pattern directions. Points on a hinge are counted ({@link #hingeOptima()}) and left out of
 * every mean and fraction; a summary over no point is NaN.
 */
final class CurvatureSummary {
    private int optima;
    private int hingeOptima;
    private double roughnessSum;
    private int contracting;
    private double minMargin = Double.POSITIVE_INFINITY;
    private int margins;
    private int patterns;
    private int patternsContracting;
    private int patternsStable;

    void addOptimum(Curvature c) {
        if (c.onHinge()) {
            hingeOptima++;
            return;
        }
        if (Double.isNaN(c.roughness())) {
            return;
        }
        optima++;
        roughnessSum += c.roughness();
        if (c.contraction()) {
            contracting++;
        }
        if (!Double.isNaN(c.stabilityMargin())) {
            margins++;
            minMargin = Math.min(minMargin, c.stabilityMargin());
        }
    }

    void addPattern(Curvature c) {
        if (c.onHinge() || Double.isNaN(c.roughness())) {
            return;
        }
        patterns++;
        if (c.contraction()) {
            patternsContracting++;
        }
        if (c.stabilityMargin() > 0.0) {
            patternsStable++;
        }
    }

    double meanRoughness() {
        return optima == 0 ? Double.NaN : roughnessSum / optima;
    }

    double contractionFraction() {
        return optima == 0 ? Double.NaN : (double) contracting / optima;
    }

    double minStabilityMargin() {
        return margins == 0 ? Double.NaN : minMargin;
    }

    /** NaN when the curvature was computed at no optimum (switched off, A undefined, no optimum). */
    double hingeOptima() {
        return optima + hingeOptima == 0 ? Double.NaN : hingeOptima;
    }

    double patternContractionFraction() {
        return patterns == 0 ? Double.NaN : (double) patternsContracting / patterns;
    }

    double patternStableFraction() {
        return patterns == 0 ? Double.NaN : (double) patternsStable / patterns;
    }
}
