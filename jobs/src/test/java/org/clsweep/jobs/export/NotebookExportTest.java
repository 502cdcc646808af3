package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NotebookExportTest extends ExportSparkTestBase {
    @TempDir
    Path tmp;

    @Test
    void look2() throws Exception {
        String out = tmp.resolve("out2").toString();
        new SyntheticSweep("mixed-test")
                .oneLayer(List.of("leaky_relu"), List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of(4, 16))
                .twoLayer(List.of("linear", "relu"), List.of(true, false), List.of(1, 2, 5))
                .write(spark, out, true);
        NotebookExport.Result r = NotebookExport.export(spark, out, tmp.resolve("export2"));
        Files.copy(r.html(), Path.of("/tmp/export-look2.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(r.notebook(), Path.of("/tmp/export-look2.ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Path f : r.figures()) {
            Files.copy(f, Path.of("/tmp/2-" + f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }

    @Test
    void exportsOneLayerSweepWithFailedRuns() throws Exception {
        String out = tmp.resolve("out").toString();
        new SyntheticSweep("onelayer-test")
                .oneLayer(List.of("linear", "relu", "leaky_relu"), List.of(0.1), List.of(1, 2, 4, 8, 16))
                .bad("relu", 4, 2, "DIVERGED", "non-finite loss at step 37")
                .bad("linear", 16, 3, "FAILED", "java.lang.IllegalStateException: boom")
                .write(spark, out, true);
        NotebookExport.Result r = NotebookExport.export(spark, out, tmp.resolve("export"));
        assertThat(r.notebook()).exists();
        System.out.println(r);
        Files.copy(r.html(), Path.of("/tmp/export-look.html"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.copy(r.notebook(), Path.of("/tmp/export-look.ipynb"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        for (Path f : r.figures()) {
            Files.copy(f, Path.of("/tmp/" + f.getFileName()), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
