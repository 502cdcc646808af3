package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.export.chart.TileGrid;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export of a real one-layer population sweep on a small labelled IDX selection of 4 × 4
 * images (three classes of three images, each class a bright block in its own corner region, plus
 * a little per-image texture): the label figures are charts, the optima are drawn as tiles of the
 * size their rows and optima give, beside the class means; after the data file is removed, the
 * tiles are still drawn and a note says why the class means are missing.
 */
class DatasetExportIT extends SparkTestBase {
    private static final int SIDE = 4;
    private static final int[] LABELS = {0, 1, 2, 0, 1, 2, 0, 1, 2};
    private static final int SCALE = 3;

    @TempDir
    static Path tmp;
    static Path out;
    static NotebookExport.Result withData;
    static NotebookExport.Result withoutData;
    static int runExit;
    static String runErr;

    @BeforeAll
    static void sweepAndExport() throws Exception {
        Path images = tmp.resolve("images.idx");
        Path labels = tmp.resolve("labels.idx");
        Files.write(images, images());
        Files.write(labels, labels());
        Path spec = tmp.resolve("ds.conf");
        Files.writeString(spec, "sweep {\n name = ds-images\n seeds = 2\n train { lr = 1.0, steps = 2000, tol = 1e-9 }\n"
                + " geometry { kind = dataset, source = \"" + images + "\", labels_source = \"" + labels + "\",\n"
                + "   per_class = 3, normalize = center, noise = 0.05 }\n"
                + " grid { activation = [linear, relu], width = [2, 8] }\n}\n");
        out = tmp.resolve("out");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        runExit = Main.execute(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), "run", spec.toString(),
                "--out", out.toString(), "--master", "local[2]");
        runErr = err.toString(StandardCharsets.UTF_8);
        withData = NotebookExport.export(spark, out.toString(), tmp.resolve("export"));
        Files.delete(images);
        withoutData = NotebookExport.export(spark, out.toString(), tmp.resolve("export-nodata"));
    }

    /** Image i of class c = i mod 3: 200 on the 2 × 2 block of corner c (0, 1, 2: top left, top right, bottom left), 10 + i elsewhere. */
    private static byte[] images() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(0x00000803);
        o.writeInt(LABELS.length);
        o.writeInt(SIDE);
        o.writeInt(SIDE);
        for (int i = 0; i < LABELS.length; i++) {
            int r0 = LABELS[i] == 2 ? 2 : 0;
            int c0 = LABELS[i] == 1 ? 2 : 0;
            for (int r = 0; r < SIDE; r++) {
                for (int c = 0; c < SIDE; c++) {
                    boolean block = r >= r0 && r < r0 + 2 && c >= c0 && c < c0 + 2;
                    o.writeByte(block ? 200 : 10 + i + (r * SIDE + c) % 3);
                }
            }
        }
        return b.toByteArray();
    }

    private static byte[] labels() throws Exception {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(0x00000801);
        o.writeInt(LABELS.length);
        for (int y : LABELS) {
            o.writeByte(y);
        }
        return b.toByteArray();
    }

    private static List<Path> figures(NotebookExport.Result r, String slug) {
        return r.figures().stream().filter(p -> p.getFileName().toString().endsWith(slug + ".png")).toList();
    }

    private static String markdown(NotebookExport.Result r) throws Exception {
        return Files.readString(r.notebook(), StandardCharsets.UTF_8);
    }

    @Test
    void theLabelFiguresAreCharts() throws Exception {
        assertThat(runExit).as(runErr).isZero();
        for (String slug : List.of("label-purity-vs-width", "labels-covered-vs-width")) {
            List<Path> f = figures(withData, slug);
            assertThat(f).as(slug).hasSize(1);
            BufferedImage img = ImageIO.read(f.get(0).toFile());
            assertThat(img.getWidth()).isEqualTo(ExportContext.FIGURE_WIDTH);
            assertThat(img.getHeight()).isEqualTo(ExportContext.FIGURE_HEIGHT);
        }
    }

    @Test
    void theOptimaAreTilesBesideTheClassMeansOfTheSizeTheirRowsGive() throws Exception {
        assertThat(runExit).as(runErr).isZero();
        List<Map<String, Object>> perCell = DuckDb.query("SELECT r.activation, r.width, count(*) AS optima FROM "
                + DuckDb.table(out.resolve("optima")) + " o JOIN " + DuckDb.table(out.resolve("runs"))
                + " r ON o.cell_id = r.cell_id AND o.seed = r.seed WHERE r.seed = 1 AND o.analysis_alpha = 'uniform' "
                + "GROUP BY r.activation, r.width");
        assertThat(perCell).hasSize(4);
        int columns = 3;   // the class means
        for (Map<String, Object> c : perCell) {
            columns = Math.max(columns, ((Number) c.get("optima")).intValue());
        }
        int tile = SIDE * SCALE;
        for (NotebookExport.Result r : List.of(withData, withoutData)) {
            List<Path> f = figures(r, "dataset-optima-images");
            assertThat(f).hasSize(1);
            BufferedImage img = ImageIO.read(f.get(0).toFile());
            assertThat(img).isNotNull();
            int rows = r == withData ? 5 : 4;   // class means + 2 activations × 2 widths
            assertThat(img.getHeight()).isEqualTo(TileGrid.TITLE_HEIGHT
                    + rows * (tile + TileGrid.CAPTION_HEIGHT + TileGrid.GAP));
            assertThat(img.getWidth()).isGreaterThanOrEqualTo(TileGrid.LABEL_WIDTH + columns * (tile + TileGrid.GAP));
            // the first tile is drawn: not all of it is background white
            int firstTileY = TileGrid.TITLE_HEIGHT;
            boolean drawn = false;
            for (int y = firstTileY; y < firstTileY + tile; y++) {
                drawn |= (img.getRGB(TileGrid.LABEL_WIDTH + 1, y) & 0xffffff) != 0xffffff;
            }
            assertThat(drawn).isTrue();
        }
        assertThat(markdown(withData)).contains("## Distinct optima of a dataset run as images")
                .doesNotContain("No class means");
        assertThat(markdown(withoutData)).contains("No class means").contains("images.idx");
    }
}
