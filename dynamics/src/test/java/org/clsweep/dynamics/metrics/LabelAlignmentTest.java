package org.clsweep.dynamics.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.dynamics.testing.Tolerances.TOL_EXACT;

import java.util.List;
import java.util.OptionalInt;
import org.clsweep.dynamics.metrics.LabelAlignment.OptimumLabel;
import org.clsweep.dynamics.metrics.LabelAlignment.RunLabels;
import org.junit.jupiter.api.Test;

class LabelAlignmentTest {
    private static final double R = Math.sqrt(0.5);

    /** μ = (1,0), (2,0) with label 0; (0,1), (−1,0) with label 1. Class means (1.5, 0) and (−0.5, 0.5). */
    private static final LabelAlignment FOUR = new LabelAlignment(
            new double[][] {{1, 0}, {2, 0}, {0, 1}, {-1, 0}}, new int[] {0, 0, 1, 1});

    @Test
    void classMeansFollowTheLabelsInIncreasingOrder() {
        LabelAlignment a = new LabelAlignment(new double[][] {{0, 1}, {1, 0}, {2, 0}, {-1, 0}}, new int[] {7, 3, 3, 7});
        assertThat(a.labels()).containsExactly(3, 7);
        double[][] means = a.classMeans();
        assertThat(means[0]).containsExactly(1.5, 0.0);
        assertThat(means[1]).containsExactly(-0.5, 0.5);
        means[0][0] = 99;
        assertThat(a.classMeans()[0][0]).as("a copy").isEqualTo(1.5);
    }

    @Test
    void aDirectionOnOneClassIsPure() {
        OptimumLabel o = FOUR.of(new double[] {1, 0});
        // r = 1, 2, 0, 0
        assertThat(o.majorityLabel()).hasValue(0);
        assertThat(o.labelPurity()).isCloseTo(1.0, within(TOL_EXACT));
        assertThat(o.classMeanCosine()).isCloseTo(1.0, within(TOL_EXACT));
    }

    @Test
    void purityIsTheMajorityShareOfTheResponseMass() {
        OptimumLabel o = FOUR.of(new double[] {R, R});
        // r = R, 2R, R, 0: S_0 = 3R, S_1 = R
        assertThat(o.majorityLabel()).hasValue(0);
        assertThat(o.labelPurity()).isCloseTo(0.75, within(TOL_EXACT));
        // cos((1,1)/√2, (1.5, 0)) = 1/√2
        assertThat(o.classMeanCosine()).isCloseTo(R, within(TOL_EXACT));
    }

    @Test
    void theSignOfTheDirectionMatters() {
        OptimumLabel o = FOUR.of(new double[] {-R, -R});
        // only (−1,0) responds, r = R: label 1 alone; its mean (−0.5, 0.5) is orthogonal to w
        assertThat(o.majorityLabel()).hasValue(1);
        assertThat(o.labelPurity()).isCloseTo(1.0, within(TOL_EXACT));
        assertThat(o.classMeanCosine()).isCloseTo(0.0, within(TOL_EXACT));
    }

    @Test
    void theScaleOfTheDirectionDoesNot() {
        OptimumLabel unit = FOUR.of(new double[] {0.6, 0.8});
        OptimumLabel scaled = FOUR.of(new double[] {3.0, 4.0});
        // r = 0.6, 1.2, 0.8, 0: S_0 = 1.8, S_1 = 0.8
        assertThat(unit.labelPurity()).isCloseTo(1.8 / 2.6, within(TOL_EXACT));
        assertThat(scaled.majorityLabel()).isEqualTo(unit.majorityLabel());
        assertThat(scaled.labelPurity()).isCloseTo(unit.labelPurity(), within(TOL_EXACT));
        assertThat(scaled.classMeanCosine()).isCloseTo(0.6, within(TOL_EXACT));
    }

    @Test
    void aDirectionNoPointRespondsToHasNoLabel() {
        OptimumLabel o = FOUR.of(new double[] {0, -1});
        assertThat(o.majorityLabel()).isEmpty();
        assertThat(o.labelPurity()).isNaN();
        assertThat(o.classMeanCosine()).isNaN();
    }

    @Test
    void aTieGoesToTheSmallestLabelWhateverTheOrderOfThePoints() {
        LabelAlignment a = new LabelAlignment(new double[][] {{1, 0}, {0, 1}}, new int[] {7, 3});
        OptimumLabel o = a.of(new double[] {R, R});
        assertThat(o.majorityLabel()).hasValue(3);
        assertThat(o.labelPurity()).isCloseTo(0.5, within(TOL_EXACT));
        assertThat(o.classMeanCosine()).isCloseTo(R, within(TOL_EXACT));
        assertThat(a.labels()).containsExactly(3, 7);
    }

    @Test
    void aZeroClassMeanHasNoCosine() {
        // label 5: (1,0) and (−1,0) average to 0; w = (1, 0.5) responds to (1,0) only among them
        LabelAlignment a = new LabelAlignment(new double[][] {{1, 0}, {-1, 0}, {0, 1}}, new int[] {5, 5, 2});
        OptimumLabel o = a.of(new double[] {1, 0.5});
        // r = 1, 0, 0.5
        assertThat(o.majorityLabel()).hasValue(5);
        assertThat(o.labelPurity()).isCloseTo(1.0 / 1.5, within(TOL_EXACT));
        assertThat(o.classMeanCosine()).isNaN();
    }

    @Test
    void aRunCountsTheDistinctMajorityLabelsAndAveragesTheDefinedPurities() {
        RunLabels run = LabelAlignment.summarise(List.of(
                new OptimumLabel(OptionalInt.of(4), 0.5, 0.1),
                new OptimumLabel(OptionalInt.of(4), 1.0, 0.2),
                new OptimumLabel(OptionalInt.empty(), Double.NaN, Double.NaN),
                new OptimumLabel(OptionalInt.of(9), 0.75, 0.3)));
        assertThat(run.labelsCovered()).isEqualTo(2);
        assertThat(run.meanLabelPurity()).isCloseTo(0.75, within(TOL_EXACT));
    }

    @Test
    void aRunWithoutLabelledOptimaHasNoPurity() {
        RunLabels run = LabelAlignment.summarise(List.of(new OptimumLabel(OptionalInt.empty(), Double.NaN,
                Double.NaN)));
        assertThat(run.labelsCovered()).isZero();
        assertThat(run.meanLabelPurity()).isNaN();
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> new LabelAlignment(new double[][] {{1, 0}}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 labels for 1 points");
        assertThatThrownBy(() -> new LabelAlignment(new double[][] {{1, 0}, {1}}, new int[] {1, 2}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("point 1 has dimension 1");
        assertThatThrownBy(() -> FOUR.of(new double[] {1, 0, 0}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("w has length 3");
    }
}
