package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.clsweep.jobs.dataset.DatasetFixtures.LABELS;
import static org.clsweep.jobs.dataset.DatasetFixtures.gzip;
import static org.clsweep.jobs.dataset.DatasetFixtures.imageRows;
import static org.clsweep.jobs.dataset.DatasetFixtures.images;
import static org.clsweep.jobs.dataset.DatasetFixtures.labels;
import static org.clsweep.jobs.dataset.DatasetFixtures.listColumn;
import static org.clsweep.jobs.dataset.DatasetFixtures.parquet;
import static org.clsweep.jobs.dataset.DatasetFixtures.pixel;
import static org.clsweep.jobs.dataset.DatasetFixtures.write;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The IDX and Parquet readers: the documented selection, and an error naming the file for each kind of bad data. */
class DatasetReaderTest {
    private static final Configuration CONF = new Configuration();
    private static final double TOL_EXACT = 1e-15;

    @TempDir
    Path tmp;

    static DatasetSpec idxSpec(Path images, Path labels, List<Integer> classes, int perClass) {
        return new DatasetSpec(images.toString(), labels == null ? "" : labels.toString(), "", "", classes, perClass,
                PointNormalization.NONE, "");
    }

    static DatasetSpec parquetSpec(Path source, String column, String labelColumn, List<Integer> classes,
                                   int perClass) {
        return new DatasetSpec(source.toString(), "", column, labelColumn, classes, perClass,
                PointNormalization.NONE, "");
    }

