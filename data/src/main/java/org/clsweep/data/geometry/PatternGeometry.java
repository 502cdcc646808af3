package org.clsweep.data.geometry;

import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.random.UnitVectors;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.GeometrySpec;
import org.clsweep.data.spec.ProbsKind;
import org.clsweep.dynamics.model.PatternMixture;

/**
 * Builds the one-layer {@link PatternMixture} of a {@link GeometrySpec}: μ_l = r_l·v_l with unit
 * directions v_l, magnitudes r_l and probabilities π_l, l = 1..L, in R^d.
 *
 * <pre>
 *   orthogonal    v_l = e_l                                                  (needs d ≥ L)
 *   equiangular   v_l = a·e_l + b·Σ_{k≤L} e_k,  a = √(1−c),  b = (√(1−c+Lc) − √(1−c)) / L
 *                 so ‖v_l‖² = a² + 2ab + Lb² = 1 and v_lᵀv_k = 2ab + Lb² = c   (needs d ≥ L, c &gt; −1/(L−1))
 *   random        v_l uniform on S^{d−1}, independent ({@code UnitVectors}, from the stream)
 *   pairs         v_l = (e_i + e_j)/√2 for L distinct pairs i &lt; j, drawn uniformly without
 *                 replacement from the stream, in draw order; v_lᵀv_k ∈ {0, ½}   (needs L ≤ d(d−1)/2)
 *   magnitudes    r_l = mag_start + (mag_end − mag_start)·(l − 1)/(L − 1)   (r_1 = mag_start when L = 1)
 *   probabilities uniform π_l = 1/L;  zipf π_l = l^(−s) / Σ_k k^(−s),  s = zipf_exponent
 *   dataset       μ_l = the selected points as they are (LabelledPoints), π_l = 1/L
 * </pre>
 * Orthogonal and equiangular geometries are deterministic and use the first L coordinates; random
 * and pairs draw from the stream they are given (the run's {@code RunStreams.patterns()}, which
 * depends on the seed only, so every cell of a seed sees the same random patterns for equal L, d).
 */
public final class PatternGeometry {
    private PatternGeometry() {
    }

    /**
     * The mixture of any geometry: a dataset's points from {@code data}, else generated.
     *
     * @param spec the geometry. Not modified.
     * @param rng  the pattern stream (read for random and pairs only). Modified.
     * @param data the sweep's selections (read for dataset only). Not modified.
     */
    public static PatternMixture mixture(GeometrySpec spec, SplittableRandom rng, Datasets data) {
        if (spec.kind() == GeometryKind.DATASET) {
            return data.points(spec.dataset()).mixture(spec.noise());
        }
        return mixture(spec, rng);
    }

    /**
     * @param spec a generated geometry (not dataset). Not modified.
     * @param rng  the pattern stream (read for random and pairs only). Modified.
     */
    public static PatternMixture mixture(GeometrySpec spec, SplittableRandom rng) {
        double[][] mu = directions(spec, rng);
        double[] r = magnitudes(spec.patterns(), spec.magStart(), spec.magEnd());
        for (int l = 0; l < mu.length; l++) {
            for (int i = 0; i < mu[l].length; i++) {
                mu[l][i] *= r[l];
            }
        }
        return new PatternMixture(mu, probabilities(spec.probs(), spec.patterns(), spec.zipfExponent()),
                spec.noise());
    }

    /**
     * The unit directions v_l, L rows of length d.
     *
     * @param spec the geometry. Not modified.
     * @param rng  the pattern stream (read for random and pairs only). Modified.
     */
    public static double[][] directions(GeometrySpec spec, SplittableRandom rng) {
        int count = spec.patterns();
        int d = spec.dim();
        double[][] v = new double[count][d];
        switch (spec.kind()) {
            case ORTHOGONAL:
                for (int l = 0; l < count; l++) {
                    v[l][l] = 1.0;
                }
                break;
            case EQUIANGULAR: {
                double c = spec.cosine();
                double a = Math.sqrt(1.0 - c);
                double b = (Math.sqrt(1.0 - c + count * c) - a) / count;
                for (int l = 0; l < count; l++) {
                    for (int k = 0; k < count; k++) {
                        v[l][k] = b;
                    }
                    v[l][l] += a;
                }
                break;
            }
            case RANDOM: {
                for (int l = 0; l < count; l++) {
                    UnitVectors.draw(rng, v[l], 0, d);
                }
                break;
            }
            case PAIRS: {
                double s = Math.sqrt(0.5);
                Set<Long> seen = new HashSet<>();
                int l = 0;
                while (l < count) {
                    int i = rng.nextInt(d);
                    int j = rng.nextInt(d - 1);
                    if (j >= i) {
                        j++;
                    }
                    int lo = Math.min(i, j);
                    int hi = Math.max(i, j);
                    if (seen.add((long) lo * d + hi)) {
                        v[l][lo] = s;
                        v[l][hi] = s;
                        l++;
                    }
                }
                break;
            }
            case DATASET:
                throw new IllegalArgumentException("dataset patterns are read, not generated: "
                        + "use mixture(spec, rng, data)");
            default:
                throw new AssertionError(spec.kind());
        }
        return v;
    }

    /** r_l, linear from {@code start} (l = 1) to {@code end} (l = L). */
    public static double[] magnitudes(int count, double start, double end) {
        double[] r = new double[count];
        for (int l = 0; l < count; l++) {
            r[l] = count == 1 ? start : start + (end - start) * l / (count - 1);
        }
        return r;
    }

    /** π_l, uniform or Zipf with exponent s (s = 0 is uniform). */
    public static double[] probabilities(ProbsKind kind, int count, double zipfExponent) {
        double[] p = new double[count];
        double sum = 0.0;
        for (int l = 0; l < count; l++) {
            p[l] = kind == ProbsKind.ZIPF ? Math.pow(l + 1, -zipfExponent) : 1.0;
            sum += p[l];
        }
        for (int l = 0; l < count; l++) {
            p[l] /= sum;
        }
        return p;
    }
}
