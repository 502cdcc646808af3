package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SeedTallyTest {
    @Test
    void countsDistinctSeedsLikeASetWhateverTheOrder() throws Exception {
        SplittableRandom rng = new SplittableRandom(3);
        SeedTally a = new SeedTally();
        SeedTally b = new SeedTally();
        Set<Long> all = new HashSet<>();
        for (int i = 0; i < 20_000; i++) {
            long s = rng.nextInt(15_000);
            (i % 3 == 0 ? a : b).add(s);
            all.add(s);
        }
        SeedTally sent = roundTrip(b);
        a.merge(sent);
        assertThat(a.rows()).isEqualTo(20_000);
        assertThat(a.distinct()).isEqualTo(all.size());
    }

    @Test
    void aMillionConsecutiveSeedsIsOneRange() throws Exception {
        SeedTally t = new SeedTally();
        for (long s = 1_000_000; s >= 1; s--) {
            t.add(s);
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        assertThat(bytes.size()).as("serialized size").isLessThan(1024);
        assertThat(t.distinct()).isEqualTo(1_000_000);
        assertThat(t.rows()).isEqualTo(1_000_000);
    }

    private static SeedTally roundTrip(SeedTally t) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(t);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SeedTally) in.readObject();
        }
    }
}
