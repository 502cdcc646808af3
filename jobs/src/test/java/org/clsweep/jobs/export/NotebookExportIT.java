package org.clsweep.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.sweep.FaultInjection;
import org.clsweep.jobs.sweep.SweepDriver;
import org.clsweep.jobs.sweep.SweepOptions;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs three small sweeps through the real sweep job ({@link SweepDriver}) with a toy model
 * ({@link SyntheticRuns}) in place of the simulation — one layer with a diverged and a failed run;
 * a leaky-slope plus two-layer sweep whose linear one-layer cells contradict the paper; a sweep
 * whose aggregates were removed — exports them once per class (the last through the CLI) and
 * checks the notebooks, their figures, their text, their queries (run again in DuckDB) and their
 * HTML forms.
 */
class NotebookExportIT extends SparkTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SQL = Pattern.compile("sql = \"\"\"\n(.*?)\n\"\"\"", Pattern.DOTALL);
    private static final Pattern MORE_ROWS = Pattern.compile("\\((\\d+) more rows: run the query to see all (\\d+)\\)");

    static final String ONE_LAYER = """
            sweep {
              name = onelayer-test
              seeds = 4
              geometry { patterns = 6, dim = 8, mag_start = 1.0, mag_end = 0.5 }
              grid { activation = [linear, relu, leaky_relu], width = [1, 2, 4, 8, 16] }
            }
            """;
    static final String MIXED = """
            sweep {
              name = mixed-test
              seeds = 3
              geometry { patterns = 6, dim = 8, mag_start = 1.0, mag_end = 0.5 }
              tokens { vocab = 6, locations = 4, per_location = 3, patterns = 4, pattern_len = 2, aug_degree = 2 }
              train { steps = 2000 }
              grid = [
                { activation = [leaky_relu], leaky_slope = [0.0, 0.25, 0.5, 0.75, 1.0], width = [4, 16] }
                { activation = [linear], width = [4, 16] }
                { model = [twolayer], mode = [sgd], activation = [linear, relu], net { batchnorm = [true, false] },
                  width = [1, 2, 5] }
              ]
            }
            """;
    static final String RANDOM = """
            sweep {
              name = random-test
              seeds = 3
              geometry { kind = random, patterns = 4, dim = 8 }
              grid { activation = [relu], width = [2, 8] }
            }
            """;
    static final String NO_AGGREGATES = """
            sweep {
              name = noagg-test
              seeds = 2
              grid { width = [2, 4] }
            }
            """;

    @TempDir
    static Path tmp;

    static NotebookExport.Result oneLayer;
    static NotebookExport.Result mixed;
    static NotebookExport.Result noAggregates;
    static NotebookExport.Result random;
    static int cliExit;
    static String cliOut;

    @BeforeAll
    static void export() throws Exception {
        Path out1 = sweep(ONE_LAYER, "out-onelayer", new SyntheticRuns(1, List.of("relu/4/2"), List.of("linear/16/3")));
        oneLayer = NotebookExport.export(spark, out1.toString(), tmp.resolve("export-onelayer"));

        Path out2 = sweep(MIXED, "out-mixed", new SyntheticRuns(3, List.of(), List.of()));
        mixed = NotebookExport.export(spark, out2.toString(), tmp.resolve("export-mixed"));

        Path outRandom = sweep(RANDOM, "out-random", new SyntheticRuns(1, List.of(), List.of()));
        random = NotebookExport.export(spark, outRandom.toString(), tmp.resolve("export-random"));

        Path out3 = sweep(NO_AGGREGATES, "out-noagg", new SyntheticRuns(1, List.of(), List.of()));
        try (Stream<Path> files = Files.walk(out3.resolve("aggregates"))) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        Files.delete(out3.resolve("manifest.json"));
        Path dir = tmp.resolve("export-noagg");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        cliExit = Main.execute(new PrintStream(stdout, true, StandardCharsets.UTF_8), System.err, "export",
                out3.toString(), "--to", dir.toString());
        cliOut = stdout.toString(StandardCharsets.UTF_8);
        noAggregates = new NotebookExport.Result("noagg-test", dir.resolve("noagg-test.ipynb"),
                dir.resolve("noagg-test.html"), List.of());
    }

    /** Runs {@code spec} with {@code model} through the sweep job into {@code tmp/name}. */
    private static Path sweep(String spec, String name, SyntheticRuns model) throws Exception {
        Path file = tmp.resolve(name + ".conf");
        Files.writeString(file, spec);
        SweepSpec s = SpecParser.parseFile(file, List.of());
        Path out = tmp.resolve(name);
        try (OutputDirectory dir = OutputDirectory.open(out.toString(), spark.sparkContext().hadoopConfiguration())) {
            assertThat(dir.inspect(s).state()).isEqualTo(OutputDirectory.State.EMPTY);
            SweepDriver.run(spark, s, Grid.expand(s), dir, new SweepOptions(model, FaultInjection.NONE, false), null);
        }
        return out;
    }

    @Test
    void writesNotebookHtmlAndFigureFilesNamedAfterTheSweep() {
        assertThat(oneLayer.notebook()).isRegularFile().hasFileName("onelayer-test.ipynb");
        assertThat(oneLayer.html()).isRegularFile().hasFileName("onelayer-test.html");
        assertThat(oneLayer.figures()).extracting(p -> p.getFileName().toString()).containsExactly(
                "fig01-distinct-optima-vs-width.png", "fig02-coverage-vs-prediction.png",
                "fig03-basin-probabilities.png", "fig04-gap-vs-roughness.png");
        assertThat(mixed.figures()).extracting(p -> p.getFileName().toString()).containsExactly(
                "fig01-distinct-optima-vs-width.png", "fig02-coverage-vs-prediction.png",
                "fig03-distinct-optima-vs-leaky-slope.png", "fig04-basin-probabilities.png",
                "fig05-gap-vs-roughness.png", "fig06-loc-vs-beta.png", "fig07-learning-curves-beta-1.png",
                "fig08-learning-curves-beta-2.png", "fig09-learning-curves-beta-5.png",
                "fig10-token-learning-time.png", "fig11-token-learning-share-1.png",
                "fig12-token-learning-share-2.png", "fig13-token-learning-share-3.png",
                "fig14-token-learning-share-4.png");
    }

    @Test
    void patternsDrawnPerSeedArePredictedFromEachSeedsOwnBasins() throws Exception {
        assertThat(markdown(random)).contains("Where every seed draws its own patterns (relu) the dashed line is "
                + "instead the mean over seeds of the prediction from each seed's own p_l (column "
                + "`predicted_coverage_per_seed`)");
        assertThat(markdown(oneLayer)).doesNotContain("Where every seed draws its own patterns");
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
                "injected fault in run linear/16/3");
        assertThat(markdown(mixed)).contains("No run was left out: all 72 runs finished with status OK.");
    }

    @Test
    void statesWhatThePaperPredictsAndWhetherTheDataShowsIt() throws Exception {
        assertThat(markdown(oneLayer)).contains(
                "- linear: distinct optima = 1 at every width: **yes** (1 at widths 1, 2, 4, 8, 16)",
                "- relu: more than one distinct optimum at the largest width: **yes** (",
                "- relu: distinct optima grow with width: **yes** (1 at width 1 → ",
                "- relu: observed coverage agrees with the brute-force prediction: **yes** (5 of 5 widths",
                "- relu: coverage grows with width towards 1: **yes**",
                "- linear: at most one pattern has a basin: **yes** (1 of 6 patterns with p_l > 0",
                "- relu: every pattern has a basin: **yes** (6 of 6 patterns with p_l > 0",
                "- relu: every converged optimum is a strict local maximum: **yes** (",
                "optima with residual ≤ 1.000e-06 have a positive stability margin (0 unconverged left out)");
        assertThat(markdown(oneLayer)).doesNotContain("leaky_relu: distinct optima grow");
        String mixedMd = markdown(mixed);
        assertThat(mixedMd).contains(
                "- width=4: distinct optima fall as the slope goes from 0 towards 1: **yes** (",
                "- width=16: distinct optima fall as the slope goes from 0 towards 1: **yes** (",
                " at c 0 → 1 at c 1; non-increasing at every step: yes)",
                "- leaky_relu, leaky_slope=0: distinct optima grow with width: **yes**",
                "- leaky_relu, leaky_slope=1: distinct optima = 1 at every width: **yes**",
                "- relu, BN: loc_all above loc_other_all at every β: **yes** (3 of 3 β",
                "- relu recovers more pattern tokens than linear (loc_all) at the same BatchNorm setting and β: "
                        + "**yes** (6 of 6 matching cells",
                "- relu, no BN, β = 5: loc_all rises during training and ends above loc_other_all: **yes**",
                "- relu, BN, β = 5: tokens no pattern uses are learned less often than pattern tokens: **yes**",
                "relu, BN, β = 5: 1500 at patterns using 1 → 500 at patterns using 3 (fewer than half learned at 0 "
                        + "patterns)");
        assertThat(mixedMd).as("no ReLU or linear claim for 0 < c < 1").doesNotContain("leaky_slope=0.5: distinct");
        assertThat(mixedMd).contains("## Two layers: share of tokens learned by iteration, pattern vs background",
                "relu, BN, β = 5 (budget 2000): pattern ");
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
                        + "no rows of OK two-layer runs.",
                "## Label purity and labels covered vs width (labelled data)\n\n**Skipped.** the sweep has no one-layer "
                        + "cell on labelled data",
                "## Distinct optima of a dataset run as images\n\n**Skipped.** the sweep has no OK one-layer run on a "
                        + "dataset geometry (geometry.kind = dataset) with optima.");
        String md = markdown(noAggregates);
        assertThat(md).contains("## Manifest\n\n**Skipped.** the sweep output has no `" + tmp.resolve("out-noagg")
                + "/manifest.json`.");
        assertThat(md).contains("## Distinct optima vs width\n\n**Skipped.** the sweep has no aggregates table",
                "`clsweep aggregate OUT` computes it");
        assertThat(md).contains("No run was left out: all 4 runs finished with status OK.");
        assertThat(noAggregates.notebook()).isRegularFile();
        assertThat(noAggregates.html()).isRegularFile();
        // the gap-against-roughness figure reads the optima and runs tables only
        assertThat(noAggregates.notebook().resolveSibling("figures")).isDirectoryContaining(
                p -> p.getFileName().toString().equals("fig01-gap-vs-roughness.png"));
    }

    @Test
    void endsWithTheManifestVerbatim() throws Exception {
        Path manifest = tmp.resolve("out-onelayer").resolve("manifest.json");
        assertThat(markdown(oneLayer)).endsWith("## Manifest\n\nThe sweep's manifest (`" + manifest + "`): the "
                + "resolved spec, the run counts and the provenance of the code and platform that produced the "
                + "runs.\n\n```json\n" + Files.readString(manifest).strip() + "\n```\n\n");
    }

    @Test
    void theCliVerbExportsAndRejectsADirectoryWithoutRuns() throws Exception {
        assertThat(cliExit).isZero();
        assertThat(cliOut).contains("noagg-test: notebook " + noAggregates.notebook() + ", HTML "
                + noAggregates.html() + ", 1 figure in " + noAggregates.notebook().resolveSibling("figures"));
        Path empty = Files.createDirectories(tmp.resolve("cli-empty"));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.execute(System.out, new PrintStream(err, true, StandardCharsets.UTF_8), "export",
                empty.toString(), "--to", tmp.resolve("cli-x").toString());
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no runs table: not a finished clsweep output");
        assertThat(tmp.resolve("cli-x")).doesNotExist();
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
