package org.clsweep.data.experiment;

import org.clsweep.data.dataset.Datasets;
import org.clsweep.data.spec.RunSpec;

/**
 * Runs one (cell, seed): builds the data from the spec and the run's random streams, trains the
 * model, analyses the result. A pure function of its arguments; thread-safe; no Spark.
 * Programmer errors and unexpected exceptions propagate; a non-finite loss is a DIVERGED result.
 */
public final class RunExecutor {
    private RunExecutor() {
    }

    /**
     * A run of a generated geometry.
     *
     * @param spec the cell's resolved parameters. Not modified.
     * @param seed the run's seed
     * @return the run's result, status OK or DIVERGED
     */
    public static RunResult execute(RunSpec spec, long seed) {
        return execute(spec, seed, Datasets.NONE);
    }

    /**
     * @param spec the cell's resolved parameters; a dataset geometry bound to its data. Not modified.
     * @param seed the run's seed
     * @param data the sweep's dataset selections, holding this cell's if it reads data. Not modified.
     * @return the run's result, status OK or DIVERGED
     */
    public static RunResult execute(RunSpec spec, long seed, Datasets data) {
        switch (spec.model()) {
            case ONELAYER:
                switch (spec.mode()) {
                    case POPULATION:
                        return OneLayerPopulationRun.execute(spec, seed, data);
                    case SGD:
                        return OneLayerSgdRun.execute(spec, seed, data);
                    default:
                        throw new AssertionError(spec.mode());
                }
            case TWOLAYER:
                return TwoLayerRun.execute(spec, seed);
            default:
                throw new UnsupportedOperationException("model = " + spec.model().specName() + " is not implemented yet");
        }
    }
}
