package org.clsweep.jobs.sweep;

import java.io.Serializable;
import org.apache.spark.sql.Encoder;
import org.apache.spark.sql.Encoders;
import org.clsweep.jobs.grid.Cell;

/**
 * One run to do, a row of the job's input Dataset: the cell's position in the sweep plan and the
 * seed. A Java bean (not a record: {@code Encoders.bean} does not see record components).
 */
public class RunTask implements Serializable {
    private static final long serialVersionUID = 1L;

    public static final Encoder<RunTask> ENCODER = Encoders.bean(RunTask.class);

    private int cellIndex;
    private long seed;

    public RunTask() {
    }

    public static RunTask from(Cell cell, long seed) {
        RunTask t = new RunTask();
        t.cellIndex = cell.index();
        t.seed = seed;
        return t;
    }

    public int getCellIndex() {
        return cellIndex;
    }

    public void setCellIndex(int cellIndex) {
        this.cellIndex = cellIndex;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RunTask t && t.cellIndex == cellIndex && t.seed == seed;
    }

    @Override
    public int hashCode() {
        return 31 * cellIndex + Long.hashCode(seed);
    }

    @Override
    public String toString() {
        return "RunTask(cell " + cellIndex + ", seed " + seed + ")";
    }
}
