package org.clsweep.data.dataset;

import java.io.Serializable;
import java.util.Arrays;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.dynamics.model.PatternMixture;

/**
 * The patterns of a {@code dataset} cell: L selected points μ_1..μ_L in R^d, normalised, with
 * their labels (if the data has any), the file rows they came from, the {@link SelectionChecksum}
 * of the raw selection and the files read. Immutable; accessors return copies.
 *
 * <pre>
 *   μ_l        = normalize(x_l)          (PointNormalization; divisor s: IDX 255, Parquet 1)
 *   y_l        = label of μ_l            (absent for unlabelled data)
 *   row_l      = the 0-based row of μ_l in the file (ClassSelection)
 *   mixture(σ) = PatternMixture(μ, π_l = 1/L, σ)
 * </pre>
 *
 * @see ClassSelection
 * @see Datasets
 */
public final class LabelledPoints implements Serializable {
    private static final long serialVersionUID = 1L;

    private final double[][] points;
    private final int[] labels;
    private final int[] rows;
    private final String checksum;
    private final String sources;

    private LabelledPoints(double[][] points, int[] labels, int[] rows, String checksum, String sources) {
        this.points = points;
        this.labels = labels;
        this.rows = rows;
        this.checksum = checksum;
        this.sources = sources;
    }

    /**
     * Normalises a raw selection and takes its checksum.
     *
     * @param raw           L ≥ 1 rows of d ≥ 1 raw values, in pattern order. Not modified.
     * @param labels        the L labels, or null for unlabelled data. Not modified.
     * @param rows          the L file rows. Not modified.
     * @param divisor       s, by which {@code none} and {@code center} divide the raw values: 255 for IDX
     *                      pixels, 1 for Parquet
     * @param normalization how to scale the points
     * @param sources       the files read, for messages: {@code images.gz + labels.gz}
     * @throws SpecException on {@code geometry.normalize} naming the files and the row when a point
     *                       cannot be normalised (zero norm)
     */
    public static LabelledPoints of(double[][] raw, int[] labels, int[] rows, double divisor,
                                    PointNormalization normalization, String sources) {
        int count = raw.length;
        int d = raw[0].length;
        if (rows.length != count || labels != null && labels.length != count) {
            throw new IllegalArgumentException(count + " points, " + rows.length + " rows, "
                    + (labels == null ? "no" : labels.length) + " labels");
        }
        double[][] mu = new double[count][];
        for (int l = 0; l < count; l++) {
            if (raw[l].length != d) {
                throw new IllegalArgumentException("point " + l + " has " + raw[l].length + " values, point 0 has " + d);
            }
            mu[l] = raw[l].clone();
            if (normalization != PointNormalization.UNIT) {
                for (int i = 0; i < d; i++) {
                    mu[l][i] /= divisor;
                }
            }
        }
        if (normalization == PointNormalization.CENTER) {
            double[] mean = new double[d];
            for (double[] x : mu) {
                for (int i = 0; i < d; i++) {
                    mean[i] += x[i];
                }
            }
            for (int i = 0; i < d; i++) {
                mean[i] /= count;
            }
            for (double[] x : mu) {
                for (int i = 0; i < d; i++) {
                    x[i] -= mean[i];
                }
            }
        }
        if (normalization != PointNormalization.NONE) {
            for (int l = 0; l < count; l++) {
                double norm = 0.0;
                for (double v : mu[l]) {
                    norm += v * v;
                }
                norm = Math.sqrt(norm);
                if (!(norm > 0.0)) {
                    String key = SpecKey.GEOMETRY_NORMALIZE.key();
                    throw new SpecException(key, sources + ": row " + rows[l]
                            + (labels == null ? "" : " (label " + labels[l] + ")") + " is "
                            + (normalization == PointNormalization.CENTER ? "the selection's mean" : "all zeros")
                            + ", so " + key + " = " + normalization.specName() + " cannot scale it to norm 1");
                }
                for (int i = 0; i < d; i++) {
                    mu[l][i] /= norm;
                }
            }
        }
        return new LabelledPoints(mu, labels == null ? null : labels.clone(), rows.clone(),
                SelectionChecksum.of(raw, labels), sources);
    }

    /** L, the number of points. */
    public int size() {
        return points.length;
    }

    /** d, the dimension of every point. */
    public int dim() {
        return points[0].length;
    }

    /** μ_1..μ_L, L rows of d values (a copy). */
    public double[][] points() {
        double[][] copy = new double[points.length][];
        for (int l = 0; l < points.length; l++) {
            copy[l] = points[l].clone();
        }
        return copy;
    }

    /** Whether the points have labels. */
    public boolean labelled() {
        return labels != null;
    }

    /**
     * y_1..y_L (a copy).
     *
     * @throws IllegalStateException for unlabelled data
     */
    public int[] labels() {
        if (labels == null) {
            throw new IllegalStateException(sources + " has no labels");
        }
        return labels.clone();
    }

    /** The 0-based file row of each point (a copy). */
    public int[] rows() {
        return rows.clone();
    }

    /** The {@link SelectionChecksum} of the raw selection: 64 lower-case hex digits. */
    public String checksum() {
        return checksum;
    }

    /** The files read, for messages and the manifest. */
    public String sources() {
        return sources;
    }

    /** The pattern mixture of these points: π uniform, view noise σ. */
    public PatternMixture mixture(double noise) {
        double[] pi = new double[points.length];
        Arrays.fill(pi, 1.0 / points.length);
        return new PatternMixture(points, pi, noise);
    }
}
