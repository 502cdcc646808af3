package org.clsweep.data.spec;

/**
 * The range rule of one spec key, checked on its own (combinations of keys are checked by the
 * records). Every message names the key and the value found, e.g.
 * {@code train.lr must be > 0 and finite, found -1.0}.
 *
 * <pre>
 *   ANY            no constraint
 *   POSITIVE       0 &lt; v &lt; ∞
 *   NON_NEGATIVE   0 ≤ v &lt; ∞
 *   atLeast(m)     v ≥ m                 (integers)
 *   zeroOrAtLeast(m)  v = 0 or v ≥ m      (integers; 0 stands for a value another key gives)
 *   closed(a, b)   a ≤ v ≤ b;  halfOpen(a, b): a ≤ v &lt; b;  openClosed(a, b): a &lt; v ≤ b
 * </pre>
 */
final class Rule {
    private enum Kind { ANY, POSITIVE, NON_NEGATIVE, AT_LEAST, ZERO_OR_AT_LEAST, RANGE }

    static final Rule ANY = new Rule(Kind.ANY, 0, 0, false, false);
    static final Rule POSITIVE = new Rule(Kind.POSITIVE, 0, 0, false, false);
    static final Rule NON_NEGATIVE = new Rule(Kind.NON_NEGATIVE, 0, 0, false, false);

    private final Kind kind;
    private final double lo;
    private final double hi;
    private final boolean loOpen;
    private final boolean hiOpen;

    private Rule(Kind kind, double lo, double hi, boolean loOpen, boolean hiOpen) {
        this.kind = kind;
        this.lo = lo;
        this.hi = hi;
        this.loOpen = loOpen;
        this.hiOpen = hiOpen;
    }

    static Rule atLeast(long min) {
        return new Rule(Kind.AT_LEAST, min, 0, false, false);
    }

    static Rule zeroOrAtLeast(long min) {
        return new Rule(Kind.ZERO_OR_AT_LEAST, min, 0, false, false);
    }

    static Rule closed(double lo, double hi) {
        return new Rule(Kind.RANGE, lo, hi, false, false);
    }

    static Rule halfOpen(double lo, double hi) {
        return new Rule(Kind.RANGE, lo, hi, false, true);
    }

    static Rule openClosed(double lo, double hi) {
        return new Rule(Kind.RANGE, lo, hi, true, false);
    }

    /** @throws SpecException naming {@code key} when {@code v} breaks the rule */
    void check(String key, double v) {
        switch (kind) {
            case ANY:
                return;
            case POSITIVE:
                if (!(v > 0.0) || Double.isInfinite(v)) {
                    throw new SpecException(key, key + " must be > 0 and finite, found " + v);
                }
                return;
            case NON_NEGATIVE:
                if (!(v >= 0.0) || Double.isInfinite(v)) {
                    throw new SpecException(key, key + " must be >= 0 and finite, found " + v);
                }
                return;
            case AT_LEAST:
                if (!(v >= lo)) {
                    throw new SpecException(key, key + " must be >= " + (long) lo + ", found " + v);
                }
                return;
            case ZERO_OR_AT_LEAST:
                if (!(v == 0.0 || v >= lo)) {
                    throw new SpecException(key, key + " must be 0 or >= " + (long) lo + ", found " + v);
                }
                return;
            case RANGE:
                boolean ok = (loOpen ? v > lo : v >= lo) && (hiOpen ? v < hi : v <= hi);
                if (!ok) {
                    throw new SpecException(key, key + " must be in " + (loOpen ? "(" : "[") + lo + ", " + hi
                            + (hiOpen ? ")" : "]") + ", found " + v);
                }
                return;
            default:
                throw new AssertionError(kind);
        }
    }

    /** @throws SpecException naming {@code key} when {@code v} breaks the rule */
    void check(String key, long v) {
        if (kind == Kind.AT_LEAST) {
            if (v < (long) lo) {
                throw new SpecException(key, key + " must be >= " + (long) lo + ", found " + v);
            }
            return;
        }
        if (kind == Kind.ZERO_OR_AT_LEAST) {
            if (v != 0 && v < (long) lo) {
                throw new SpecException(key, key + " must be 0 or >= " + (long) lo + ", found " + v);
            }
            return;
        }
        check(key, (double) v);
    }
}
