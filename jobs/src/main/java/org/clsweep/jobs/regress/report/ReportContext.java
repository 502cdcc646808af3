package org.clsweep.jobs.regress.report;

import java.util.List;
import org.clsweep.jobs.regress.results.SweepResults;

/**
 * Where a check's two sides came from, for the report header: the provenance the comparisons
 * alone do not carry.
 *
 * @param sweep               the sweep's name
 * @param baselineDir         the baseline directory
 * @param currentDir          the current sweep's output directory
 * @param baselineSource      the table the baseline samples came from
 * @param currentSource       the table the current samples came from
 * @param baselineCodeVersion the baseline's code version, or null when unknown
 * @param currentCodeVersion  the current run's code version, or null when unknown
 * @param seedOffset          the offset added to the spec's seeds for this run (0: none)
 * @param perturbations       {@code key: baseline value → current value} for every resolved spec
 *                            key the current run deliberately changed with {@code --set}
 * @param ignoredAxes         grid axes the current run changed deliberately, left out when
 *                            matching cells
 * @param generatedAt         when the report was made, ISO-8601
 */
public record ReportContext(String sweep, String baselineDir, String currentDir, SweepResults.Source baselineSource,
                            SweepResults.Source currentSource, String baselineCodeVersion, String currentCodeVersion,
                            long seedOffset, List<String> perturbations, List<String> ignoredAxes,
                            String generatedAt) {
    public ReportContext {
        perturbations = List.copyOf(perturbations);
        ignoredAxes = List.copyOf(ignoredAxes);
    }
}
