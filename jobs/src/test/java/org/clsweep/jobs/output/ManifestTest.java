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
        Map<String, Object> env = Map.of("java", "17", "executors", 1);
        List<Manifest.Attempt> history = List.of(new Manifest.Attempt(1, ManifestStatus.RUNNING, "abc", "0.0.9",
                Instant.parse("2024-12-31T00:00:00Z"), null, 2));
        Manifest running = new Manifest("m", s.hash(), ManifestStatus.RUNNING, "0.1.0", env,
                2, 2, Map.of(), Instant.parse("2025-01-01T00:00:00Z"), null, null, s.toConfig(), 2, 2, 0, history,
                null);
        assertThat(Manifest.parse(running.toJson())).isEqualTo(running.finish(ManifestStatus.RUNNING,
                Map.of(RunStatus.OK, 0L, RunStatus.DIVERGED, 0L, RunStatus.FAILED, 0L), 0, env, null, null));
        Manifest done = running.finish(ManifestStatus.COMPLETE, Map.of(RunStatus.OK, 3L, RunStatus.DIVERGED, 0L,
                RunStatus.FAILED, 1L), 2, env, Instant.parse("2025-01-01T00:01:00Z"), null);
        Manifest back = Manifest.parse(done.toJson());
        assertThat(back).isEqualTo(done);
        assertThat(back.count(RunStatus.FAILED)).isEqualTo(1);
        assertThat(done.toJson()).contains("\"wall_ms\" : 60000").contains("\"runs\" : 4")
                .contains("\"attempt\" : 2").contains("\"reused\" : 2").contains("\"computed\" : 2");
        assertThat(back.history()).isEqualTo(history);
        Manifest faulty = new Manifest("m", s.hash(), ManifestStatus.RUNNING, "0.1.0", env, 2, 2, Map.of(),
                Instant.parse("2025-01-01T00:00:00Z"), null, null, s.toConfig(), 1, 0, 0, List.of(), "fail-seed=2");
        assertThat(Manifest.parse(faulty.toJson()).faults()).isEqualTo("fail-seed=2");
    }

    @Test
    void readsFormatOne() {
        SweepSpec s = spec();
        String v1 = "{\"format\": 1, \"sweep\": \"m\", \"spec_hash\": \"" + s.hash() + "\", \"status\": \"COMPLETE\","
                + " \"code_version\": \"0.1.0\", \"environment\": {\"java\": \"17\"}, \"cells\": 2, \"seeds\": 2,"
                + " \"runs\": 4, \"counts\": {\"OK\": 4, \"DIVERGED\": 0, \"FAILED\": 0},"
                + " \"started_at\": \"2025-01-01T00:00:00Z\", \"finished_at\": \"2025-01-01T00:01:00Z\","
                + " \"wall_ms\": 60000, \"error\": null, \"spec\": " + s.toConfig().root().render(
                com.typesafe.config.ConfigRenderOptions.concise()) + "}";
        Manifest m = Manifest.parse(v1);
        assertThat(m.attempt()).isEqualTo(1);
        assertThat(m.computed()).isEqualTo(4);
        assertThat(m.history()).isEmpty();
        assertThat(m.faults()).isNull();
        assertThat(m.specHash()).isEqualTo(s.hash());
    }

    @Test
    void notAManifest() {
        assertThatThrownBy(() -> Manifest.parse("{\"hello\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a clsweep manifest");
    }

}
