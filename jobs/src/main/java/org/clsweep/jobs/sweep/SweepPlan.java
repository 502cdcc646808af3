package org.clsweep.jobs.sweep;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.output.RunIdentity;

/**
 * What executors need to do runs, broadcast once per attempt: the cells' run specs (indexed like
 * {@link RunTask#cellIndex()}), the sweep-level columns, the run function, the dataset selections
 * the cells read (so each executor receives them once) and the (test-only) faults to inject.
 * Immutable.
 */
public final class SweepPlan implements Serializable {
    private static final long serialVersionUID = 1L;

    private final String sweep;
    private final String specHash;
    private final String codeVersion;
    private final ArrayList<RunSpec> specs;
    private final ArrayList<String> cellIds;
    private final RunFunction runner;
    private final FaultInjection faults;
    private final Datasets data;

    /** A plan of cells that read no data. */
    public SweepPlan(String sweep, String specHash, String codeVersion, List<Cell> cells, RunFunction runner,
                     FaultInjection faults) {
        this(sweep, specHash, codeVersion, cells, runner, faults, Datasets.NONE);
    }

    /**
     * @param sweep       the sweep name
     * @param specHash    the spec hash
     * @param codeVersion the code version written into every row
     * @param cells       the cells in expansion order ({@code cells.get(i).index() == i}). Not modified.
     * @param runner      what to call for each run
     * @param faults      faults to inject ({@link FaultInjection#NONE} but in tests)
     * @param data        the dataset selections of the cells, bound ({@code BoundCells})
     */
    public SweepPlan(String sweep, String specHash, String codeVersion, List<Cell> cells, RunFunction runner,
                     FaultInjection faults, Datasets data) {
        this.sweep = sweep;
        this.specHash = specHash;
        this.codeVersion = codeVersion;
        this.specs = new ArrayList<>(cells.size());
        this.cellIds = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            if (cells.get(i).index() != i) {
                throw new IllegalArgumentException("cell " + i + " has index " + cells.get(i).index());
            }
            specs.add(cells.get(i).spec());
            cellIds.add(cells.get(i).cellId());
        }
        this.runner = runner;
        this.faults = faults;
        this.data = data;
    }

    public String sweep() {
        return sweep;
    }

    public String specHash() {
        return specHash;
    }

    public String codeVersion() {
        return codeVersion;
    }

    public RunFunction runner() {
        return runner;
    }

    public FaultInjection faults() {
        return faults;
    }

    /** The dataset selections the cells read. */
    public Datasets data() {
        return data;
    }

    public int cellCount() {
        return specs.size();
    }

    public RunSpec spec(int cellIndex) {
        return specs.get(cellIndex);
    }

    public RunIdentity identity(int cellIndex) {
        return new RunIdentity(sweep, specHash, cellIds.get(cellIndex), codeVersion);
    }
}
