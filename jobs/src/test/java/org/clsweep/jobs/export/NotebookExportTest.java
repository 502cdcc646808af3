package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exports synthetic sweeps (one layer with a diverged and a failed run; a leaky-slope plus
 * two-layer sweep with traces whose linear one-layer cells contradict the paper; one without
 * aggregates) once per class and checks the notebook, its figures, its text, its queries (run again in
 * DuckDB) and its HTML forms.
 */
class NotebookExportTest extends ExportSparkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SQL = Pattern.compile("sql = \"\"\"\n(.*?)\n\"\"\"", Pattern.DOTALL);
    private static final Pattern MORE_ROWS = Pattern.compile("\\((\\d+) more rows: run the query to see all (\\d+)\\)");

    @TempDir
    static Path tmp;

    static NotebookExport.Result oneLayer;
    static NotebookExport.Result mixed;
    static NotebookExport.Result noAggregates;

    @BeforeAll
    static void export() throws Exception {
        String out1 = tmp.resolve("out-onelayer").toString();
        new SyntheticSweep("onelayer-test")
                .oneLayer(List.of("linear", "relu", "leaky_relu"), List.of(0.1), List.of(1, 2, 4, 8, 16))
                .bad("relu", 4, 2, "DIVERGED", "non-finite loss at step 37")
                .bad("linear", 16, 3, "FAILED", "java.lang.IllegalStateException: boom")
                .write(spark, out1, true);
        Files.writeString(Path.of(out1, "manifest.json"), "{\"sweep\": \"onelayer-test\", \"runs\": 60}\n");
        oneLayer = NotebookExport.export(spark, out1, tmp.resolve("export-onelayer"));

        String out2 = tmp.resolve("out-mixed").toString();
        new SyntheticSweep("mixed-test").seeds(3).linearBasins(3)
                .oneLayer(List.of("leaky_relu"), List.of(0.0, 0.25, 0.5, 0.75, 1.0), List.of(4, 16))
                .oneLayer(List.of("linear"), List.of(0.1), List.of(4, 16))
                .twoLayer(List.of("linear", "relu"), List.of(true, false), List.of(1, 2, 5))
                .write(spark, out2, true);
        mixed = NotebookExport.export(spark, out2, tmp.resolve("export-mixed"));

        String out3 = tmp.resolve("out-noagg").toString();
        new SyntheticSweep("noagg-test").seeds(2)
                .oneLayer(List.of("relu"), List.of(0.1), List.of(2, 4))
                .write(spark, out3, false);
        noAggregates = NotebookExport.export(spark, out3, tmp.resolve("export-noagg"));
    }

    @Test
    void writesNotebookHtmlAndFigureFilesNamedAfterTheSweep() {
        assertThat(oneLayer.notebook()).isRegularFile().hasFileName("onelayer-test.ipynb");
        assertThat(oneLayer.html()).isRegularFile().hasFileName("onelayer-test.html");
        assertThat(oneLayer.figures()).extracting(p -> p.getFileName().toString()).containsExactly(
                "fig01-distinct-optima-vs-width.png", "fig02-coverage-vs-prediction.png",
                "fig03-basin-probabilities.png");
        assertThat(mixed.figures()).extracting(p -> p.getFileName().toString()).containsExactly(
                "fig01-distinct-optima-vs-width.png", "fig02-coverage-vs-prediction.png",
                "fig03-distinct-optima-vs-leaky-slope.png", "fig04-basin-probabilities.png",
                "fig05-loc-vs-beta.png", "fig06-learning-curves-beta-1.png", "fig07-learning-curves-beta-2.png",
                "fig08-learning-curves-beta-5.png", "fig09-token-learning-time.png");
    }

    @Test
    void figuresAreRealPngsEmbeddedInTheNotebook() throws Exception {
        for (NotebookExport.Result r : List.of(oneLayer, mixed)) {
            List<byte[]> embedded = images(JSON.readTree(r.notebook().toFile()));
            assertThat(embedded).hasSameSizeAs(r.figures());
            for (int i = 0; i < embedded.size(); i++) {
                byte[] file = Files.readAllBytes(r.figures().get(i));
                assertThat(embedded.get(i)).as("embedded figure %d equals its file", i + 1).isEqualTo(file);
                BufferedImage img = ImageIO.read(new ByteArrayInputStream(file));
                assertThat(img).as("figure %s decodes", r.figures().get(i)).isNotNull();
                assertThat(img.getWidth()).isEqualTo(ExportContext.FIGURE_WIDTH);
                assertThat(img.getHeight()).isEqualTo(ExportContext.FIGURE_HEIGHT);
                assertThat(file.length).as("a chart, not a blank image").isGreaterThan(15_000);
            }
        }
    }

    @Test
    void notebookHasTheNbformat45Structure() throws Exception {
        JsonNode root = JSON.readTree(mixed.notebook().toFile());
        assertThat(root.get("nbformat").asInt()).isEqualTo(4);
        assertThat(root.get("nbformat_minor").asInt()).isEqualTo(5);
        Set<String> ids = new HashSet<>();
        for (JsonNode c : root.get("cells")) {
            assertThat(c.get("cell_type").asText()).isIn("markdown", "code");
            assertThat(ids.add(c.get("id").asText())).as("unique id " + c.get("id")).isTrue();
            if (c.get("cell_type").asText().equals("code")) {
                assertThat(c.get("execution_count").isNull()).isTrue();
                for (JsonNode o : c.get("outputs")) {
                    assertThat(o.get("output_type").asText()).isEqualTo("display_data");
                    assertThat(o.get("data").has("text/plain")).isTrue();
                }
            }
        }
    }

    @Test
    void saysHowManyRunsWereLeftOutAndListsThem() throws Exception {
        String md = markdown(oneLayer);
        assertThat(md).contains("**Left out: 2 of 60 runs** (1 DIVERGED, 1 FAILED). The figures and tables use the "
                + "58 runs with status OK");
        String text = outputs(oneLayer);
        assertThat(text).contains("DIVERGED", "non-finite loss at step 37", "FAILED",
                "java.lang.IllegalStateException: boom");
        assertThat(markdown(mixed)).contains("No run was left out: all 72 runs finished with status OK.");
    }

    @Test
    void statesWhatThePaperPredictsAndWhetherTheDataShowsIt() throws Exception {
        assertThat(markdown(oneLayer)).contains(
                "- linear: distinct optima = 1 at every width: **yes** (1 at widths 1, 2, 4, 8, 16)",
                "- relu: more than one distinct optimum at the largest width: **yes** (6 at width 16)",
                "- relu: distinct optima grow with width: **yes** (1 at width 1 → 6 at width 16)",
                "- relu: observed coverage agrees with the brute-force prediction: **yes** (5 of 5 widths",
                "- relu: coverage grows with width towards 1: **yes**",
                "- linear: at most one pattern has a basin: **yes** (1 of 6 patterns with p_l > 0",
                "- relu: every pattern has a basin: **yes** (6 of 6 patterns with p_l > 0");
        assertThat(markdown(oneLayer)).doesNotContain("leaky_relu: distinct optima grow");
        String mixedMd = markdown(mixed);
        assertThat(mixedMd).contains(
                "- width=4: distinct optima fall as the slope goes from 0 towards 1: **yes** (3 at c 0 → 1 at c 1",
                "- width=16: distinct optima fall as the slope goes from 0 towards 1: **yes** (6 at c 0 → 1 at c 1",
                "- leaky_relu, leaky_slope=0: distinct optima grow with width: **yes**",
                "- leaky_relu, leaky_slope=1: distinct optima = 1 at every width: **yes**",
                "- relu, BN: loc_all above loc_other_all at every β: **yes** (3 of 3 β",
                "- relu recovers more pattern tokens than linear (loc_all) at the same BatchNorm setting and β: "
                        + "**yes** (6 of 6 matching cells",
                "- relu, no BN, β = 5: loc_all rises during training and ends above loc_other_all: **yes**",
                "- relu, BN, β = 5: tokens no pattern uses are learned less often than pattern tokens: **yes**",
                "relu, BN, β = 5: 1750 at patterns using 0 → 500 at patterns using 3");
        assertThat(mixedMd).as("no ReLU or linear claim for 0 < c < 1").doesNotContain("leaky_slope=0.5: distinct");
    }

    @Test
    void checksSayNoWhenTheDataContradictsThePaper() throws Exception {
        // the mixed sweep's linear cells land in 3 basins; leaky_relu with c = 1 behaves as linear should
        assertThat(markdown(mixed)).contains(
                "- linear: distinct optima = 1 at every width: **no**",
                "- linear: at most one pattern has a basin: **no** (3 of 6 patterns with p_l > 0",
                "- leaky_relu, leaky_slope=1: at most one pattern has a basin: **yes**");
    }

    @Test
    void skipsFiguresWhoseDataIsAbsentWithANote() throws Exception {
        assertThat(markdown(oneLayer)).contains(
                "## Distinct optima vs leaky slope\n\n**Skipped.** `leaky_slope` is not a grid axis of this sweep.",
                "## Two layers: pattern recovery vs β\n\n**Skipped.** the sweep has no two-layer cells.",
                "## Two layers: learning curves\n\n**Skipped.** the trace table has no rows of OK two-layer runs.",
                "## Two layers: token learning time vs patterns using the token\n\n**Skipped.** the tokens table has "
                        + "no rows of OK two-layer runs.");
        assertThat(markdown(mixed)).contains("## Manifest\n\n**Skipped.** the sweep output has no `"
                + tmp.resolve("out-mixed") + "/manifest.json`.");
        String md = markdown(noAggregates);
        assertThat(md).contains("## Distinct optima vs width\n\n**Skipped.** the sweep has no aggregates table",
                "`clsweep aggregate OUT` computes it");
        assertThat(md).contains("No run was left out: all 4 runs finished with status OK.");
        assertThat(noAggregates.figures()).isEmpty();
        assertThat(noAggregates.notebook()).isRegularFile();
    }

    @Test
    void endsWithTheManifestVerbatim() throws Exception {
        assertThat(markdown(oneLayer)).endsWith("## Manifest\n\nThe sweep's manifest (`" + tmp.resolve("out-onelayer")
                + "/manifest.json`): the resolved spec, the run counts and the provenance of the code and platform "
                + "that produced the runs.\n\n```json\n{\"sweep\": \"onelayer-test\", \"runs\": 60}\n```\n\n");
    }

    @Test
    void everyQueryRunsInDuckDbOnTheParquetFilesWithTheSameResultSize() throws Exception {
        int queries = 0;
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            for (NotebookExport.Result r : List.of(oneLayer, mixed, noAggregates)) {
                for (JsonNode cell : JSON.readTree(r.notebook().toFile()).get("cells")) {
                    Matcher m = SQL.matcher(join(cell.get("source")));
                    if (!m.find()) {
                        continue;
                    }
                    String sql = m.group(1);
                    assertThat(sql).contains("read_parquet('" + tmp);
                    int rows = 0;
                    int columns;
                    try (ResultSet rs = st.executeQuery(sql)) {
                        columns = rs.getMetaData().getColumnCount();
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    assertThat(rows).as("rows of:\n%s", sql).isEqualTo(expectedRows(cell.get("outputs")));
                    String header = join(tableOutput(cell.get("outputs")).get("text/plain")).split("\n")[0];
                    assertThat(header.trim().split("\\s+")).as("columns of:\n%s", sql).hasSize(columns);
                    queries++;
                }
            }
        }
        assertThat(queries).isGreaterThan(15);
    }

    @Test
    void htmlExportIsSelfContainedWithTheFiguresInline() throws Exception {
        String html = Files.readString(mixed.html(), StandardCharsets.UTF_8);
        assertThat(count(html, "<img src=\"data:image/png;base64,")).isEqualTo(mixed.figures().size());
        assertThat(html).doesNotContain("<script", "src=\"http", "href=\"http", "<link");
        assertThat(html).contains("<h1>Sweep <code>mixed-test</code></h1>",
                "relu, BN: loc_all above loc_other_all at every β: <strong>yes</strong>");
    }

    @Test
    void nbformatValidatesAndNbconvertConvertsTheNotebookToHtml() throws Exception {
        NotebookTools.assumeAvailable();
        for (NotebookExport.Result r : List.of(oneLayer, mixed, noAggregates)) {
            NotebookTools.Output v = NotebookTools.python("-c",
                    "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))",
                    r.notebook().toString());
            assertThat(v.exitCode()).as("nbformat.validate: %s", v.text()).isZero();
        }
        Path dir = tmp.resolve("nbconvert");
        NotebookTools.Output o = NotebookTools.python("-m", "nbconvert", "--to", "html", "--output-dir", dir.toString(),
                mixed.notebook().toString());
        assertThat(o.exitCode()).as("nbconvert: %s", o.text()).isZero();
        String html = Files.readString(dir.resolve("mixed-test.html"), StandardCharsets.UTF_8);
        assertThat(count(html, "<img src=\"data:image/png;base64,")).isEqualTo(mixed.figures().size());
        assertThat(html).contains("No run was left out", "relu, BN: loc_all above loc_other_all at every β");
    }

    @Test
    void rejectsADirectoryWithoutARunsTable() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty-out"));
        assertThatThrownBy(() -> NotebookExport.export(spark, empty.toString(), tmp.resolve("x")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a sweep output: no Parquet files in " + empty + "/runs");
    }

    private static String markdown(NotebookExport.Result r) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : JSON.readTree(r.notebook().toFile()).get("cells")) {
            if (c.get("cell_type").asText().equals("markdown")) {
                sb.append(join(c.get("source"))).append("\n\n");
            }
        }
        return sb.toString();
    }

    private static String outputs(NotebookExport.Result r) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (JsonNode c : JSON.readTree(r.notebook().toFile()).get("cells")) {
            for (JsonNode o : c.path("outputs")) {
                sb.append(join(o.get("data").get("text/plain"))).append('\n');
            }
        }
        return sb.toString();
    }

    private static List<byte[]> images(JsonNode root) {
        List<byte[]> out = new ArrayList<>();
        for (JsonNode c : root.get("cells")) {
            for (JsonNode o : c.path("outputs")) {
                if (o.get("data").has("image/png")) {
                    out.add(Base64.getDecoder().decode(o.get("data").get("image/png").asText()));
                }
            }
        }
        return out;
    }

    private static JsonNode tableOutput(JsonNode outputs) {
        for (JsonNode o : outputs) {
            if (o.get("data").has("text/html")) {
                return o.get("data");
            }
        }
        throw new AssertionError("no table output in " + outputs);
    }

    /** The rows the table shows (plain text lines minus header and rule), or the total a truncation note gives. */
    private static int expectedRows(JsonNode outputs) {
        for (JsonNode o : outputs) {
            Matcher m = MORE_ROWS.matcher(join(o.get("data").get("text/plain")));
            if (m.find()) {
                return Integer.parseInt(m.group(2));
            }
        }
        return join(tableOutput(outputs).get("text/plain")).split("\n").length - 2;
    }

    private static String join(JsonNode lines) {
        if (lines.isTextual()) {
            return lines.asText();
        }
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l.asText()));
        return sb.toString();
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }
}
