package org.clsweep.jobs.regress.stat;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Locale;

/**
 * How the p-values of one night's m comparisons are adjusted so that the false-alarm budget α
 * holds over all of them, not per comparison: spec key {@code regress.correction}. A comparison
 * is significant when its adjusted p-value is ≤ α.
 *
 * <pre>
 *   p_(1) ≤ … ≤ p_(m) sorted
 *   HOLM:                adj_(i) = max_{j ≤ i} min(1, (m − j + 1) p_(j))
 *   BENJAMINI_HOCHBERG:  adj_(i) = min_{j ≥ i} min(1, m p_(j) / j)
 * </pre>
 *
 * Holm controls the family-wise error rate — P(at least one false alarm in a night) ≤ α — under
 * any dependence between the comparisons (metrics of one cell are strongly dependent: coverage
 * is patterns_recovered / L). Benjamini–Hochberg controls the expected share of false alarms
 * among the alarms, needs independence or positive dependence, and has more power when many
 * cells really moved; on a night where nothing moved both bound P(any alarm) by α.
 */
public enum Correction {
    HOLM,
    BENJAMINI_HOCHBERG;

    /** The spec name: {@code holm} or {@code bh}. */
    public String specName() {
        return this == HOLM ? "holm" : "bh";
    }

    /** The correction whose spec name is {@code name}, or null. */
    public static Correction fromSpecName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        for (Correction c : values()) {
            if (c.specName().equals(n)) {
                return c;
            }
        }
        return null;
    }

    /**
     * @param p        the raw p-values, each in [0, 1]. Not modified.
     * @param adjusted the adjusted p-values, same length as p. Modified.
     */
    public void adjust(double[] p, double[] adjusted) {
        int m = p.length;
        if (adjusted.length != m) {
            throw new IllegalArgumentException("adjusted has length " + adjusted.length + ", expected " + m);
        }
        for (int i = 0; i < m; i++) {
            if (!(p[i] >= 0.0 && p[i] <= 1.0)) {
                throw new IllegalArgumentException("p-value " + i + " must be in [0, 1], found " + p[i]);
            }
        }
        Integer[] order = new Integer[m];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingDouble(i -> p[i]));
        if (this == HOLM) {
            double running = 0.0;
            for (int r = 0; r < m; r++) {
                int i = order[r];
                running = Math.max(running, Math.min(1.0, (m - r) * p[i]));
                adjusted[i] = running;
            }
        } else {
            double running = 1.0;
            for (int r = m - 1; r >= 0; r--) {
                int i = order[r];
                running = Math.min(running, Math.min(1.0, m * p[i] / (r + 1)));
                adjusted[i] = running;
            }
        }
    }
}
