package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.max_by;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.spec.SeedRanges;

/**
 * What the committed result parts of an output directory hold for the runs of a spec, read before
 * an attempt starts. Spark does the counting; the driver receives only summaries whose size does
 * not grow with the runs: per cell, the seeds that are done as ranges; per status, how many runs
 * have it; per part, how many rows it holds.
 *
 * <pre>
 *   counting row of (cell, seed)  the row in the greatest part name (as in {@link SweepJob#compact})
 *   done(cell)                    the seeds whose counting row is OK or DIVERGED (and FAILED, unless
 *                                 failed runs are run again), as ranges
 *   duplicates                    some (cell, seed) of the spec has more than one row
 * </pre>
 * The usual case, one row per run, takes one pass over the key columns without a shuffle: each
 * partition sums its rows up ({@link PartsSummary}) and the driver merges the summaries. Only when
 * that pass finds a run with several rows (runs retried with {@code --retry-failed}, parts copied
 * by hand) is the counting row of each (cell, seed) found by an aggregation, whose rows are then
 * summed up the same way. Rows of cells or seeds the spec does not have are counted per part and
 * otherwise left out.
 */
final class CommittedRuns {
    private final Map<Integer, SeedRanges> done;
    private final Map<RunStatus, Long> runs;
    private final boolean duplicates;
    private final Map<String, Long> rowsPerPart;

    private CommittedRuns(Map<Integer, SeedRanges> done, Map<RunStatus, Long> runs, boolean duplicates,
                          Map<String, Long> rowsPerPart) {
        this.done = done;
        this.runs = runs;
        this.duplicates = duplicates;
        this.rowsPerPart = rowsPerPart;
    }

    /**
     * @param spark       the session
     * @param locations   the committed parts ({@link ResultParts#locations}). Not modified.
     * @param cells       the spec's cells. Not modified.
     * @param seeds       the spec's seeds
     * @param retryFailed whether FAILED runs are to be run again (then they are not done)
     */
    static CommittedRuns read(SparkSession spark, List<String> locations, List<Cell> cells, SeedRanges seeds,
                              boolean retryFailed) {
        if (locations.isEmpty()) {
            return new CommittedRuns(Map.of(), Map.of(), false, Map.of());
        }
        Dataset<Row> keys = spark.read().schema(ResultTable.schema()).parquet(locations.toArray(new String[0]))
                .select(col(RunsTable.CELL_ID), col(RunsTable.SEED), col(RunsTable.STATUS), col(ResultTable.PART));
        Map<String, Integer> index = new HashMap<>();
        for (Cell c : cells) {
            index.put(c.cellId(), c.index());
        }
        Broadcast<SeedRanges> specSeeds = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(seeds);
        try {
            PartsSummary summary = summarise(keys, index, specSeeds);
            if (!summary.hasDuplicates()) {
                return of(summary, summary.rowsPerPart(), false, retryFailed);
            }
            // one counting row per (cell, seed): the status of its greatest part
            Dataset<Row> counting = keys.groupBy(col(RunsTable.CELL_ID), col(RunsTable.SEED))
                    .agg(max_by(col(RunsTable.STATUS), col(ResultTable.PART)).as(RunsTable.STATUS),
                            max(col(ResultTable.PART)).as(ResultTable.PART));
            return of(summarise(counting, index, specSeeds), summary.rowsPerPart(), true, retryFailed);
        } finally {
            specSeeds.destroy();
        }
    }

    /** The merged {@link PartsSummary} of rows (cell_id, seed, status, part). */
    private static PartsSummary summarise(Dataset<Row> keys, Map<String, Integer> index,
                                          Broadcast<SeedRanges> specSeeds) {
        PartsSummary summary = new PartsSummary();
        for (PartsSummary part : keys.toJavaRDD().mapPartitions(PartsSummary.perPartition(index, specSeeds))
                .collect()) {
            summary.merge(part);
        }
        return summary;
    }

    /**
     * What is committed, from the summary of the rows that count.
     *
     * @param counting    the summary of one counting row per run
     * @param perPart     the rows of every part, duplicates included
     * @param duplicates  whether some run has several rows
     * @param retryFailed whether FAILED runs are to be run again (then they are not done)
     */
    private static CommittedRuns of(PartsSummary counting, Map<String, Long> perPart, boolean duplicates,
                                    boolean retryFailed) {
        Map<Integer, SeedRanges> done = new HashMap<>();
        for (int cell : counting.cells()) {
            done.put(cell, counting.seeds(cell, !retryFailed));
        }
        Map<RunStatus, Long> runs = new EnumMap<>(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            runs.put(s, counting.rows(s));
        }
        return new CommittedRuns(done, runs, duplicates, perPart);
    }

    /** The seeds of the cell whose committed result is kept. */
    SeedRanges done(int cellIndex) {
        return done.getOrDefault(cellIndex, SeedRanges.EMPTY);
    }

    /** The spec's runs whose counting row has this status. */
    long runs(RunStatus status) {
        return runs.getOrDefault(status, 0L);
    }

    /** Whether some run of the spec has more than one row. */
    boolean hasDuplicates() {
        return duplicates;
    }

    /** Rows committed by the parts of one attempt. */
    long rowsOfAttempt(int attempt) {
        long n = 0;
        for (Map.Entry<String, Long> e : rowsPerPart.entrySet()) {
            if (ResultParts.attemptOf(e.getKey()) == attempt) {
                n += e.getValue();
            }
        }
        return n;
    }
}
