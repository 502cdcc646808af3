package org.clsweep.data.sampling;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.clsweep.dynamics.model.PatternMixture;
import org.ejml.data.DMatrixRMaj;
import org.junit.jupiter.api.Test;

class LabelledBatchTest {

    @Test
    void itIsTheFirstBatchAPatternPairSamplerDrawsFromTheSameStream() {
        PatternMixture mixture = new PatternMixture(new double[][] {{1, 0}, {0, 1}, {1, 1}}, new double[] {0.2, 0.3, 0.5},
                0.4);
        LabelledBatch batch = LabelledBatch.draw(mixture, 9, new SplittableRandom(21));
        PatternPairSampler sampler = new PatternPairSampler(mixture, 9, new SplittableRandom(21));
        DMatrixRMaj a = new DMatrixRMaj(9, 2);
        DMatrixRMaj b = new DMatrixRMaj(9, 2);
        sampler.next(a, b);
        assertThat(batch.view1().data).containsExactly(a.data);
        assertThat(batch.view2().data).containsExactly(b.data);
        assertThat(batch.size()).isEqualTo(9);
        for (int i = 0; i < 9; i++) {
            assertThat(batch.labels()[i]).isEqualTo(sampler.label(i));
        }
        assertThat(batch.labels()).containsAnyOf(0, 1).contains(2);
    }
}
