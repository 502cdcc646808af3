package org.clsweep.data.spec;

/**
 * Validation helpers for spec records. Every message names the spec key and the value found,
 * e.g. {@code train.lr must be > 0, found -1.0}.
 */
final class Check {
    private Check() {
    }

    static void positive(String key, double v) {
        if (!(v > 0.0) || Double.isInfinite(v)) {
            throw new SpecException(key, key + " must be > 0 and finite, found " + v);
        }
    }

    static void nonNegative(String key, double v) {
        if (!(v >= 0.0) || Double.isInfinite(v)) {
            throw new SpecException(key, key + " must be >= 0 and finite, found " + v);
        }
    }

    static void atLeast(String key, long v, long min) {
        if (v < min) {
            throw new SpecException(key, key + " must be >= " + min + ", found " + v);
        }
    }

    static void inRange(String key, double v, double lo, double hi, boolean loOpen, boolean hiOpen) {
        boolean ok = (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
        if (!ok) {
            throw new SpecException(key, key + " must be in " + (loOpen ? "(" : "[") + lo + ", " + hi
                    + (hiOpen ? ")" : "]") + ", found " + v);
        }
    }

    static <T> T notNull(String key, T v) {
        if (v == null) {
            throw new SpecException(key, key + " is missing");
        }
        return v;
    }
}
