package org.clsweep.data.spec;

import static org.assertj.core.api.Assertions.assertThat;
import org.clsweep.dynamics.optima.CurvatureScope;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.junit.jupiter.api.Test;

/** A RunSpec travels to Spark executors by Java serialization: it must survive a round trip. */
class RunSpecSerializationTest {

    @Test
    void roundTripKeepsEqualityAndCellId() throws Exception {
        RunSpec spec = new RunSpec(ModelKind.ONELAYER, Mode.POPULATION, Activation.LEAKY_RELU, 0.2, 8,
                new GeometrySpec(GeometryKind.ORTHOGONAL, 6, 16, 0.0, 0.1, 1.0, 0.5, ProbsKind.UNIFORM, 1.0),
                new TokenSpec(20, 10, 5, 40, 5, 5, 0, 1.0, List.of("AB********", "**CD******"), false),
                new NetSpec(50, true, true, false),
                new TrainSpec(LossType.INFONCE, 0.1, 0.02, 0.9, 0.005, 128, 5000, true, true, 1e-9, 250),
                new AnalysisSpec(0.95, 0.9999, 0, CurvatureScope.ALL));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(spec);
        }
        RunSpec back;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            back = (RunSpec) in.readObject();
        }
        assertThat(back).isEqualTo(spec);
        assertThat(back.cellId()).isEqualTo(spec.cellId());
    }
}
