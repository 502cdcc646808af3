package org.clsweep.data.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.clsweep.dynamics.activation.Activation;
import org.junit.jupiter.api.Test;

class CellTextTest {

    private static List<CellText.Entry> entries(RunSpec spec) {
        List<CellText.Entry> out = new ArrayList<>();
        for (SpecKey k : SpecKey.values()) {
            out.add(new CellText.Entry(k.key(), k.since(), k.valueOf(spec), k.defaultValue()));
        }
        return out;
    }

    /** A catalogue with one key more, introduced at identity version 2. */
    private static List<CellText.Entry> withDummy(RunSpec spec, Object value) {
        List<CellText.Entry> out = entries(spec);
        out.add(7, new CellText.Entry("geometry.dummy", 2, value, 0.25));
        out.add(new CellText.Entry("analysis.dummy_flag", 2, false, false));
        return out;
    }

    private static RunSpec varied() {
        return SpecValues.defaults().with(Map.of(
                SpecKey.MODEL, "twolayer", SpecKey.MODE, "sgd", SpecKey.ACTIVATION, "leaky_relu",
                SpecKey.TRAIN_LOSS, "quadratic", SpecKey.TRAIN_LR, 2.5e-4, SpecKey.GEOMETRY_PROBS, "zipf",
                SpecKey.TOKENS_EXPLICIT_PATTERNS, List.of("AB********", "*BC*******"),
                SpecKey.NET_BN_BACKPROP_VAR, true, SpecKey.WIDTH, 32)).toRunSpec();
    }

    @Test
    void theFirstVersionIsTheTextTheRecordsHaveAlwaysBeenHashedBy() {
        RunSpec d = SpecValues.defaults().toRunSpec();
        assertThat(CellText.of(d)).isEqualTo(d.toString());
        assertThat(CellText.of(varied())).isEqualTo(varied().toString());
        assertThat(CellText.of(Specs.onelayer(Activation.LINEAR, 3))).isEqualTo(Specs.onelayer(Activation.LINEAR, 3)
                .toString());
    }

    @Test
    void aKeyAddedLaterAtItsDefaultLeavesTheTextAndTheIdAsTheyWere() {
        for (RunSpec spec : List.of(SpecValues.defaults().toRunSpec(), varied())) {
            String before = CellText.write(entries(spec));
            assertThat(CellText.write(withDummy(spec, 0.25))).isEqualTo(before);
            assertThat(CellText.key(CellText.write(withDummy(spec, 0.25)))).isEqualTo(spec.cellKey());
        }
    }

    @Test
    void aKeyAddedLaterAtAnotherValueMakesAnotherCell() {
        RunSpec spec = varied();
        String text = CellText.write(withDummy(spec, 0.5));
        assertThat(text).isEqualTo(CellText.of(spec) + "; geometry.dummy = 0.5");
        assertThat(CellText.key(text)).isNotEqualTo(spec.cellKey());
    }

    @Test
    void theCellIdIsTheKeyInHex() {
        RunSpec spec = varied();
        assertThat(spec.cellId()).hasSize(16).isEqualTo(String.format("%016x", CellText.key(CellText.of(spec))));
        assertThat(SpecValues.defaults().toRunSpec().cellId()).isNotEqualTo(spec.cellId());
    }

    @Test
    void everyDefaultIsAValidRunSpec() {
        RunSpec d = SpecValues.defaults().toRunSpec();
        for (SpecKey k : SpecKey.values()) {
            assertThat(k.valueOf(d)).as(k.key()).isEqualTo(k.defaultValue());
        }
    }
}
