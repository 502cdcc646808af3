package org.clsweep.dynamics.optima;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.activation.ActivationFunction;
import org.clsweep.dynamics.linalg.GramSpectrum;
import org.clsweep.dynamics.model.PatternMixture;
import org.clsweep.dynamics.model.PopulationObjective;
import org.ejml.data.DMatrixRMaj;

/**
 * The optimum analysis of SCIENCE.md §2 for a final one-layer weight matrix W (n×d, one node per
 * row, whatever trained it): fixed-point diagnostics of every node, the clustering of the nodes
 * into distinct optima, and the match of the optima to the patterns μ_l ({@code patterns}). A(w)
 * is the population matrix of {@link PopulationObjective} ({@code objective}) for the run's
 * mixture and activation; the thresholds are those of {@link AnalysisSettings} ({@code settings}).
 *
 * <pre>
 *   node         w = row/‖row‖;  residual ‖(I − wwᵀ)A(w)w‖;  λ1 ≥ λ2 of A(w);  E(w) = ½ wᵀA(w)w;
 *                top eigenvector ⇔ |wᵀA(w)w − λ1| ≤ topEigenTol·|λ1| + eigenFloor,
 *                eigenFloor = 1e-14·max_l ‖μ_l‖²;   best pattern argmax_l cos(w, μ_l)
 *   inactive     ReLU only ({@code canDie}): wᵀμ_l ≤ 0 for every l. Every gate is (almost) closed,
 *                E(w) ≈ 0 and the gradient (almost) vanishes; the node joins no optimum
 *   clustering   in row order, a node joins the optimum whose representative (its first node) has
 *                the largest cosine ≥ sameOptimumCosine with it, else it founds a new optimum
 *   optimum      the representative's row of W and diagnostics, gap λ1 − λ2, activation set
 *                {l : wᵀμ_l &gt; 0}, and its {@link Curvature}: on a hinge, the exact roughness ρ(w),
 *                its bound, the stability margin ({@link CurvatureAnalysis}; representatives only);
 *                {@link AnalysisAlpha#UNIFORM}, fixed-point residual = residual
 *   patterns     the curvature at every pattern direction μ_l/‖μ_l‖ (μ_l ≠ 0), summarised in the report
 *                (curvature scope ALL only)
 *   matching     μ_l is recovered when some representative has cos(w, μ_l) ≥ matchCosine
 * </pre>
 * Where w and −w are one optimum ({@code odd}: linear, and the even quadratic control) cosines are
 * taken in absolute value and each representative is signed so that its best-pattern cosine is
 * ≥ 0. For the non-homogeneous controls (sigmoid, quadratic) A(w) is not defined: only the
 * clustering and the matching are done, no node is inactive, and everything that needs A is NaN.
 *
 * <p>Optima are numbered by decreasing node count (ties: by their first node); a report is a
 * pure, deterministic function of W. Spectra come from the factor C of A = CᵀC
 * ({@link PopulationObjective#centredGatedMeans}, L×d): the eigenvalues of the smaller of CᵀC and
 * CCᵀ ({@link GramSpectrum}; {@link org.clsweep.dynamics.linalg.SymmetricSpectrum} flushes the
 * subnormal entries a converged flow leaves, on which the symmetric QR iteration can fail). Immutable;
 * {@link #analyse} allocates its own scratch and is safe to call from several threads.
 *
 * @see OptimaReport
 * @see DistinctOptimum
 * @see NodeDiagnostics
 * @see AnalysisSettings
 * @see InfoNceOptimumAnalysis
 */
public final class OptimumAnalysis {
    private static final double EIGEN_ROUNDING = 1e-14;

    private final PopulationObjective objective;
    /** null when A is not defined or the curvature is switched off. */
    private final CurvatureAnalysis curvature;
    private final double[][] patterns;
    private final double[] patternNorms;
    private final boolean odd;
    private final boolean canDie;
    private final AnalysisSettings settings;
    private final double eigenFloor;

