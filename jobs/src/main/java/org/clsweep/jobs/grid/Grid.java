package org.clsweep.jobs.grid;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.spec.GridAxis;
import org.clsweep.jobs.spec.GridBlock;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * Expands a sweep's grid into cells, validating every one.
 *
 * <pre>
 *   order: blocks in spec order; within a block the cartesian product of its axes taken in
 *          SpecKey order (model, mode, activation, leaky_slope, width, geometry.*, …) with the
 *          first axis varying slowest and each axis's values in the order the spec lists them
 *          (nested loops, last axis innermost).
 *   cell:  base values, overridden by the cell's axis values, built into a RunSpec (validated).
 * </pre>
 * The order depends only on the spec, so cell indices are stable for a given spec; cell ids
 * ({@link Cell#cellId()}) depend only on a cell's resolved parameters and are stable across specs.
 */
public final class Grid {
    /** The most cells a sweep may expand to. */
    public static final long MAX_CELLS = 1_000_000;
    /** The most runs (cells × seeds) a sweep may have. */
    public static final long MAX_RUNS = 100_000_000;

    private Grid() {
    }

    /**
     * @param spec a parsed sweep. Not modified.
     * @return the cells in expansion order
     * @throws SpecException naming the key and the cell's axis values when a cell is invalid, or
     *                       when two blocks give the same cell
     */
    public static List<Cell> expand(SweepSpec spec) {
        long count = spec.cellCount();
        if (count > MAX_CELLS) {
            throw new SpecException(SpecParser.GRID, "grid expands to " + count + " cells, at most " + MAX_CELLS
                    + " allowed");
        }
        if (count * spec.seeds().count() > MAX_RUNS) {
            throw new SpecException(SpecParser.SEEDS, count + " cells × " + spec.seeds().count() + " seeds = "
                    + count * spec.seeds().count() + " runs, at most " + MAX_RUNS + " allowed");
        }
        List<Cell> cells = new ArrayList<>((int) count);
        Map<String, Cell> byId = new HashMap<>();
        for (int b = 0; b < spec.grid().size(); b++) {
            List<GridAxis> axes = spec.grid().get(b).axes();
            int[] at = new int[axes.size()];
            long size = spec.grid().get(b).size();
            for (long k = 0; k < size; k++) {
                Map<SpecKey, Object> point = new LinkedHashMap<>();
                for (int a = 0; a < axes.size(); a++) {
                    point.put(axes.get(a).parameter(), axes.get(a).values().get(at[a]));
                }
                Cell cell = new Cell(cells.size(), b, point, build(spec, point));
                Cell earlier = byId.putIfAbsent(cell.cellId(), cell);
                if (earlier != null) {
                    throw new SpecException(SpecParser.GRID, "grid blocks " + earlier.block() + " and " + b
                            + " both give the cell (" + cell.label() + "); a cell may appear only once");
                }
                cells.add(cell);
                advance(at, axes);
            }
        }
        return cells;
    }

    /** The parameters that are an axis of at least one block, in {@link SpecKey} order. */
    public static List<SpecKey> axes(SweepSpec spec) {
        Set<SpecKey> out = EnumSet.noneOf(SpecKey.class);
        for (GridBlock b : spec.grid()) {
            for (GridAxis a : b.axes()) {
                out.add(a.parameter());
            }
        }
        return new ArrayList<>(out);
    }

    /**
     * A one-line summary for people and for the Spark job description, e.g.
     * {@code quickstart: 30 cells × 4 seeds = 120 runs; activation ∈ {linear, relu} × width ∈ {1, 2}}.
     */
    public static String describe(SweepSpec spec) {
        StringJoiner blocks = new StringJoiner(" + ");
        for (GridBlock b : spec.grid()) {
            StringJoiner axes = new StringJoiner(" × ");
            for (GridAxis a : b.axes()) {
                StringJoiner values = new StringJoiner(", ", "{", "}");
                a.values().forEach(v -> values.add(String.valueOf(v)));
                axes.add(a.parameter().key() + " ∈ " + values);
            }
            blocks.add(b.axes().isEmpty() ? "base values" : axes.toString());
        }
        long cells = spec.cellCount();
        long seeds = spec.seeds().count();
        return spec.name() + ": " + plural(cells, "cell") + " × " + plural(seeds, "seed") + " = "
                + plural(cells * seeds, "run") + "; " + blocks;
    }

    /**
     * Refuses a sweep of more than {@code limit} runs, naming what multiplies.
     *
     * @throws SpecException on key {@code grid} when cells × seeds exceeds {@code limit}
     */
    public static void checkSize(SweepSpec spec, long limit, String override) {
        long runs = spec.cellCount() * spec.seeds().count();
        if (runs > limit) {
            throw new SpecException("grid", "the sweep has " + runs + " runs, more than the limit of " + limit + ": "
                    + describe(spec) + ", seeds " + spec.seeds().count() + "; pass " + override
                    + " to run it anyway");
        }
    }

    private static String plural(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static RunSpec build(SweepSpec spec, Map<SpecKey, Object> point) {
        try {
            return spec.base().with(point).toRunSpec();
        } catch (SpecException e) {
            if (point.isEmpty()) {
                throw e;
            }
            throw new SpecException(e.key(), "grid cell (" + Cell.label(point) + "): "
                    + e.getMessage(), e);
        }
    }

    /** Odometer step: the last axis varies fastest. */
    private static void advance(int[] at, List<GridAxis> axes) {
        for (int a = at.length - 1; a >= 0; a--) {
            if (++at[a] < axes.get(a).values().size()) {
                return;
            }
            at[a] = 0;
        }
    }
}
