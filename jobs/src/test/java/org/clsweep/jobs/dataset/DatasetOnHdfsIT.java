package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.PointNormalization;
import org.clsweep.data.spec.SpecException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The readers on HDFS (a {@link MiniDFSCluster} in this JVM): IDX files and a Parquet directory
 * read through {@code hdfs://} paths give the selections the same files give locally.
 */
class DatasetOnHdfsIT {
    @TempDir
    static Path dir;
    static MiniDFSCluster hdfs;
    static Configuration conf;
    static String root;

    @BeforeAll
    static void startHdfs() throws Exception {
        conf = new Configuration();
        hdfs = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
        hdfs.waitActive();
        root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
    }

    @AfterAll
    static void stopHdfs() {
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    private static String upload(Path local, String name) throws Exception {
        FileSystem fs = FileSystem.get(URI.create(root), conf);
        org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(root + "/data/" + name);
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), target);
        return target.toString();
    }

    @Test
    void idxAndParquetOnHdfsSelectAsLocally() throws Exception {
        Path local = Files.createDirectory(dir.resolve("local"));
        Path[] idx = DatasetFixtures.idx(local);
        LabelledPoints expected = DatasetReader.read(DatasetReaderTest.idxSpec(idx[0], idx[1], List.of(0, 2), 2),
                new Configuration());
        String images = upload(idx[0], "images.gz");
        String labels = upload(idx[1], "labels.gz");
        LabelledPoints onHdfs = DatasetReader.read(new DatasetSpec(images, labels, "", "",
                List.of(0, 2), 2, PointNormalization.NONE, ""), conf);
        assertThat(onHdfs.checksum()).isEqualTo(expected.checksum());
        assertThat(onHdfs.rows()).containsExactly(expected.rows());

        Path table = Files.createDirectory(local.resolve("table"));
        DatasetFixtures.parquet(table.resolve("part-0.parquet"), DatasetFixtures.listColumn("x", "double")
                + " optional int32 y;", DatasetFixtures.imageRows(DatasetFixtures.LABELS.length), DatasetFixtures.LABELS);
        String parquet = upload(table, "table");
        LabelledPoints fromParquet = DatasetReader.read(new DatasetSpec(parquet, "", "x", "y", List.of(0, 2), 2,
                PointNormalization.NONE, ""), conf);
        assertThat(fromParquet.checksum()).isEqualTo(expected.checksum());
    }

    @Test
    void aMissingHdfsFileIsNamed() {
        String missing = root + "/data/nope.gz";
        assertThatThrownBy(() -> DatasetReader.read(new DatasetSpec(missing, "", "", "",
                List.of(), 1, PointNormalization.NONE, ""), conf))
                .isInstanceOf(SpecException.class).hasMessage(missing + " does not exist");
    }
}
