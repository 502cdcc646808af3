package org.clsweep.jobs.regress.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.jobs.regress.UnusableInputException;
import org.clsweep.jobs.testing.CrashRenameFileSystem;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BaselineStoreTest {
    @TempDir
    Path tmp;

    private Path sweep(String tag) throws IOException {
        Path s = tmp.resolve("sweep-" + tag);
        for (String f : List.of("manifest.json", "runs/part-0.parquet", "runs/.part-0.parquet.crc", "runs/_SUCCESS",
                "aggregates/part-0.parquet", "optima/part-0.parquet", "trace/part-0.parquet", "regress/report.md")) {
            Path p = s.resolve(f);
            Files.createDirectories(p.getParent());
            Files.writeString(p, tag + ":" + f);
        }
        return s;
    }

    private static List<String> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString()).sorted()
                    .collect(Collectors.toList());
        }
    }

    @Test
    void keepsTheManifestRunsAndAggregatesAndANote() throws IOException {
        Path base = tmp.resolve("baselines/nightly");
        int n = BaselineStore.replace(new Configuration(), sweep("a").toString(), base.toString(), "made by a test\n");
        assertThat(files(base)).containsExactly("BASELINE.md", "aggregates/part-0.parquet", "manifest.json",
                "runs/part-0.parquet");
        assertThat(n).isEqualTo(4);
        assertThat(Files.readString(base.resolve("BASELINE.md"))).isEqualTo("made by a test\n");
    }

    @Test
    void replacesAnOldBaselineWholeAndLeavesNoTemporaries() throws IOException {
        Path base = tmp.resolve("baselines/nightly");
        BaselineStore.replace(new Configuration(), sweep("old").toString(), base.toString(), "old\n");
        Files.writeString(base.resolve("runs/part-1.parquet"), "stale");
        BaselineStore.replace(new Configuration(), sweep("new").toString(), base.toString(), "new\n");
        assertThat(files(base)).containsExactly("BASELINE.md", "aggregates/part-0.parquet", "manifest.json",
                "runs/part-0.parquet");
        assertThat(Files.readString(base.resolve("manifest.json"))).isEqualTo("new:manifest.json");
        try (Stream<Path> s = Files.list(base.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("nightly");
        }
    }

    @Test
    void neverReplacesSomethingThatIsNotABaseline() throws IOException {
        Path notABaseline = Files.createDirectories(tmp.resolve("home"));
        Files.writeString(notABaseline.resolve("thesis.tex"), "precious");
        assertThatThrownBy(() -> BaselineStore.replace(new Configuration(), sweep("a").toString(),
                notABaseline.toString(), "x")).isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("is not empty and holds no manifest.json: it is not a clsweep baseline");
        assertThat(Files.readString(notABaseline.resolve("thesis.tex"))).isEqualTo("precious");

        Path file = Files.writeString(tmp.resolve("file"), "x");
        assertThatThrownBy(() -> BaselineStore.replace(new Configuration(), sweep("b").toString(), file.toString(),
                "x")).isInstanceOf(UnusableInputException.class).hasMessageContaining("is a file, not a directory");
    }

    /**
     * On a store whose rename copies and then deletes (S3A), a rename cut short would leave a half
     * baseline: an update renames nothing.
     */
    @Test
    void anUpdateRenamesNothing() throws IOException {
        Configuration conf = new Configuration();
        conf.set(CrashRenameFileSystem.IMPL_KEY, CrashRenameFileSystem.class.getName());
        Path base = tmp.resolve("baselines/nightly");
        String uri = CrashRenameFileSystem.SCHEME + "://" + base.toAbsolutePath();
        BaselineStore.replace(conf, sweep("old").toString(), uri, "old\n");
        CrashRenameFileSystem.arm(CrashRenameFileSystem.Phase.MID_COPY, "nightly", 0);
        try {
            BaselineStore.replace(conf, sweep("new").toString(), uri, "new\n");
        } finally {
            CrashRenameFileSystem.disarm();
        }
        assertThat(CrashRenameFileSystem.renames()).isEmpty();
        assertThat(CrashRenameFileSystem.crashes()).isEmpty();
        assertThat(files(base)).containsExactly("BASELINE.md", "aggregates/part-0.parquet", "manifest.json",
                "runs/part-0.parquet");
        assertThat(Files.readString(base.resolve("manifest.json"))).isEqualTo("new:manifest.json");
    }

    /**
     * What a crash while installing leaves (the new baseline assembled beside the old one, the old
     * manifest deleted): a reader is told to run the update again, and the next update finishes.
     */
    @Test
    void anUpdateCutShortWhileInstallingIsNamedAndTheNextOneFinishesIt() throws IOException {
        Path base = tmp.resolve("baselines/nightly");
        BaselineStore.replace(new Configuration(), sweep("old").toString(), base.toString(), "old\n");
        Path fresh = Files.createDirectories(base.resolveSibling(".nightly.new-1"));
        Files.writeString(fresh.resolve("manifest.json"), "new:manifest.json");
        Files.delete(base.resolve("manifest.json"));

        assertThatThrownBy(() -> Baseline.open(new Configuration(), base.toString(), null, null))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("has no manifest.json: an --update-baseline was cut short while installing it")
                .hasMessageContaining(".nightly.new-1")
                .hasMessageContaining("run regress with --update-baseline again");

        BaselineStore.replace(new Configuration(), sweep("new").toString(), base.toString(), "new\n");
        assertThat(Files.readString(base.resolve("manifest.json"))).isEqualTo("new:manifest.json");
        assertThat(Files.readString(base.resolve("BASELINE.md"))).isEqualTo("new\n");
        try (Stream<Path> s = Files.list(base.getParent())) {
            assertThat(s.map(p -> p.getFileName().toString())).containsExactly("nightly");
        }
    }
}
