package org.clsweep.jobs.aggregate;

import java.util.EnumMap;
import java.util.Map;
import org.clsweep.data.experiment.RunStatus;

/**
 * What aggregation counted in a runs table.
 *
 * @param cells        distinct cell ids
 * @param rows         rows
 * @param distinctRuns distinct (cell_id, seed) pairs: equals rows when every run appears once
 * @param byStatus     rows per status (every status present, 0 when none)
 */
public record RunCounts(long cells, long rows, long distinctRuns, Map<RunStatus, Long> byStatus) {
    public RunCounts {
        EnumMap<RunStatus, Long> all = new EnumMap<>(RunStatus.class);
        for (RunStatus s : RunStatus.values()) {
            all.put(s, byStatus.getOrDefault(s, 0L));
        }
        byStatus = all;
    }
}
