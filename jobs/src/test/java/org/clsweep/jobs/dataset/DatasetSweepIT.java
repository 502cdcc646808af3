package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.experiment.RunExecutor;
import org.clsweep.data.experiment.RunMetric;
import org.clsweep.data.experiment.RunResult;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clsweep run} on a dataset spec end to end (local[2]): the runs carry the data's L, d and
 * checksum and equal {@link RunExecutor} called directly with the same data; the manifest records
 * the selection; a second run into the same output after the data changed is refused, naming the
 * file, and changes nothing.
 */
class DatasetSweepIT extends SparkTestBase {
    @TempDir
    static Path tmp;
    static Path[] files;
    static Path specFile;
    static Path out;
    static DatasetCommandsTest.Result first;
    static DatasetCommandsTest.Result second;
    static BoundCells bound;
    static String manifestBefore;
    static String manifestAfter;

    @BeforeAll
    static void runTwice() throws Exception {
        files = DatasetFixtures.idx(tmp);
        specFile = tmp.resolve("ds.conf");
        Files.writeString(specFile, "sweep {\n name = ds\n seeds = 2\n train { lr = 1.0, steps = 2000, tol = 1e-9 }\n"
                + " geometry { kind = dataset, source = \"" + files[0] + "\", labels_source = \"" + files[1] + "\",\n"
                + "   per_class = 3, normalize = center, noise = 0.05 }\n"
                + " grid { activation = [linear, relu], \"geometry.classes\" = [[0, 1], [1, 2]] }\n}\n");
        out = tmp.resolve("out");
        SweepSpec spec = SpecParser.parseFile(specFile, List.of());
        bound = BoundCells.bind(Grid.expand(spec), new Configuration());
        first = DatasetCommandsTest.cli("run", specFile.toString(), "--out", out.toString(), "--master", "local[2]");
        manifestBefore = Files.readString(out.resolve("manifest.json"));
        byte[] images = DatasetFixtures.images(DatasetFixtures.LABELS.length);
        images[16 + 6 * 2] = 0;   // image 2, label 1: selected by both subsets
        DatasetFixtures.write(files[0], DatasetFixtures.gzip(images));
        second = DatasetCommandsTest.cli("run", specFile.toString(), "--out", out.toString(), "--master", "local[2]");
        manifestAfter = Files.readString(out.resolve("manifest.json"));
    }

    @Test
    void everyRunIsOkAndEqualsTheExecutorCalledDirectlyWithTheSameData() throws Exception {
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("ds: 8 runs (4 cells × 2 seeds): 8 OK");
        String runs = DuckDb.table(out.resolve("runs"));
        for (Cell c : bound.cells()) {
            for (long seed = 1; seed <= 2; seed++) {
                Map<String, Object> row = DuckDb.query("SELECT * FROM " + runs + " WHERE cell_id = '" + c.cellId()
                        + "' AND seed = " + seed).get(0);
                assertThat(row.get("geometry_patterns")).isEqualTo(6);
                assertThat(row.get("geometry_dim")).isEqualTo(6);
                assertThat(row.get("geometry_checksum")).isEqualTo(c.spec().geometry().dataset().checksum());
                RunResult direct = RunExecutor.execute(c.spec(), seed, bound.data());
                assertThat(row.get("status")).isEqualTo(direct.status().name());
                assertThat(((Number) row.get("distinct_optima")).doubleValue())
                        .isEqualTo(direct.metric(RunMetric.DISTINCT_OPTIMA));
                assertThat(((Number) row.get("max_residual")).doubleValue())
                        .isEqualTo(direct.metric(RunMetric.MAX_RESIDUAL));
            }
        }
    }

    @Test
    void theManifestRecordsEachSelection() {
        assertThat(manifestBefore).contains("\"datasets\"")
                .contains(files[0] + " + " + files[1] + ": classes [0, 1], per_class 3")
                .contains(files[0] + " + " + files[1] + ": classes [1, 2], per_class 3");
    }

    @Test
    void aResumeOnChangedDataIsRefusedNamingTheFileAndChangesNothing() {
        assertThat(second.code()).isEqualTo(2);
        assertThat(second.err()).contains(files[0] + " + " + files[1] + " changed since the sweep in")
                .contains("Nothing was written");
        assertThat(manifestAfter).isEqualTo(manifestBefore);
    }
}
