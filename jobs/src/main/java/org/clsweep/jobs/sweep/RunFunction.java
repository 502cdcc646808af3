package org.clsweep.jobs.sweep;

import java.io.Serializable;
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

    /** {@link RunExecutor#execute} as a serializable class (stable across JVMs, unlike a lambda). */
    final class Executor implements RunFunction {
        private static final long serialVersionUID = 1L;

        private Executor() {
        }

        @Override
        public RunResult run(RunSpec spec, long seed) {
            return RunExecutor.execute(spec, seed);
        }

        private Object readResolve() {
            return EXECUTOR;
        }
    }
}
