package org.clsweep.jobs.regress.baseline;

import java.time.LocalDate;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * Fresh seeds for a nightly run: the spec's seeds shifted by an offset, so that every night
 * draws a new sample and a baseline made on another night is an independent sample of the same
 * distribution.
 *
 * <pre>
 *   seeds' = seeds + offset
 *   offset = --seed-offset N                        when given (deterministic, reproducible)
 *          = epochDay(today, UTC) × MAX_SEEDS       when regress.fresh_seeds = true
 *          = 0                                      otherwise
 * </pre>
 *
 * MAX_SEEDS (100 000) is the most seeds a spec may list one by one, so for seeds 1..n with
 * n ≤ MAX_SEEDS the nights' seed sets never overlap, and a rerun on the same day draws the same
 * seeds (and resumes the same output).
 */
public final class SeedOffset {
    private SeedOffset() {
    }

    /** The date-derived offset: days since 1970-01-01 times {@link SpecParser#MAX_SEEDS}. */
    public static long forDate(LocalDate date) {
        return date.toEpochDay() * SpecParser.MAX_SEEDS;
    }

    /**
     * @param spec   the sweep. Not modified.
     * @param offset added to every seed
     * @return the sweep with shifted seeds (the same object when offset = 0)
     */
    public static SweepSpec apply(SweepSpec spec, long offset) {
        if (offset == 0) {
            return spec;
        }
        return new SweepSpec(spec.name(), spec.seeds().shifted(offset), spec.base(), spec.grid());
    }
}
