package org.clsweep.data.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clsweep.dynamics.activation.Activation;
import org.junit.jupiter.api.Test;

/** The dataset keys' own rules and their combinations with the geometry and the model. */
class DatasetSpecTest {
    static DatasetSpec idx(String labels, List<Integer> classes) {
        return new DatasetSpec("images.gz", labels, "", "", classes, 5, PointNormalization.NONE, "");
    }

    static GeometrySpec geometry(DatasetSpec d, ProbsKind probs, double magStart) {
        return new GeometrySpec(GeometryKind.DATASET, 6, 16, 0.0, 0.1, magStart, 1.0, probs, 1.0, d);
    }

    static void assertRefused(Runnable build, String key, String fragment) {
        assertThatThrownBy(build::run).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            assertThat(e.getMessage()).contains(fragment);
        });
    }

    @Test
    void theDefaultsOfAGeneratedGeometryAreTheCataloguesDefaults() {
        assertThat(SpecValues.defaults().toRunSpec().geometry().dataset()).isEqualTo(DatasetSpec.DEFAULTS);
        assertThat(Specs.geometry().dataset()).isEqualTo(DatasetSpec.DEFAULTS);
    }

    @Test
    void theFormatIsIdxUnlessAColumnIsNamed() {
        assertThat(idx("", List.of()).format()).isEqualTo(DatasetSpec.Format.IDX);
        assertThat(new DatasetSpec("t", "", "x", "y", List.of(), 1, PointNormalization.NONE, "").format())
                .isEqualTo(DatasetSpec.Format.PARQUET);
        assertThat(idx("labels.gz", List.of()).labelled()).isTrue();
        assertThat(idx("", List.of()).labelled()).isFalse();
    }

    @Test
    void classesMustBeDistinctAndNonNegativeAndTheChecksumASha256() {
        assertRefused(() -> idx("l", List.of(1, 1)), "geometry.classes", "lists 1 twice");
        assertRefused(() -> idx("l", List.of(-1)), "geometry.classes", "labels >= 0");
        assertRefused(() -> new DatasetSpec("s", "", "", "", List.of(), 0, PointNormalization.NONE, ""),
                "geometry.per_class", "must be >= 1");
        assertRefused(() -> new DatasetSpec("s", "", "", "", List.of(), 1, PointNormalization.NONE, "abc"),
                "geometry.checksum", "64 lower-case hex digits");
    }

    @Test
    void aDatasetGeometryNeedsASourceLabelsForClassesAndKeysOfItsFormat() {
        assertRefused(() -> geometry(new DatasetSpec("", "", "", "", List.of(), 1, PointNormalization.NONE, ""),
                ProbsKind.UNIFORM, 1.0), "geometry.source", "must name the data");
        assertRefused(() -> geometry(idx("", List.of(0, 1)), ProbsKind.UNIFORM, 1.0), "geometry.classes",
                "needs labels: set geometry.labels_source");
        assertRefused(() -> geometry(new DatasetSpec("s", "", "", "y", List.of(), 1, PointNormalization.NONE, ""),
                ProbsKind.UNIFORM, 1.0), "geometry.label_column", "applies to Parquet data");
        assertRefused(() -> geometry(new DatasetSpec("s", "l", "x", "", List.of(), 1, PointNormalization.NONE, ""),
                ProbsKind.UNIFORM, 1.0), "geometry.labels_source", "applies to IDX data");
        assertRefused(() -> geometry(idx("l", List.of()), ProbsKind.ZIPF, 1.0), "geometry.probs", "1/L");
        assertRefused(() -> geometry(idx("l", List.of()), ProbsKind.UNIFORM, 2.0), "geometry.mag_start",
                "keep their own norms");
        assertThat(geometry(idx("l", List.of(0, 1)), ProbsKind.UNIFORM, 1.0).dataset().classes()).containsExactly(0, 1);
    }

    @Test
    void bindingSetsLAndDAndTheChecksumOrRefusesAPinnedOne() {
        String sha = "ab".repeat(32);
        GeometrySpec bound = geometry(idx("l", List.of()), ProbsKind.UNIFORM, 1.0).withData(40, 784, sha, "f");
        assertThat(bound.patterns()).isEqualTo(40);
        assertThat(bound.dim()).isEqualTo(784);
        assertThat(bound.dataset().checksum()).isEqualTo(sha);
        GeometrySpec pinned = geometry(new DatasetSpec("s", "", "", "", List.of(), 1, PointNormalization.NONE,
                "cd".repeat(32)), ProbsKind.UNIFORM, 1.0);
        assertRefused(() -> pinned.withData(1, 2, sha, "images.gz"), "geometry.checksum",
                "images.gz: the selection's SHA-256 is " + sha);
    }

    @Test
    void aTwoLayerCellCannotReadADataset() {
        GeometrySpec g = geometry(idx("l", List.of()), ProbsKind.UNIFORM, 1.0);
        assertRefused(() -> new RunSpec(ModelKind.TWOLAYER, Mode.SGD, Activation.RELU, 0.05, 2, g, Specs.tokens(),
                Specs.net(), Specs.train(), Specs.analysis()), "geometry.kind", "model = twolayer");
    }

    @Test
    void theCellTextOfAGeneratedGeometryIgnoresTheDatasetKeysAtTheirDefaults() {
        RunSpec s = Specs.onelayer(Activation.RELU, 4);
        assertThat(CellText.of(s)).doesNotContain("geometry.source").doesNotContain("checksum");
        RunSpec bound = s.withGeometry(geometry(idx("l", List.of(2, 5)), ProbsKind.UNIFORM, 1.0)
                .withData(10, 784, "ab".repeat(32), "f"));
        assertThat(CellText.of(bound)).contains("kind=DATASET").contains("; geometry.classes = [2, 5]")
                .contains("; geometry.checksum = " + "ab".repeat(32));
    }
}
