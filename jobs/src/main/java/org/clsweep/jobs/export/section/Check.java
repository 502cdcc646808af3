package org.clsweep.jobs.export.section;

import java.util.Objects;

/**
 * One prediction of the paper tested against a sweep's data, as the notebook states it:
 * {@code "linear: distinct optima = 1 at every width: yes (1 at widths 1, 4, 16)"}.
 *
 * @param claim    what the paper predicts, for which series
 * @param outcome  whether the data shows it
 * @param evidence the numbers the outcome rests on
 */
public record Check(String claim, Outcome outcome, String evidence) {
    /** Whether the data shows a prediction. */
    public enum Outcome {
        YES("yes"),
        NO("no"),
        /** The data cannot decide (e.g. one width only), or the prediction's condition does not hold. */
        NOT_TESTABLE("not testable");

        private final String text;

        Outcome(String text) {
            this.text = text;
        }

        public String text() {
            return text;
        }

        /** YES when {@code holds}, else NO. */
        public static Outcome of(boolean holds) {
            return holds ? YES : NO;
        }
    }

    public Check {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** The markdown line: claim, bold outcome, evidence in parentheses. */
    public String toMarkdown() {
        return claim + ": **" + outcome.text() + "**" + (evidence.isEmpty() ? "" : " (" + evidence + ")");
    }
}