    /**
     * @param mixture    the run's data. Not modified.
     * @param activation the run's activation; non-homogeneous ones get the pattern matching only
     * @param settings   thresholds
     */
    public OptimumAnalysis(PatternMixture mixture, ActivationFunction activation, AnalysisSettings settings) {
        boolean homogeneous = activation.isHomogeneous();
        this.objective = homogeneous ? new PopulationObjective(mixture, activation) : null;
        this.curvature = homogeneous && settings.curvature() != CurvatureScope.NONE
                ? new CurvatureAnalysis(objective, mixture, settings.hingeTolerance()) : null;
        this.settings = settings;
        // w ~ −w: linear is odd, the quadratic control is even
        this.odd = homogeneous ? activation.negativeSlope() == 1.0 : activation.kind() == Activation.QUADRATIC;
        this.canDie = homogeneous && activation.negativeSlope() == 0.0;
        int count = mixture.patternCount();
        this.patterns = new double[count][];
        this.patternNorms = new double[count];
        double maxNorm2 = 0.0;
        for (int l = 0; l < count; l++) {
            patterns[l] = mixture.patternCopy(l);
            double n2 = dot(patterns[l], 0, patterns[l], 0, patterns[l].length);
            patternNorms[l] = Math.sqrt(n2);
            maxNorm2 = Math.max(maxNorm2, n2);
        }
        this.eigenFloor = EIGEN_ROUNDING * maxNorm2;
    }

    /**
     * @param weights W, n×d, rows non-zero and finite (normalised here). Not modified.
     * @return the report
     * @throws IllegalArgumentException if d differs from the mixture's or a row is zero or not finite
     */
    public OptimaReport analyse(DMatrixRMaj weights) {
        int n = weights.numRows;
        int d = weights.numCols;
        if (d != patterns[0].length) {
            throw new IllegalArgumentException("W has " + d + " columns, the patterns have dimension "
                    + patterns[0].length);
        }
        if (n == 0) {
            throw new IllegalArgumentException("W has no rows");
        }
        Scratch s = new Scratch(objective, patterns.length, d);
        double[] dirs = normalisedRows(weights);

        // greedy clustering in row order, inactive nodes left out
        int[] founder = new int[n];
        int[] clusterOf = new int[n];
        int clusters = 0;
        int inactive = 0;
        for (int i = 0; i < n; i++) {
            if (isInactive(dirs, i * d, d)) {
                clusterOf[i] = -1;
                inactive++;
                continue;
            }
            int best = -1;
            double bestCos = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < clusters; c++) {
                double cos = dot(dirs, i * d, dirs, founder[c] * d, d);
                if (odd) {
                    cos = Math.abs(cos);
                }
                if (cos >= settings.sameOptimumCosine() && cos > bestCos) {
                    best = c;
                    bestCos = cos;
                }
            }
            if (best < 0) {
                founder[clusters] = i;
                best = clusters++;
            }
            clusterOf[i] = best;
        }
        int[] counts = new int[clusters];
        for (int i = 0; i < n; i++) {
            if (clusterOf[i] >= 0) {
                counts[clusterOf[i]]++;
            }
        }
        // order clusters by decreasing count, then by founder (insertion sort: clusters ≤ n)
        int[] order = new int[clusters];
        for (int c = 0; c < clusters; c++) {
            int j = c;
            while (j > 0 && (counts[order[j - 1]] < counts[c]
                    || counts[order[j - 1]] == counts[c] && founder[order[j - 1]] > founder[c])) {
                order[j] = order[j - 1];
                j--;
            }
            order[j] = c;
        }
        int[] rank = new int[clusters];
        for (int k = 0; k < clusters; k++) {
            rank[order[k]] = k;
        }

