package org.clsweep.jobs.sweep;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.spec.SeedRanges;
import org.clsweep.jobs.spec.SeedTally;

/**
 * The key columns of committed result rows, summed up in a form that merges: rows per part, and
 * for the rows of the spec's cells and seeds, per cell the seeds as ranges ({@link SeedTally}:
 * all rows, and the FAILED rows apart) and per status the rows. One summary per partition of the
 * parts, built where the rows are; the driver merges a few of them and holds nothing per run.
 * While every run has one row, this is all {@link CommittedRuns} needs.
 */
final class PartsSummary implements Serializable {
    private static final long serialVersionUID = 1L;

    private final Map<String, Long> rowsPerPart = new HashMap<>();
    private final Map<Integer, SeedTally> seeds = new HashMap<>();
    private final Map<Integer, SeedTally> failed = new HashMap<>();
    private final long[] byStatus = new long[RunStatus.values().length];

    /**
     * Builds one summary per partition of rows (cell_id, seed, status, part).
     *
     * @param cellIndex the spec's cells: cell id → index
     * @param seeds     the spec's seeds, broadcast
     */
    static FlatMapFunction<Iterator<Row>, PartsSummary> perPartition(Map<String, Integer> cellIndex,
                                                                    Broadcast<SeedRanges> seeds) {
        return rows -> {
            PartsSummary s = new PartsSummary();
            SeedRanges spec = seeds.value();
            while (rows.hasNext()) {
                Row r = rows.next();
                s.rowsPerPart.merge(r.getString(3), 1L, Long::sum);
                Integer cell = cellIndex.get(r.getString(0));
                long seed = r.getLong(1);
                if (cell != null && spec.contains(seed)) {
                    RunStatus status = RunStatus.valueOf(r.getString(2));
                    s.byStatus[status.ordinal()]++;
                    s.seeds.computeIfAbsent(cell, k -> new SeedTally()).add(seed);
                    if (status == RunStatus.FAILED) {
                        s.failed.computeIfAbsent(cell, k -> new SeedTally()).add(seed);
                    }
                }
            }
            return List.of(s).iterator();
        };
    }

    /** Adds {@code other}'s rows to this summary. */
    void merge(PartsSummary other) {
        other.rowsPerPart.forEach((part, n) -> rowsPerPart.merge(part, n, Long::sum));
        other.seeds.forEach((cell, t) -> seeds.computeIfAbsent(cell, k -> new SeedTally()).merge(t));
        other.failed.forEach((cell, t) -> failed.computeIfAbsent(cell, k -> new SeedTally()).merge(t));
        for (int i = 0; i < byStatus.length; i++) {
            byStatus[i] += other.byStatus[i];
        }
    }

    /** Whether some (cell, seed) of the spec has more than one row. */
    boolean hasDuplicates() {
        for (SeedTally t : seeds.values()) {
            if (t.rows() > t.distinct()) {
                return true;
            }
        }
        return false;
    }

    Map<String, Long> rowsPerPart() {
        return rowsPerPart;
    }

    /** The spec's rows with this status. */
    long rows(RunStatus status) {
        return byStatus[status.ordinal()];
    }

    /** The seeds of the cell's rows (all, or those not FAILED). */
    SeedRanges seeds(int cell, boolean withFailed) {
        SeedTally all = seeds.get(cell);
        if (all == null) {
            return SeedRanges.EMPTY;
        }
        SeedTally f = failed.get(cell);
        return withFailed || f == null ? all.ranges() : all.ranges().minus(f.ranges());
    }

    /** The cells with rows. */
    Iterable<Integer> cells() {
        return seeds.keySet();
    }
}
