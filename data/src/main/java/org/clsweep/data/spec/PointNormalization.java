package org.clsweep.data.spec;

/**
 * How the selected points of {@code geometry.kind = dataset} are scaled: spec key
 * {@code geometry.normalize}. With x the raw values of a point (IDX: pixel bytes 0..255; Parquet:
 * the numbers stored), s = 255 for IDX and 1 for Parquet, and m the mean of x/s over the selection:
 *
 * <pre>
 *   NONE     μ = x/s
 *   UNIT     μ = x / ‖x‖
 *   CENTER   μ = (x/s − m) / ‖x/s − m‖
 * </pre>
 * A point whose UNIT or CENTER denominator is 0 cannot be normalised: an error, not a NaN.
 */
public enum PointNormalization {
    /** μ = x/s: IDX pixels / 255, Parquet values as stored. */
    NONE,
    /** μ = x / ‖x‖. */
    UNIT,
    /** μ = (x/s − m) / ‖x/s − m‖, m the mean of the selection. */
    CENTER;

    public String specName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