        // per node
        List<NodeDiagnostics> nodes = new ArrayList<>(n);
        double maxResidual = 0.0;
        double energySum = 0.0;
        int topCount = 0;
        for (int i = 0; i < n; i++) {
            NodeDiagnostics nd = diagnose(dirs, i * d, clusterOf[i] < 0 ? -1 : rank[clusterOf[i]], s);
            nodes.add(nd);
            maxResidual = Math.max(maxResidual, nd.residual());
            energySum += nd.energy();
            if (nd.topEigenvector()) {
                topCount++;
            }
        }

        // per optimum
        int patternCount = patterns.length;
        boolean[] recovered = new boolean[patternCount];
        double[] share = new double[patternCount];
        List<DistinctOptimum> optima = new ArrayList<>(clusters);
        double cosSum = 0.0;
        double gapSum = 0.0;
        CurvatureSummary summary = new CurvatureSummary();
        for (int k = 0; k < clusters; k++) {
            int c = order[k];
            NodeDiagnostics nd = nodes.get(founder[c]);
            double[] w = new double[d];
            System.arraycopy(dirs, founder[c] * d, w, 0, d);
            if (odd && dot(w, 0, patterns[nd.bestPattern()], 0, d) < 0.0) {
                for (int i = 0; i < d; i++) {
                    w[i] = -w[i];
                }
            }
            double basinShare = (double) counts[c] / n;
            int active = 0;
            for (int l = 0; l < patternCount; l++) {
                if (dot(w, 0, patterns[l], 0, d) > 0.0) {
                    active++;
                }
                if (cosine(w, l) >= settings.matchCosine()) {
                    recovered[l] = true;
                    share[l] += basinShare;
                }
            }
            int[] activationSet = new int[active];
            for (int l = 0, a = 0; l < patternCount; l++) {
                if (dot(w, 0, patterns[l], 0, d) > 0.0) {
                    activationSet[a++] = l;
                }
            }
            double gap = nd.lambda1() - nd.lambda2();
            Curvature curv = curvatureAt(w, s);
            cosSum += nd.bestCosine();
            gapSum += gap;
            summary.addOptimum(curv);
            optima.add(new DistinctOptimum(k, AnalysisAlpha.UNIFORM, founder[c], counts[c], basinShare, w,
                    nd.bestPattern(), nd.bestCosine(), nd.residual(), nd.residual(), nd.lambda1(), nd.lambda2(), gap,
                    nd.topEigenvector(), activationSet, nd.energy(), curv));
        }
        int recoveredCount = 0;
        for (int l = 0; l < patternCount; l++) {
            if (recovered[l]) {
                recoveredCount++;
            }
        }
        for (int l = 0; l < patternCount && settings.curvature() == CurvatureScope.ALL; l++) {
            if (patternNorms[l] > 0.0) {
                double[] dir = new double[d];
                for (int i = 0; i < d; i++) {
                    dir[i] = patterns[l][i] / patternNorms[l];
                }
                summary.addPattern(curvatureAt(dir, s));
            }
        }
        return new OptimaReport(optima, nodes, inactive, recoveredCount, (double) recoveredCount / patternCount, share,
                maxResidual, cosSum / clusters, objective == null ? Double.NaN : (double) topCount / n,
                gapSum / clusters, summary.meanRoughness(), summary.contractionFraction(),
                summary.minStabilityMargin(), summary.hingeOptima(), summary.patternContractionFraction(),
                summary.patternStableFraction(), energySum / n);
    }

    /** The curvature at unit w; all NaN when A is not defined or the curvature is off. */
    private Curvature curvatureAt(double[] w, Scratch s) {
        if (curvature == null) {
            return Curvature.NOT_COMPUTED;
        }
        return curvature.at(w, s.ws);
    }

    private NodeDiagnostics diagnose(double[] dirs, int off, int optimum, Scratch s) {
        int d = patterns[0].length;
        if (objective == null) {
            return new NodeDiagnostics(optimum, optimum < 0, Double.NaN, Double.NaN, Double.NaN, false, Double.NaN,
                    bestPattern(dirs, off, s), s.bestCos);
        }
        double energy = objective.gradient(dirs, off, s.ws, s.aw, 0);
        double wAw = 2.0 * energy;
        double r2 = 0.0;
        for (int i = 0; i < d; i++) {
            double r = s.aw[i] - wAw * dirs[off + i];
            r2 += r * r;
        }
        objective.centredGatedMeans(dirs, off, s.ws, s.centred);
        GramSpectrum spectrum = GramSpectrum.of(s.centred, false);
        double lambda1 = Math.max(spectrum.first(), 0.0);
        double lambda2 = d == 1 ? 0.0 : Math.max(spectrum.second(), 0.0);
        boolean top = Math.abs(wAw - lambda1) <= settings.topEigenTol() * Math.abs(lambda1) + eigenFloor;
        int best = bestPattern(dirs, off, s);
        return new NodeDiagnostics(optimum, optimum < 0, Math.sqrt(r2), lambda1, lambda2, top, energy, best,
                s.bestCos);
    }

    /** argmax_l cos(w, μ_l) for the unit w at {@code dirs[off..]}; the cosine goes to s.bestCos. */
    private int bestPattern(double[] dirs, int off, Scratch s) {
        System.arraycopy(dirs, off, s.w, 0, s.w.length);
        int best = 0;
        double bestCos = Double.NEGATIVE_INFINITY;
        for (int l = 0; l < patterns.length; l++) {
            double cos = cosine(s.w, l);
            if (cos > bestCos) {
                best = l;
                bestCos = cos;
            }
        }
        s.bestCos = bestCos;
        return best;
    }

    /** ReLU only: wᵀμ_l ≤ 0 for every pattern. */
    private boolean isInactive(double[] dirs, int off, int d) {
        if (!canDie) {
            return false;
        }
        for (double[] mu : patterns) {
            if (dot(dirs, off, mu, 0, d) > 0.0) {
                return false;
            }
        }
        return true;
    }

    /** cos(w, μ_l) for unit w; |cos| where w ~ −w (odd). A zero pattern has cosine 0. */
    private double cosine(double[] w, int l) {
        if (patternNorms[l] == 0.0) {
            return 0.0;
        }
        double cos = dot(w, 0, patterns[l], 0, w.length) / patternNorms[l];
        return odd ? Math.abs(cos) : cos;
    }

    private static double[] normalisedRows(DMatrixRMaj weights) {
        int n = weights.numRows;
        int d = weights.numCols;
        double[] dirs = new double[n * d];
        for (int i = 0; i < n; i++) {
            double norm = Math.sqrt(dot(weights.data, i * d, weights.data, i * d, d));
            if (!(norm > 0.0) || Double.isInfinite(norm)) {
                throw new IllegalArgumentException("row " + i + " of W has norm " + norm
                        + "; the optimum analysis needs non-zero finite rows");
            }
            for (int j = 0; j < d; j++) {
                dirs[i * d + j] = weights.data[i * d + j] / norm;
            }
        }
        return dirs;
    }

    private static double dot(double[] a, int aOff, double[] b, int bOff, int len) {
        double s = 0.0;
        for (int i = 0; i < len; i++) {
            s += a[aOff + i] * b[bOff + i];
        }
        return s;
    }

    /** Buffers of one {@link #analyse} call. */
    private static final class Scratch {
        final PopulationObjective.Workspace ws;
        final DMatrixRMaj centred;
        final double[] aw;
        final double[] w;
        double bestCos;

        /** @param objective null for a non-homogeneous activation (pattern matching only) */
        Scratch(PopulationObjective objective, int patternCount, int d) {
            ws = objective == null ? null : objective.newWorkspace();
            centred = new DMatrixRMaj(patternCount, d);
            aw = new double[d];
            w = new double[d];
        }
    }
}
