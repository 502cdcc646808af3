package org.clsweep.data.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    /** What {@code toString()} of the version-1 records gave, the text every earlier cell id is the hash of. */
    private static final String DEFAULT_V1 = "RunSpec[model=ONELAYER, mode=POPULATION, activation=RELU, "
            + "leakySlope=0.05, width=8, geometry=GeometrySpec[kind=ORTHOGONAL, patterns=6, dim=16, cosine=0.0, "
            + "noise=0.1, magStart=1.0, magEnd=1.0, probs=UNIFORM, zipfExponent=1.0], tokens=TokenSpec[vocab=20, "
            + "locations=10, perLocation=5, patterns=40, patternLen=5, augDegree=5, embedDim=0, magSplit=1.0, "
            + "explicitPatterns=[]], net=NetSpec[outDim=50, batchnorm=true, bnBackpropMean=true, bnBackpropVar=false], "
            + "train=TrainSpec[loss=INFONCE, temperature=0.1, lr=0.02, momentum=0.9, weightDecay=0.005, batch=128, "
            + "steps=5000, normalizeRows=true, normalizeOutput=true, tol=1.0E-9, traceEvery=250], "
            + "analysis=AnalysisSpec[matchCosine=0.95, sameOptimumCosine=0.9999]]";
    private static final String VARIED_V1 = "RunSpec[model=TWOLAYER, mode=SGD, activation=LEAKY_RELU, "
            + "leakySlope=0.05, width=32, geometry=GeometrySpec[kind=ORTHOGONAL, patterns=6, dim=16, cosine=0.0, "
            + "noise=0.1, magStart=1.0, magEnd=1.0, probs=ZIPF, zipfExponent=1.0], tokens=TokenSpec[vocab=20, "
            + "locations=10, perLocation=5, patterns=40, patternLen=5, augDegree=5, embedDim=0, magSplit=1.0, "
            + "explicitPatterns=[AB********, *BC*******]], net=NetSpec[outDim=50, batchnorm=true, "
            + "bnBackpropMean=true, bnBackpropVar=true], train=TrainSpec[loss=QUADRATIC, temperature=0.1, lr=2.5E-4, "
            + "momentum=0.9, weightDecay=0.005, batch=128, steps=5000, normalizeRows=true, normalizeOutput=true, "
            + "tol=1.0E-9, traceEvery=250], analysis=AnalysisSpec[matchCosine=0.95, sameOptimumCosine=0.9999]]";

    @Test
    void theFirstVersionIsTheTextTheRecordsHaveAlwaysBeenHashedBy() {
        // the records now hold keys of later versions too, so their toString() is no longer the text
        assertThat(CellText.of(SpecValues.defaults().toRunSpec())).isEqualTo(DEFAULT_V1);
        assertThat(CellText.of(varied())).isEqualTo(VARIED_V1);
    }

    @Test
    void theEvaluationBatchEntersTheTextOnlyAwayFromItsDefault() {
        RunSpec own = SpecValues.defaults().with(Map.of(SpecKey.ANALYSIS_EVAL_BATCH, 64)).toRunSpec();
        assertThat(SpecKey.ANALYSIS_EVAL_BATCH.since()).isEqualTo(2);
        assertThat(CellText.of(own)).isEqualTo(DEFAULT_V1 + "; analysis.eval_batch = 64");
        assertThat(own.cellId()).isNotEqualTo(SpecValues.defaults().toRunSpec().cellId());
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
