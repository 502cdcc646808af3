package org.clsweep.jobs.spec;

import java.util.List;
import org.clsweep.data.spec.SpecKey;

/**
 * One cartesian product of a sweep's grid: the axes in {@link SpecKey} order. A block without
 * axes is the single cell of the base values.
 *
 * @param axes distinct parameters, sorted by {@link SpecKey#ordinal()}
 */
public record GridBlock(List<GridAxis> axes) {
    public GridBlock {
        axes = List.copyOf(axes);
        for (int i = 1; i < axes.size(); i++) {
            if (axes.get(i - 1).parameter().ordinal() >= axes.get(i).parameter().ordinal()) {
                throw new IllegalArgumentException("grid axes must be distinct and in parameter order: " + axes);
            }
        }
    }

    /** The number of cells of this block: the product of the axis sizes. */
    public long size() {
        long n = 1;
        for (GridAxis a : axes) {
            n *= a.values().size();
        }
        return n;
    }
}
