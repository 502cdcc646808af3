package org.clsweep.data.experiment;

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
     * @param spec the cell's resolved parameters. Not modified.
     * @param seed the run's seed
     * @return the run's result, status OK or DIVERGED
     */
    public static RunResult execute(RunSpec spec, long seed) {
        switch (spec.model()) {
            case ONELAYER:
                switch (spec.mode()) {
                    case POPULATION:
                        return OneLayerPopulationRun.execute(spec, seed);
                    case SGD:
                        return OneLayerSgdRun.execute(spec, seed);
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
