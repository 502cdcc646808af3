package org.clsweep.data.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.clsweep.data.spec.SpecException;
import org.junit.jupiter.api.Test;

/** The documented selection: ascending label, then file order; errors name the file and the key. */
class ClassSelectionTest {
    private static final int[] LABELS = {5, 3, 5, 9, 3, 3, 5, 9};

    @Test
    void chosenClassesAreTakenInAscendingLabelOrderThenFileOrder() {
        assertThat(ClassSelection.labelled(LABELS, List.of(9, 3), 2, "f")).containsExactly(1, 4, 3, 7);
        assertThat(ClassSelection.labelled(LABELS, List.of(3, 9), 2, "f")).containsExactly(1, 4, 3, 7);
    }

    @Test
    void noClassesMeansEveryLabel() {
        assertThat(ClassSelection.labelled(LABELS, List.of(), 2, "f")).containsExactly(1, 4, 0, 2, 3, 7);
    }

    @Test
    void unlabelledDataTakesTheFirstRows() {
        assertThat(ClassSelection.unlabelled(8, 3, "f")).containsExactly(0, 1, 2);
    }

    @Test
    void aMissingClassOrTooFewRowsAreRefusedNamingTheFile() {
        assertThatThrownBy(() -> ClassSelection.labelled(LABELS, List.of(3, 4), 1, "labels.gz"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.classes"))
                .hasMessage("labels.gz: no row has label 4 (geometry.classes = [3, 4]); the labels present are [3, 5, 9]");
        assertThatThrownBy(() -> ClassSelection.labelled(LABELS, List.of(3, 9), 3, "labels.gz"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.per_class"))
                .hasMessage("labels.gz: label 9 has 2 rows, fewer than geometry.per_class = 3");
        assertThatThrownBy(() -> ClassSelection.labelled(new int[0], List.of(), 1, "empty.parquet"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.source"))
                .hasMessage("empty.parquet: holds no rows");
        assertThatThrownBy(() -> ClassSelection.unlabelled(8, 9, "x.parquet"))
                .isInstanceOfSatisfying(SpecException.class, e -> assertThat(e.key()).isEqualTo("geometry.per_class"))
                .hasMessageStartingWith("x.parquet: holds 8 rows, fewer than geometry.per_class = 9");
    }
}
