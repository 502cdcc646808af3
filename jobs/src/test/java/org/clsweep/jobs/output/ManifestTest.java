package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;

class ManifestTest {
    private static SweepSpec spec(String... sets) {
        return SpecParser.parseString("sweep { name = m, seeds = [1, 2], grid { width = [1, 2] } }", "m", List.of(sets));
    }

    @Test
    void jsonRoundTrip() {
        SweepSpec s = spec();
        Manifest running = new Manifest("m", s.hash(), ManifestStatus.RUNNING, "0.1.0", Map.of("java", "17", "executors", 1),
                2, 2, Map.of(), Instant.parse("2025-01-01T00:00:00Z"), null, null, s.toConfig());
        assertThat(Manifest.parse(running.toJson())).isEqualTo(running.finish(ManifestStatus.RUNNING,
                Map.of(RunStatus.OK, 0L, RunStatus.DIVERGED, 0L, RunStatus.FAILED, 0L), null, null));
        Manifest done = running.finish(ManifestStatus.COMPLETE, Map.of(RunStatus.OK, 3L, RunStatus.DIVERGED, 0L,
                RunStatus.FAILED, 1L), Instant.parse("2025-01-01T00:01:00Z"), null);
        Manifest back = Manifest.parse(done.toJson());
        assertThat(back).isEqualTo(done);
        assertThat(back.count(RunStatus.FAILED)).isEqualTo(1);
        assertThat(done.toJson()).contains("\"wall_ms\" : 60000").contains("\"runs\" : 4");
    }

    @Test
    void notAManifest() {
        assertThatThrownBy(() -> Manifest.parse("{\"hello\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a clsweep manifest");
    }

    @Test
    void differingKeysNamesChangedAndAddedKeys() {
        assertThat(OutputDirectory.differingKeys(spec().toConfig(), spec("train.lr=0.5", "grid.width=[1,3]")
                .toConfig())).containsExactly("grid.width", "train.lr");
        assertThat(OutputDirectory.differingKeys(spec().toConfig(), spec().toConfig())).isEmpty();
    }
}
