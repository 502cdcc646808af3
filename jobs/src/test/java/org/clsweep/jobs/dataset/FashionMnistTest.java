package org.clsweep.jobs.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.PointNormalization;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Fashion-MNIST files of Debian's {@code dataset-fashion-mnist}: their counts and shapes,
 * and a selection checked against a plain re-read of the files here. Required when {@code CI=true}
 * (CI installs the package with {@code .ci/install-datasets.sh}); skipped elsewhere when absent.
 */
class FashionMnistTest {
    static final Path DIR = Path.of("/usr/share/datasets/fashion-mnist");
    private static final Configuration CONF = new Configuration();

    @BeforeAll
    static void requireTheData() {
        if (Files.isReadable(DIR.resolve("train-images-idx3-ubyte.gz"))) {
            return;
        }
        String message = DIR + " is missing; install Debian's dataset-fashion-mnist (.ci/install-datasets.sh)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI=true requires the data: " + message);
        }
        Assumptions.assumeTrue(false, message);
    }

    static String file(String set, String kind) {
        return DIR.resolve(set + "-" + kind + ".gz").toString();
    }

    @Test
    void theTrainingAndTestSetsHoldTheirImagesOf28By28AndTenBalancedLabels() {
        for (String set : List.of("train", "t10k")) {
            int n = set.equals("train") ? 60_000 : 10_000;
            try (IdxFile images = IdxFile.open(file(set, "images-idx3-ubyte"), "geometry.source", IdxFile.IMAGES,
                    CONF)) {
                assertThat(images.shape()).isEqualTo(n + "×28×28");
                assertThat(images.itemSize()).isEqualTo(784);
            }
            int[] counts = new int[256];
            for (int y : IdxSelection.readLabels(file(set, "labels-idx1-ubyte"), CONF)) {
                counts[y]++;
            }
            for (int y = 0; y < 256; y++) {
                assertThat(counts[y]).as("%s label %d", set, y).isEqualTo(y < 10 ? n / 10 : 0);
            }
        }
    }

    @Test
    void aSelectionMatchesAPlainReReadOfTheFiles() throws Exception {
        DatasetSpec spec = new DatasetSpec(file("train", "images-idx3-ubyte"), file("train", "labels-idx1-ubyte"), "",
                "", List.of(8, 3, 0), 7, PointNormalization.NONE, "");
        LabelledPoints p = DatasetReader.read(spec, CONF);

        byte[] labels = gunzip(spec.labelsSource(), 8);
        byte[] pixels = gunzip(spec.source(), 16);
        List<Integer> rows = new ArrayList<>();
        for (int c : new int[] {0, 3, 8}) {
            for (int i = 0, taken = 0; taken < 7; i++) {
                if (labels[i] == c) {
                    rows.add(i);
                    taken++;
                }
            }
        }
        assertThat(p.rows()).containsExactly(rows.stream().mapToInt(Integer::intValue).toArray());
        ByteBuffer b = ByteBuffer.allocate(8 + 21 * 784 * 8 + 21 * 4).putInt(21).putInt(784);
        double[][] points = p.points();
        for (int l = 0; l < 21; l++) {
            for (int k = 0; k < 784; k++) {
                int v = pixels[rows.get(l) * 784 + k] & 0xff;
                assertThat(points[l][k]).isEqualTo(v / 255.0);
                b.putDouble(v);
            }
        }
        for (int r : rows) {
            b.putInt(labels[r]);
        }
        assertThat(p.labels()).startsWith(0, 0, 0, 0, 0, 0, 0, 3).endsWith(8);
        assertThat(p.checksum()).isEqualTo(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(b.array())));
    }

    /** The whole decompressed file without its {@code header} bytes. */
    private static byte[] gunzip(String file, int header) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(Path.of(file)))) {
            new DataInputStream(in).skipNBytes(header);
            return in.readAllBytes();
        }
    }
}
