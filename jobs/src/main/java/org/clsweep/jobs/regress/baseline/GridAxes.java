package org.clsweep.jobs.regress.baseline;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * The grid axes that identify a cell in a comparison: the union of the axes of every grid block
 * of both sides' resolved specs, in parameter order. A cell's coordinates are its values on all
 * of them (a block that lacks an axis contributes the base value, which the runs table holds
 * like any parameter), so cells stay distinct and comparable even when a {@code --set} pinned an
 * axis on one side only.
 */
public final class GridAxes {
    private GridAxes() {
    }

    /**
     * @param specs resolved specs. Not modified.
     * @return the dotted keys of their grid axes, in {@link SpecKey} order
     */
    public static List<String> of(SweepSpec... specs) {
        Set<SpecKey> keys = EnumSet.noneOf(SpecKey.class);
        for (SweepSpec s : specs) {
            keys.addAll(Grid.axes(s));
        }
        List<String> out = new ArrayList<>();
        for (SpecKey k : keys) {
            out.add(k.key());
        }
        return out;
    }
}
