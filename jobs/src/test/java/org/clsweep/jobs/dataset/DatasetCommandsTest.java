package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.clsweep.jobs.dataset.DatasetFixtures.LABELS;
import static org.clsweep.jobs.dataset.DatasetFixtures.gzip;
import static org.clsweep.jobs.dataset.DatasetFixtures.images;
import static org.clsweep.jobs.dataset.DatasetFixtures.labels;
import static org.clsweep.jobs.dataset.DatasetFixtures.listColumn;
import static org.clsweep.jobs.dataset.DatasetFixtures.parquet;
import static org.clsweep.jobs.dataset.DatasetFixtures.write;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.clsweep.jobs.Main;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code validate} and {@code run} on dataset specs, before Spark starts: the data is read and
 * checked on the driver, enters the cell ids, and bad data exits 2 naming the file, having
 * written nothing.
 */
class DatasetCommandsTest {
    @TempDir
    Path tmp;
    private int specs;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), args);
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    /** A one-layer population sweep of the fixture data, with extra geometry keys. */
    Path spec(Path images, Path labels, String geometry) throws Exception {
        Path p = tmp.resolve("spec-" + specs++ + ".conf");
        Files.writeString(p, "sweep {\n name = ds\n seeds = 1\n train { steps = 50, lr = 1.0 }\n"
                + " geometry { kind = dataset, source = \"" + images + "\", labels_source = \"" + labels + "\", "
                + "normalize = unit, " + geometry + " }\n grid { activation = [linear, relu] }\n}\n");
        return p;
    }

    @Test
    void validateReadsTheDataAndPrintsItsChecksumAndTheBoundCells() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Result r = cli("validate", spec(f[0], f[1], "classes = [0, 2], per_class = 2").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("1\\s+[0-9a-f]{16}\\s+relu");
        assertThat(r.err()).containsPattern("data: " + f[0] + " \\+ " + f[1]
                + ": classes \\[0, 2\\], per_class 2, normalize unit: 4 points in R\\^6, SHA-256 [0-9a-f]{64}");
    }

    @Test
    void theDataEntersTheCellIds() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Path spec = spec(f[0], f[1], "per_class = 2");
        Result before = cli("validate", spec.toString());
        byte[] changed = images(LABELS.length);
        changed[16 + 6 + 2]++;   // image 1 (label 0, selected), pixel 2
        write(f[0], gzip(changed));
        Result after = cli("validate", spec.toString());
        assertThat(after.code()).as(after.err()).isZero();
        assertThat(after.out().lines().skip(1).findFirst()).isEqualTo(before.out().lines().skip(1).findFirst())
                .as("the spec hash is the spec's");
        assertThat(after.out().lines().skip(3).toList()).doesNotContainAnyElementsOf(before.out().lines().skip(3).toList());
        changed[16 + 6 * 9]++;   // image 9 (label 0, not among the first two): the selection is unchanged
        write(f[0], gzip(changed));
        assertThat(cli("validate", spec.toString()).out()).isEqualTo(after.out());
    }

    @Test
    void badDataExitsTwoNamingTheFileAndWritesNothing() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Path missing = tmp.resolve("missing.gz");
        byte[] full = images(LABELS.length);
        Path truncated = write(tmp.resolve("truncated"), Arrays.copyOf(full, full.length - 3));
        Path text = write(tmp.resolve("text.gz"), gzip("no images here".getBytes(StandardCharsets.UTF_8)));
        Path nine = write(tmp.resolve("nine.gz"), gzip(labels(Arrays.copyOf(LABELS, 9))));
        Object[][] cases = {
            {spec(missing, f[1], "per_class = 1"), missing + " does not exist"},
            {spec(truncated, f[1], "per_class = 1"), truncated + " is truncated"},
            {spec(text, f[1], "per_class = 1"), text + " is not an IDX images file"},
            {spec(f[0], nine, "per_class = 1"), nine + " holds 9 labels but " + f[0] + " holds 10 images"},
            {spec(f[0], f[1], "classes = [0, 8], per_class = 1"), f[1] + ": no row has label 8"},
            {spec(f[0], f[1], "per_class = 4"), f[1] + ": label 1 has 3 rows, fewer than geometry.per_class = 4"},
        };
        for (Object[] c : cases) {
            assertExitTwo(c[0].toString(), c[1].toString());
        }
    }

    @Test
    void badParquetExitsTwoNamingTheFileAndWritesNothing() throws Exception {
        Path strings = parquet(tmp.resolve("s.parquet"), listColumn("x", "binary"), new double[][] {{}}, null);
        Path ragged = parquet(tmp.resolve("r.parquet"), listColumn("x", "double"), new double[][] {{1, 2}, {3}}, null);
        for (Path p : new Path[] {strings, ragged}) {
            Path spec = tmp.resolve(p.getFileName() + ".conf");
            Files.writeString(spec, "sweep { name = pq, seeds = 1, geometry { kind = dataset, source = \"" + p
                    + "\", column = x, per_class = 1 } }");
            assertExitTwo(spec.toString(), p + ": ");
        }
    }

    @Test
    void aTwoLayerDatasetCellAndADataAxisOfPatternsAreRefused() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Result twolayer = cli("validate", spec(f[0], f[1], "per_class = 1").toString(), "--set", "model=twolayer",
                "--set", "mode=sgd");
        assertThat(twolayer.code()).isEqualTo(2);
        assertThat(twolayer.err()).contains("geometry.kind = dataset").contains("model = onelayer");
        Result axis = cli("validate", spec(f[0], f[1], "per_class = 1").toString(), "--set",
                "grid.geometry.patterns=[6, 7]");
        assertThat(axis.code()).isEqualTo(2);
        assertThat(axis.err()).contains("geometry.patterns").contains("do not make them grid axes");
    }

    private void assertExitTwo(String spec, String message) {
        Path out = tmp.resolve("out");
        for (String verb : new String[] {"validate", "run"}) {
            Result r = "run".equals(verb) ? cli(verb, spec, "--out", out.toString()) : cli(verb, spec);
            assertThat(r.code()).as(verb + " " + spec + ": " + r.err()).isEqualTo(2);
            assertThat(r.err()).as(verb).contains(message);
            assertThat(out).doesNotExist();
        }
    }
}
