package org.clsweep.jobs.sweep;

import java.io.Serializable;
import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.data.spec.RunSpec;

/**
 * What the job calls for each run. Production sweeps use {@link #EXECUTOR}, the single entry
 * point of the simulation ({@link RunExecutor#execute}); tests pass functions with known results or
 * injected faults. Implementations must be pure functions of their arguments and thread-safe.
 */
@FunctionalInterface
public interface RunFunction extends Serializable {
    /** {@link RunExecutor#execute}. */
    RunFunction EXECUTOR = new Executor();

    /**
     * @param spec the cell's parameters. Not modified.
     * @param seed the run's seed
     * @return the run's result; throwing makes the run FAILED
     */
    RunResult run(RunSpec spec, long seed);

    /**
     * A run with the sweep's dataset selections at hand; functions that read no data ignore them.
     *
     * @param spec the cell's parameters. Not modified.
     * @param seed the run's seed
     * @param data the selections the cells read. Not modified.
     * @return the run's result; throwing makes the run FAILED
     */
    default RunResult run(RunSpec spec, long seed, Datasets data) {
        return run(spec, seed);
    }

    /** {@link RunExecutor#execute} as a serializable class (stable across JVMs, unlike a lambda). */
    final class Executor implements RunFunction {
        private static final long serialVersionUID = 1L;

        private Executor() {
        }

        @Override
        public RunResult run(RunSpec spec, long seed) {
            return RunExecutor.execute(spec, seed);
        }

        @Override
        public RunResult run(RunSpec spec, long seed, Datasets data) {
            return RunExecutor.execute(spec, seed, data);
        }

        private Object readResolve() {
            return EXECUTOR;
        }
    }
}
