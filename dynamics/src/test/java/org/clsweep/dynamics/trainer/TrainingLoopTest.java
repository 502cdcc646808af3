package org.clsweep.dynamics.trainer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrainingLoopTest {

    /** Loss 1/(t+1); converged once the loss is below a threshold; NaN from a chosen step on. */
    private static final class Countdown implements SteppedModel {
        private final double convergeBelow;
        private final int nanFrom;
        private double last = Double.POSITIVE_INFINITY;

        Countdown(double convergeBelow, int nanFrom) {
            this.convergeBelow = convergeBelow;
            this.nanFrom = nanFrom;
        }

        @Override
        public double step(int iteration) {
            last = iteration >= nanFrom ? Double.NaN : 1.0 / (iteration + 1);
            return last;
        }

        @Override
        public boolean converged() {
            return last < convergeBelow;
        }
    }

    @Test
    void runsTheWholeBudgetWhenNothingStopsIt() {
        TrainingOutcome out = TrainingLoop.run(new Countdown(0.0, Integer.MAX_VALUE), 7, StopRule.standard());
        assertThat(out.stepsDone()).isEqualTo(7);
        assertThat(out.end()).isEqualTo(Action.CONTINUE);
        assertThat(out.lastLoss()).isEqualTo(1.0 / 7);
    }

    @Test
    void stopsWhenTheModelConverges() {
        TrainingOutcome out = TrainingLoop.run(new Countdown(0.2, Integer.MAX_VALUE), 100, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.CONVERGED);
        assertThat(out.stepsDone()).isEqualTo(6); // 1/6 < 0.2 at iteration 5
    }

    @Test
    void aNonFiniteLossIsDivergedAtItsIteration() {
        TrainingOutcome out = TrainingLoop.run(new Countdown(0.0, 3), 100, StopRule.standard());
        assertThat(out.end()).isEqualTo(Action.DIVERGED);
        assertThat(out.stepsDone()).isEqualTo(4);
        assertThat(out.lastLoss()).isNaN();
    }

    @Test
    void observersSeeInitEveryStepAndFinish() {
        List<String> events = new ArrayList<>();
        StepObserver obs = new StepObserver() {
            @Override
            public void init(SteppedModel model) {
                events.add("init");
            }

            @Override
            public void onStep(int iteration, double loss, SteppedModel model) {
                events.add("step" + iteration);
            }

            @Override
            public void finish(int stepsDone, Action end, SteppedModel model) {
                events.add("finish" + stepsDone + end);
            }
        };
        TrainingLoop.run(new Countdown(0.0, Integer.MAX_VALUE), 2, StopRule.standard(), obs);
        assertThat(events).containsExactly("init", "step0", "step1", "finish2CONTINUE");
    }
}
