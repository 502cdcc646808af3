package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedFileTest {
    @TempDir
    Path dir;

    /** 100 000 seeds listed one by one, none consecutive: the longest list a spec may hold. */
    private static SweepSpec scattered() {
        StringJoiner seeds = new StringJoiner(", ", "[", "]");
        for (long s = 0; s < 100_000; s++) {
            seeds.add(Long.toString(s * 7 + 3));
        }
        return SpecParser.parseString("sweep { name = scattered, seeds = " + seeds + " }", "test", List.of());
    }

    private static Manifest running(SweepSpec spec) {
        return new Manifest(spec.name(), spec.hash(), ManifestStatus.RUNNING, "test", Map.of(), 1,
                spec.seeds().count(), Map.of(), Instant.parse("2026-12-06T10:00:00Z"), null, null,
                spec.canonicalJson(), 1, 0, 0, List.of(), null);
    }

    @Test
    void aLongListGoesBesideTheManifestAndComesBackOnRead() throws Exception {
        SweepSpec spec = scattered();
        assertThat(spec.canonicalJson().length()).as("the spec's own text").isGreaterThan(500_000);
        try (OutputDirectory out = OutputDirectory.open(dir.resolve("out").toString(), new Configuration())) {
            out.begin(running(spec));
            Manifest read = out.readManifest().orElseThrow();
            assertThat(SpecParser.parseString(read.spec(), "manifest", List.of()).hash()).isEqualTo(spec.hash());
            assertThat(out.inspect(spec).change().kind()).isEqualTo(SpecChange.Kind.SAME);
        }
        Path manifest = dir.resolve("out").resolve(OutputDirectory.MANIFEST);
        assertThat(Files.size(manifest)).as("manifest bytes").isLessThan(64 * 1024);
        try (var files = Files.list(dir.resolve("out"))) {
            List<String> lists = files.map(p -> p.getFileName().toString()).filter(SeedFile::isSeedFile).toList();
            assertThat(lists).hasSize(1);
            assertThat(Files.readString(manifest)).contains("\"file\" : \"" + lists.get(0) + "\"");
        }
    }

    @Test
    void aChangedListIsRefusedNamingTheFile() throws Exception {
        SweepSpec spec = scattered();
        try (OutputDirectory out = OutputDirectory.open(dir.resolve("out").toString(), new Configuration())) {
            out.begin(running(spec));
        }
        Path list;
        try (var files = Files.list(dir.resolve("out"))) {
            list = files.filter(p -> SeedFile.isSeedFile(p.getFileName().toString())).findFirst().orElseThrow();
        }
        Files.writeString(list, "[1, 2, 3]");
        try (OutputDirectory out = OutputDirectory.open(dir.resolve("out").toString(), new Configuration())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(out::readManifest)
                    .hasMessageContaining(list.getFileName().toString())
                    .hasMessageContaining("does not hold the seeds it is named after");
        }
    }

    @Test
    void countsAndRangesStayInTheManifest() {
        SweepSpec spec = SpecParser.parseString("sweep { name = m, seeds = [{ from = 1, to = 1000000 }, 5000000] }",
                "test", List.of());
        SeedFile.Split split = SeedFile.split(spec.canonicalJson());
        assertThat(split.fileName()).isNull();
        assertThat(split.spec()).isEqualTo(spec.canonicalJson());
    }
}
