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
public record PredictionCheck(String claim, Outcome outcome, String evidence) {
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
    }

    public PredictionCheck {
        Objects.requireNonNull(claim, "claim");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(evidence, "evidence");
    }

    /** A claim the data decides: YES when {@code holds}, else NO. */
    public static PredictionCheck tested(String claim, boolean holds, String evidence) {
        return new PredictionCheck(claim, holds ? Outcome.YES : Outcome.NO, evidence);
    }

    /** A claim the data cannot decide, with the reason and what was observed. */
    public static PredictionCheck notTestable(String claim, String evidence) {
        return new PredictionCheck(claim, Outcome.NOT_TESTABLE, evidence);
    }

    /** The markdown line: claim, bold outcome, evidence in parentheses. */
    public String toMarkdown() {
        return claim + ": **" + outcome.text() + "**" + (evidence.isEmpty() ? "" : " (" + evidence + ")");
    }
}
