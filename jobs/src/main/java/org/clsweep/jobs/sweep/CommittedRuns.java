package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;

/**
 * What the committed result parts of an output directory hold, read before an attempt starts:
 * for each run (cell id, seed) the status of the row that counts (the one in the greatest part
 * name, as in {@link SweepJob#compact}), how many rows each part holds, and whether any run
 * appears in more than one row. Reads only the key columns.
 */
final class CommittedRuns {
    private final Map<String, RunStatus> status;
    private final Map<String, Long> rowsPerPart;
    private final long rows;

    private CommittedRuns(Map<String, RunStatus> status, Map<String, Long> rowsPerPart) {
        this.status = status;
        this.rowsPerPart = rowsPerPart;
        long n = 0;
        for (long r : rowsPerPart.values()) {
            n += r;
        }
        this.rows = n;
    }

    /**
     * @param spark     the session
     * @param locations the committed parts ({@link ResultParts#locations}). Not modified.
     */
    static CommittedRuns read(SparkSession spark, List<String> locations) {
        Map<String, RunStatus> status = new HashMap<>();
        Map<String, Long> perPart = new HashMap<>();
        if (locations.isEmpty()) {
            return new CommittedRuns(status, perPart);
        }
        Dataset<Row> keys = spark.read().schema(ResultTable.schema()).parquet(locations.toArray(new String[0]))
                .select(col(RunsTable.CELL_ID), col(RunsTable.SEED), col(RunsTable.STATUS), col(ResultTable.PART));
        for (Row r : keys.groupBy(col(ResultTable.PART)).agg(count(lit(1))).collectAsList()) {
            perPart.put(r.getString(0), r.getLong(1));
        }
        for (Row r : keys.groupBy(col(RunsTable.CELL_ID), col(RunsTable.SEED))
                .agg(max_by(col(RunsTable.STATUS), col(ResultTable.PART))).collectAsList()) {
            status.put(key(r.getString(0), r.getLong(1)), RunStatus.valueOf(r.getString(2)));
        }
        return new CommittedRuns(status, perPart);
    }

    private static String key(String cellId, long seed) {
        return cellId + "/" + seed;
    }

    /** The status of a run's counting row, or null when no part holds the run. */
    RunStatus status(String cellId, long seed) {
        return status.get(key(cellId, seed));
    }

    /** Whether some run has more than one row. */
    boolean hasDuplicates() {
        return rows > status.size();
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
