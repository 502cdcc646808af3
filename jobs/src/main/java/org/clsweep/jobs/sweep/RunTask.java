package org.clsweep.jobs.sweep;

import java.io.Serializable;
import org.clsweep.jobs.grid.Cell;

/**
 * One run to do, an element of a bin's input RDD: the cell's position in the sweep plan and the
 * seed.
 *
 * @param cellIndex the cell's index in the plan ({@link Cell#index()})
 * @param seed      the run's seed
 */
public record RunTask(int cellIndex, long seed) implements Serializable {
    public static RunTask from(Cell cell, long seed) {
        return new RunTask(cell.index(), seed);
    }
}
