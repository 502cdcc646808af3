package org.clsweep.jobs.regress.decision;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.regress.report.JsonReport;
import org.clsweep.jobs.regress.report.MarkdownReport;
import org.clsweep.jobs.regress.stat.Correction;

/**
 * The result of one regression check: the overall outcome and every comparison, worst first.
 * This is the check's diff record; {@link MarkdownReport} and {@link JsonReport} render it.
 *
 * @param outcome            PASS, or REGRESSION when any comparison is a regression
 * @param alpha              the false-alarm budget
 * @param correction         the multiple-testing correction
 * @param tests              m, the number of p-values in the corrected family
 * @param cellsCompared      cells present on both sides
 * @param comparisons        every comparison, regressions first (largest effect first), then
 *                           those not compared, then passes (smallest adjusted p first)
 * @param missingInCurrent   labels of baseline cells the current run lacks (regressions)
 * @param missingInBaseline  labels of current cells the baseline lacks (not compared)
 */
public record RegressionReport(Outcome outcome, double alpha, Correction correction, int tests, int cellsCompared,
                               List<Comparison> comparisons, List<String> missingInCurrent,
                               List<String> missingInBaseline) {
    /** The overall outcome of the night. */
    public enum Outcome {
        PASS,
        REGRESSION
    }

    public RegressionReport {
        comparisons = List.copyOf(comparisons);
        missingInCurrent = List.copyOf(missingInCurrent);
        missingInBaseline = List.copyOf(missingInBaseline);
    }

    /** The comparisons with the given verdict, in report order. */
    public List<Comparison> withVerdict(Comparison.Verdict v) {
        List<Comparison> out = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (c.verdict() == v) {
                out.add(c);
            }
        }
        return out;
    }

    /** The number of comparisons with the given verdict. */
    public int count(Comparison.Verdict v) {
        return withVerdict(v).size();
    }
}
