package org.clsweep.data.spec;

import java.util.List;
import org.clsweep.dynamics.optima.CurvatureScope;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;

/** Valid default spec parts for tests; each test changes the one value it is about. */
public final class Specs {
    private Specs() {
    }

    public static GeometrySpec geometry() {
        return new GeometrySpec(GeometryKind.ORTHOGONAL, 6, 16, 0.0, 0.1, 1.0, 1.0, ProbsKind.UNIFORM, 1.0);
    }

    public static TokenSpec tokens() {
        return new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1.0, List.of(), false);
    }

    public static NetSpec net() {
        return new NetSpec(50, true, true, false);
    }

    public static TrainSpec train() {
        return new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 128, 5000, true, true, 1e-9, 250);
    }

    public static AnalysisSpec analysis() {
        return new AnalysisSpec(0.95, 0.9999, 0, CurvatureScope.ALL);
    }

    public static RunSpec onelayer(Activation activation, int width) {
        return new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, activation, 0.05, width, geometry(), tokens(), net(),
                train(), analysis());
    }
}
