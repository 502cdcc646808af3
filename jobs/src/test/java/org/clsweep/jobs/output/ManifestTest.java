package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;

class ManifestTest {
    /** Awkward text: JSON escapes, characters outside the BMP, line and byte-order separators, markup. */
    private static final String AWKWARD = "quote \" backslash \\ slash / tab \t bs \b ff \f nul \u0000 soh \u0001 "
            + "us \u001f nbsp \u00a0 é ß ∑ → “curly” 😀 \u2028 \ufeff </script> & <b>\r\nsecond line\n";

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
                2, 2, Map.of(), Instant.parse("2025-01-01T00:00:00Z"), null, null, s.canonicalJson(), 2, 2, 0, history,
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
                Instant.parse("2025-01-01T00:00:00Z"), null, null, s.canonicalJson(), 1, 0, 0, List.of(),
                "fail-seed=2");
        assertThat(Manifest.parse(faulty.toJson()).faults()).isEqualTo("fail-seed=2");
    }

    @Test
    void readsFormatOne() {
        SweepSpec s = spec();
        String v1 = "{\"format\": 1, \"sweep\": \"m\", \"spec_hash\": \"" + s.hash() + "\", \"status\": \"COMPLETE\","
                + " \"code_version\": \"0.1.0\", \"environment\": {\"java\": \"17\"}, \"cells\": 2, \"seeds\": 2,"
                + " \"runs\": 4, \"counts\": {\"OK\": 4, \"DIVERGED\": 0, \"FAILED\": 0},"
                + " \"started_at\": \"2025-01-01T00:00:00Z\", \"finished_at\": \"2025-01-01T00:01:00Z\","
                + " \"wall_ms\": 60000, \"error\": null, \"spec\": " + s.canonicalJson() + "}";
        Manifest m = Manifest.parse(v1);
        assertThat(m.attempt()).isEqualTo(1);
        assertThat(m.computed()).isEqualTo(4);
        assertThat(m.history()).isEmpty();
        assertThat(m.faults()).isNull();
        assertThat(m.specHash()).isEqualTo(s.hash());
    }

    /** A finished attempt with history, fault injection, an error and a spec of two grid blocks. */
    private static Manifest awkward() {
        SweepSpec s = SpecParser.parseString("sweep { name = m, seeds = [3, 1, 2], train.lr = 1e-4, "
                + "leaky_slope = 0.25, grid = [{ width = [1, 2] }, "
                + "{ activation = [leaky_relu], leaky_slope = [0.2, 0.5] }] }", "m", List.of());
        Map<String, Object> env = new LinkedHashMap<>();
        env.put("java", "17.0.15");
        env.put("os", "Linux " + AWKWARD);
        env.put("executors", 2);
        env.put("hosts", 5_000_000_000L);
        env.put("default_parallelism", 4);
        List<Manifest.Attempt> history = List.of(
                new Manifest.Attempt(1, ManifestStatus.RUNNING, "abc", "0.0.9", Instant.parse("2024-12-31T00:00:00Z"),
                        null, 2),
                new Manifest.Attempt(2, ManifestStatus.ABORTED, s.hash(), "0.1.0 " + AWKWARD,
                        Instant.parse("2025-01-01T00:00:00.123456789Z"), Instant.parse("2025-01-01T00:00:01Z"), 0));
        return new Manifest("m", s.hash(), ManifestStatus.ABORTED, "0.1.0-SNAPSHOT+0123456789ab-dirty", env,
                s.cellCount(), 3, Map.of(RunStatus.OK, 9L, RunStatus.DIVERGED, 1L, RunStatus.FAILED, 2L),
                Instant.parse("2025-01-02T03:04:05.000000001Z"), Instant.parse("2025-01-02T03:05:06Z"), AWKWARD,
                s.canonicalJson(), 3, 2, 10, history, "fail-seed=2");
    }

    /** {@code awkward-manifest.json} is {@link #awkward()} as clsweep wrote it at commit 2d770df. */
    @Test
    void writesTheTextEarlierVersionsWroteAndReadsIt() throws IOException {
        String earlier = resource("awkward-manifest.json");
        assertThat(awkward().toJson()).isEqualTo(earlier);
        assertThat(Manifest.parse(earlier)).isEqualTo(awkward());
    }

    @Test
    void controlCharactersOutsideAsciiRoundTrip() {
        Manifest m = awkward();
        Manifest c1 = m.finish(m.status(), m.counts(), m.computed(), m.environment(), m.finishedAt(),
                "del \u007f c1 \u0085\u009f");
        assertThat(Manifest.parse(c1.toJson())).isEqualTo(c1);
    }

    @Test
    void notAManifest() {
        assertThatThrownBy(() -> Manifest.parse("{\"hello\": 1}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a clsweep manifest");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = ManifestTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