    /** The SHA-256 of SelectionChecksum, computed here from the fixture's pixels. */
    static String expectedChecksum(int[] rows, int[] labels) throws Exception {
        int d = DatasetFixtures.ROWS * DatasetFixtures.COLS;
        ByteBuffer b = ByteBuffer.allocate(8 + 8 * rows.length * d + (labels == null ? 0 : 4 * labels.length));
        b.putInt(rows.length).putInt(d);
        for (int r : rows) {
            for (int k = 0; k < d; k++) {
                b.putDouble(pixel(r, k));
            }
        }
        if (labels != null) {
            for (int y : labels) {
                b.putInt(y);
            }
        }
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b.array()));
    }

    @Test
    void idxTakesTheFirstPerClassRowsOfEachClassInAscendingLabelOrder() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        LabelledPoints p = DatasetReader.read(idxSpec(f[0], f[1], List.of(2, 0), 2), CONF);
        // label 0 at rows 1, 3, 6, 9; label 2 at rows 0, 4, 7
        assertThat(p.rows()).containsExactly(1, 3, 0, 4);
        assertThat(p.labels()).containsExactly(0, 0, 2, 2);
        assertThat(p.size()).isEqualTo(4);
        assertThat(p.dim()).isEqualTo(6);
        assertThat(p.points()[2][5]).isCloseTo(pixel(0, 5) / 255.0, org.assertj.core.data.Offset.offset(TOL_EXACT));
        assertThat(p.checksum()).isEqualTo(expectedChecksum(new int[] {1, 3, 0, 4}, new int[] {0, 0, 2, 2}));
        assertThat(p.sources()).contains("images.gz").contains("labels.gz");
    }

    @Test
    void emptyClassesSelectEveryLabelAndUncompressedIdxReadsTheSame() throws Exception {
        Path images = write(tmp.resolve("images"), images(LABELS.length));
        Path labels = write(tmp.resolve("labels"), labels(LABELS));
        LabelledPoints raw = DatasetReader.read(idxSpec(images, labels, List.of(), 3), CONF);
        assertThat(raw.rows()).containsExactly(1, 3, 6, 2, 5, 8, 0, 4, 7);
        Path[] gz = DatasetFixtures.idx(tmp);
        assertThat(DatasetReader.read(idxSpec(gz[0], gz[1], List.of(), 3), CONF).checksum())
                .isEqualTo(raw.checksum());
    }

    @Test
    void unlabelledIdxTakesTheFirstPerClassRows() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        LabelledPoints p = DatasetReader.read(idxSpec(f[0], null, List.of(), 4), CONF);
        assertThat(p.rows()).containsExactly(0, 1, 2, 3);
        assertThat(p.labelled()).isFalse();
        assertThat(p.checksum()).isEqualTo(expectedChecksum(new int[] {0, 1, 2, 3}, null));
    }

    @Test
    void aMissingFileIsNamed() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Path missing = tmp.resolve("nope.gz");
        assertError(idxSpec(missing, f[1], List.of(), 1), "geometry.source", missing + " does not exist");
        assertError(idxSpec(f[0], missing, List.of(), 1), "geometry.labels_source", missing + " does not exist");
    }

    @Test
    void aTruncatedFileIsNamedCompressedOrNot() throws Exception {
        Path labels = DatasetFixtures.idx(tmp)[1];
        byte[] full = images(LABELS.length);
        Path cut = write(tmp.resolve("cut"), Arrays.copyOf(full, full.length - 7));
        assertError(idxSpec(cut, labels, List.of(), 1), "geometry.source", cut + " is truncated",
                "announces 10×2×3", "after 8 items");
        byte[] gz = gzip(full);
        Path cutGz = write(tmp.resolve("cut.gz"), Arrays.copyOf(gz, gz.length - 12));
        assertError(idxSpec(cutGz, labels, List.of(), 1), "geometry.source", cutGz + " is truncated");
        Path header = write(tmp.resolve("header"), Arrays.copyOf(full, 9));
        assertError(idxSpec(header, labels, List.of(), 1), "geometry.source", header + " is truncated",
                "inside the IDX header");
    }

    @Test
    void aFileThatIsNotIdxIsNamed() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        Path text = write(tmp.resolve("notes.txt"), "these are not images\n".getBytes());
        assertError(idxSpec(text, f[1], List.of(), 1), "geometry.source", text + " is not an IDX images file",
                "expected 0x00000803");
        assertError(idxSpec(f[1], f[0], List.of(), 1), "geometry.source", f[1] + " is not an IDX images file",
                "0x00000801");
        assertError(idxSpec(f[0], f[0], List.of(), 1), "geometry.labels_source",
                f[0] + " is not an IDX labels file");
    }

    @Test
    void imagesAndLabelsOfDifferentCountsAreRefused() throws Exception {
        Path images = write(tmp.resolve("images.gz"), gzip(images(LABELS.length)));
        Path labels = write(tmp.resolve("labels.gz"), gzip(labels(Arrays.copyOf(LABELS, 9))));
        assertError(idxSpec(images, labels, List.of(), 1), "geometry.labels_source",
                labels + " holds 9 labels but " + images + " holds 10 images");
    }

    @Test
    void aClassTheLabelsLackAndTooFewRowsAreRefused() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        assertError(idxSpec(f[0], f[1], List.of(0, 7), 1), "geometry.classes",
                f[1] + ": no row has label 7", "labels present are [0, 1, 2]");
        assertError(idxSpec(f[0], f[1], List.of(0, 1), 4), "geometry.per_class",
                f[1] + ": label 1 has 3 rows, fewer than geometry.per_class = 4");
        assertError(idxSpec(f[0], null, List.of(), 11), "geometry.per_class",
                f[0] + ": holds 10 rows, fewer than geometry.per_class = 11");
    }

    @Test
    void parquetListsOfDoublesOrFloatsSelectLikeIdx() throws Exception {
        Path[] f = DatasetFixtures.idx(tmp);
        LabelledPoints idx = DatasetReader.read(idxSpec(f[0], f[1], List.of(0, 2), 2), CONF);
        for (String element : List.of("double", "float")) {
            Path file = parquet(tmp.resolve(element + ".parquet"), listColumn("x", element) + " optional int32 y;",
                    imageRows(LABELS.length), LABELS);
            LabelledPoints p = DatasetReader.read(parquetSpec(file, "x", "y", List.of(0, 2), 2), CONF);
            assertThat(p.rows()).containsExactly(idx.rows());
            assertThat(p.labels()).containsExactly(idx.labels());
            assertThat(p.checksum()).as("raw values and labels as IDX's").isEqualTo(idx.checksum());
            assertThat(p.points()[0][0]).as("Parquet values are not scaled").isEqualTo(pixel(1, 0));
        }
    }

    @Test
    void parquetTwoLevelAndRepeatedLayoutsAndInt64LabelsAreRead() throws Exception {
        double[][] x = imageRows(4);
        int[] y = {1, 0, 1, 0};
        Path twoLevel = parquet(tmp.resolve("two.parquet"),
                "optional group x (LIST) { repeated double array; } required int64 y;", x, y);
        Path repeated = parquet(tmp.resolve("rep.parquet"), "repeated double x; required int32 y;", x, y);
        for (Path file : List.of(twoLevel, repeated)) {
            LabelledPoints p = DatasetReader.read(parquetSpec(file, "x", "y", List.of(), 1), CONF);
            assertThat(p.rows()).as(file.toString()).containsExactly(1, 0);
            assertThat(p.points()[1]).containsExactly(x[0]);
        }
    }

    @Test
    void aParquetDirectoryIsReadFileByFileInNameOrder() throws Exception {
        Path dir = Files.createDirectory(tmp.resolve("table"));
        double[][] x = imageRows(6);
        parquet(dir.resolve("part-1.parquet"), listColumn("x", "double"), Arrays.copyOfRange(x, 3, 6), null);
        parquet(dir.resolve("part-0.parquet"), listColumn("x", "double"), Arrays.copyOfRange(x, 0, 3), null);
        Files.writeString(dir.resolve("_SUCCESS"), "");
        LabelledPoints p = DatasetReader.read(parquetSpec(dir, "x", "", List.of(), 5), CONF);
        assertThat(p.rows()).containsExactly(0, 1, 2, 3, 4);
        assertThat(p.points()[3]).containsExactly(x[3]);
        assertThat(p.checksum()).isEqualTo(expectedChecksum(new int[] {0, 1, 2, 3, 4}, null));
    }

    @Test
    void aParquetColumnOfTheWrongTypeIsNamed() throws Exception {
        double[][] x = imageRows(3);
        Path strings = parquet(tmp.resolve("s.parquet"), listColumn("x", "binary") + " optional int32 y;",
                new double[][] {{}, {}, {}}, new int[] {0, 1, 0});
        assertError(parquetSpec(strings, "x", "", List.of(), 1), "geometry.column", strings + ": column x is",
                "expected array<double> or array<float>");
        Path scalar = parquet(tmp.resolve("d.parquet"), "required double x; optional int32 y;",
                new double[0][], new int[0]);
        assertError(parquetSpec(scalar, "x", "", List.of(), 1), "geometry.column", scalar + ": column x is",
                "required double x");
        Path label = parquet(tmp.resolve("l.parquet"), listColumn("x", "double") + " optional double y;", x,
                new int[] {0, 1, 0});
        assertError(parquetSpec(label, "x", "y", List.of(), 1), "geometry.label_column", label + ": column y is",
                "expected an integer column");
        assertError(parquetSpec(label, "pixels", "", List.of(), 1), "geometry.column", label + " has no column pixels",
                "its columns: x, y");
    }

    @Test
    void raggedOrNullParquetArraysAreNamed() throws Exception {
        Path ragged = parquet(tmp.resolve("r.parquet"), listColumn("x", "double"),
                new double[][] {{1, 2, 3}, {4, 5, 6}, {7, 8}}, null);
        assertError(parquetSpec(ragged, "x", "", List.of(), 1), "geometry.column",
                ragged + ": row 2 of x has 2 values, the first row has 3 (ragged arrays)");
        Path nulls = parquet(tmp.resolve("n.parquet"), listColumn("x", "double"),
                new double[][] {{1, 2}, null}, null);
        assertError(parquetSpec(nulls, "x", "", List.of(), 1), "geometry.column", nulls + ": row 1 of x is null");
    }

    @Test
    void aFileThatIsNotParquetIsNamed() throws Exception {
        Path text = write(tmp.resolve("t.parquet"), "not parquet".getBytes());
        assertError(parquetSpec(text, "x", "", List.of(), 1), "geometry.source", text + " cannot be read as Parquet");
    }

    private static void assertError(DatasetSpec spec, String key, String... fragments) {
        assertThatThrownBy(() -> DatasetReader.read(spec, CONF)).isInstanceOfSatisfying(SpecException.class, e -> {
            assertThat(e.key()).isEqualTo(key);
            for (String f : fragments) {
                assertThat(e.getMessage()).contains(f);
            }
        });
    }
}
