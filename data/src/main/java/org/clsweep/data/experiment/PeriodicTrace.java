package org.clsweep.data.experiment;

import java.util.ArrayList;
import java.util.List;
import org.clsweep.dynamics.trainer.Action;
import org.clsweep.dynamics.trainer.StepObserver;
import org.clsweep.dynamics.trainer.SteppedModel;

/**
 * The schedule of a learning curve, shared by the one- and two-layer traces: a {@link TracePoint}
 * (made by the subclass) at
 *
 * <pre>
 *   iteration 0            before the first step (loss NaN: no batch yet)
 *   iteration t·every      after step t·every, when its loss is finite (the loss of that step's batch)
 *   iteration stepsDone    after the last step, if not already recorded and not DIVERGED
 * </pre>
 */
abstract class PeriodicTrace implements StepObserver {
    private final int every;
    private final List<TracePoint> points = new ArrayList<>();
    private double lastLoss = Double.NaN;

    /** @param every {@code train.trace_every}, ≥ 1 */
    PeriodicTrace(int every) {
        if (every < 1) {
            throw new IllegalArgumentException("train.trace_every must be >= 1, found " + every);
        }
        this.every = every;
    }

    /** The point of the model as it is now, at {@code iteration} with that iteration's batch loss. */
    abstract TracePoint point(int iteration, double loss);

    /** {@code train.trace_every}. */
    final int every() {
        return every;
    }

    @Override
    public final void init(SteppedModel model) {
        points.add(point(0, Double.NaN));
    }

    @Override
    public void onStep(int iteration, double loss, SteppedModel model) {
        lastLoss = loss;
        if ((iteration + 1) % every == 0 && Double.isFinite(loss)) {
            points.add(point(iteration + 1, loss));
        }
    }

    @Override
    public final void finish(int stepsDone, Action end, SteppedModel model) {
        if (end != Action.DIVERGED && points.get(points.size() - 1).iteration() != stepsDone) {
            points.add(point(stepsDone, lastLoss));
        }
    }

    /** The trace points so far, in iteration order. */
    public final List<TracePoint> points() {
        return List.copyOf(points);
    }

    /** The last point: after the last step once the run has ended (not DIVERGED). */
    final TracePoint last() {
        return points.get(points.size() - 1);
    }
}
