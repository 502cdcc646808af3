package org.clsweep.jobs.export.section;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LearningTimesTest {

    /** Run a: 4 records learned at 100, 200, 200 and never; run b: 2 records learned at 300 and never. */
    private static LearningTimes twoRuns() {
        LearningTimes lt = new LearningTimes();
        lt.add("a", 100, 1);
        lt.add("a", 200, 2);
        lt.add("a", -1, 1);
        lt.add("b", 300, 1);
        lt.add("b", -1, 1);
        return lt;
    }

    @Test
    void theShareLearnedCountsNeverLearnedRecordsAsCensoredNotDropped() {
        LearningTimes lt = twoRuns();
        assertThat(lt.runs()).isEqualTo(2);
        assertThat(lt.records()).isEqualTo(6);
        assertThat(lt.learned()).isEqualTo(4);
        assertThat(lt.grid()).containsExactly(100, 200, 300);
        assertThat(lt.shares()).containsExactly(new double[] {1 / 6.0, 3 / 6.0, 4 / 6.0}, within(1e-15));
        // half the records are learned by 200; dropping the never-learned ones would give 200 as well,
        // but the share by the end would be 1 instead of 2/3
        assertThat(lt.median()).isEqualTo(200.0);
    }

    @Test
    void theMedianIsInfiniteWhenFewerThanHalfAreLearned() {
        LearningTimes lt = new LearningTimes();
        lt.add("a", 50, 1);
        lt.add("a", -1, 2);
        assertThat(lt.median()).isInfinite();
        assertThat(lt.medianInterval()[1]).isInfinite();
    }

    @Test
    void bootstrapIntervalsStayInsideThePossibleRangeAndContainTheEstimate() {
        LearningTimes lt = twoRuns();
        double[] f = lt.shares();
        double[][] band = lt.shareIntervals();
        for (int i = 0; i < f.length; i++) {
            assertThat(band[0][i]).isBetween(0.0, f[i]);
            assertThat(band[1][i]).isBetween(f[i], 1.0);
        }
        double[] ci = lt.medianInterval();
        assertThat(ci[0]).isGreaterThanOrEqualTo(100.0);
        assertThat(ci[0]).isLessThanOrEqualTo(lt.median());
        assertThat(ci[1]).isGreaterThanOrEqualTo(lt.median());
        // resampling run b twice leaves half learned only by 300: the upper end is 300, a learning time
        assertThat(ci[1]).isEqualTo(300.0);
    }

    @Test
    void identicalRunsGiveAnIntervalOfZeroWidth() {
        LearningTimes lt = new LearningTimes();
        for (String run : new String[] {"a", "b", "c"}) {
            lt.add(run, 25, 3);
            lt.add(run, -1, 1);
        }
        assertThat(lt.shareIntervals()[0][0]).isEqualTo(0.75);
        assertThat(lt.shareIntervals()[1][0]).isEqualTo(0.75);
        assertThat(lt.medianInterval()).containsExactly(25.0, 25.0);
    }

    @Test
    void theBootstrapIsDeterministic() {
        assertThat(twoRuns().shareIntervals()).isDeepEqualTo(twoRuns().shareIntervals());
        assertThat(twoRuns().medianInterval()).containsExactly(twoRuns().medianInterval());
    }
}
