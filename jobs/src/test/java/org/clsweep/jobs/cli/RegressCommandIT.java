package org.clsweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clsweep regress} end to end on real one-layer population runs (local[2]): a baseline
 * written with {@code --update-baseline}; new nights with fresh seeds pass; a deliberate change
 * applied to the run only fails and names the cells and metrics; missing, empty, corrupt and
 * mismatched baselines are unusable input. Eight seeds: with four, Welch's test against a side
 * that is nearly constant has 3 degrees of freedom, and even leaky_slope 0.05 → 0.5 (mean best
 * cosine 0.994 → 0.955) stays below the corrected threshold.
 */
class RegressCommandIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = nightly-it\n seeds = 8\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05, mag_start = 1.0, mag_end = 0.5 }\n"
            + " train { lr = 1.0, steps = 2000, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu, leaky_relu], width = [6] }\n"
            + " regress {\n"
            + "   tolerance { coverage = 0.1, max_residual = 1e-6, mean_best_cosine = 1e-6 }\n"
            + "   exact { distinct_optima { activation = [linear] } }\n"
            + "   fresh_seeds = true\n"
            + " }\n}\n";

    @TempDir
    static Path tmp;
    static Path specFile;
    static Path baseline;

    /** One CLI invocation: exit code and both streams. */
    record Result(int code, String out, String err) {
    }

    static Result regress(String... args) {
        List<String> all = new ArrayList<>(List.of("regress", specFile.toString(), "--master", "local[2]"));
        all.addAll(List.of(args));
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), all.toArray(new String[0]));
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    static JsonNode report(Path out) throws IOException {
        return new ObjectMapper().readTree(out.resolve("regress").resolve("report.json").toFile());
    }

    @BeforeAll
    static void writeBaseline() throws IOException {
        specFile = tmp.resolve("nightly-it.conf");
        Files.writeString(specFile, SPEC);
        baseline = tmp.resolve("baselines").resolve("nightly-it");
        Result r = regress("--baseline", baseline.toString(), "--out", tmp.resolve("night0").toString(),
                "--update-baseline", "--seed-offset", "0");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).contains("BASELINE UPDATED: " + baseline + " now holds the results of this run (24 runs")
                .contains("nothing was compared");
    }

    @Test
    void theBaselineKeepsOnlyWhatTheComparisonNeeds() throws IOException {
        try (Stream<Path> s = Files.list(baseline)) {
            assertThat(s.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("manifest.json", "runs", "aggregates", "BASELINE.md");
        }
        assertThat(Files.readString(baseline.resolve("BASELINE.md")))
                .contains("--update-baseline --seed-offset 0").contains("24 OK, 0 DIVERGED, 0 FAILED");
    }

    @Test
    void newNightsWithFreshSeedsPass() throws IOException {
        for (long night = 1; night <= 2; night++) {
            Path out = tmp.resolve("night" + night);
            Result r = regress("--baseline", baseline.toString(), "--out", out.toString(), "--seed-offset",
                    Long.toString(night * 100_000));
            assertThat(r.code()).as(r.out() + r.err()).isZero();
            assertThat(r.out()).contains("PASS: ").contains("0 regressions");
            JsonNode json = report(out);
            assertThat(json.get("verdict").asText()).isEqualTo("PASS");
            assertThat(json.get("seed_offset").asLong()).isEqualTo(night * 100_000);
            assertThat(json.get("counts").get("cells_compared").asInt()).isEqualTo(3);
            assertThat(json.get("tests").asInt()).isPositive();
        }
        Result again = regress("--baseline", baseline.toString(), "--out", tmp.resolve("night1").toString(),
                "--seed-offset", "100000");
        assertThat(again.code()).isZero();
        assertThat(again.err()).as("a rerun of the same night reuses its sweep").contains("already complete in");
        // the linear cell's single optimum is compared exactly, seed by seed
        JsonNode exact = null;
        for (JsonNode c : report(tmp.resolve("night1")).get("comparisons")) {
            if (c.get("method").asText().equals("exact")) {
                exact = c;
            }
        }
        assertThat(exact).isNotNull();
        assertThat(exact.get("cell").asText()).isEqualTo("activation=linear, width=6");
        assertThat(exact.get("verdict").asText()).isEqualTo("PASS");
    }

    @Test
    void aDeliberateChangeToTheRunOnlyIsARegressionThatNamesCellsAndMetrics() throws Exception {
        Path out = tmp.resolve("slope");
        Result r = regress("--baseline", baseline.toString(), "--out", out.toString(), "--seed-offset", "100000",
                "--set", "leaky_slope=0.5");
        assertThat(r.code()).as(r.out() + r.err()).isEqualTo(1);
        assertThat(r.out()).contains("REGRESSION: ").contains("REGRESSION activation=leaky_relu, width=6 / ");
        JsonNode json = report(out);
        assertThat(json.get("perturbations").get(0).asText()).isEqualTo("leaky_slope: 0.05 → 0.5");
        List<String> moved = new ArrayList<>();
        for (JsonNode c : json.get("comparisons")) {
            if (c.get("verdict").asText().equals("REGRESSION")) {
                assertThat(c.get("cell").asText()).as("only the leaky cell moved").isEqualTo("activation=leaky_relu, width=6");
                moved.add(c.get("metric").asText());
            }
        }
        assertThat(moved).isNotEmpty();
        String md = Files.readString(out.resolve("regress").resolve("report.md"));
        assertThat(md).startsWith("# Regression check: nightly-it — REGRESSION")
                .contains("- `leaky_slope: 0.05 → 0.5`")
                .contains("| activation=leaky_relu, width=6 | `" + moved.get(0) + "` |");
        List<Map<String, Object>> rows = DuckDb.query("SELECT metric FROM "
                + DuckDb.table(out.resolve("regress").resolve("comparisons")) + " WHERE verdict = 'REGRESSION'");
        assertThat(rows).extracting(m -> m.get("metric")).containsExactlyInAnyOrderElementsOf(moved);
    }

    @Test
    void aBaselineWithOnlyAggregatesIsComparedOnItsSummaries() throws IOException {
        Path agg = tmp.resolve("aggregates-only");
        Files.createDirectories(agg);
        Files.copy(baseline.resolve("manifest.json"), agg.resolve("manifest.json"));
        copyTree(baseline.resolve("aggregates"), agg.resolve("aggregates"));
        Path out = tmp.resolve("against-aggregates");
        Result r = regress("--baseline", agg.toString(), "--out", out.toString(), "--seed-offset", "400000");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(report(out).get("baseline").get("source").asText()).isEqualTo("aggregates");
    }

    @Test
    void missingEmptyCorruptOrMismatchedBaselinesAreUnusable() throws IOException {
        Path out = tmp.resolve("unusable");
        Result missing = regress("--baseline", tmp.resolve("nowhere").toString(), "--out", out.toString());
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot compare: baseline " + tmp.resolve("nowhere") + " does not exist");

        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Result e = regress("--baseline", empty.toString(), "--out", out.toString());
        assertThat(e.code()).isEqualTo(2);
        assertThat(e.err()).contains("baseline " + empty + " has no manifest.json: it is empty or not a clsweep sweep "
                + "output directory");

        Path corrupt = tmp.resolve("corrupt-manifest");
        copyTree(baseline, corrupt);
        Files.writeString(corrupt.resolve("manifest.json"), "{ \"format\": 1, \"sweep\": ");
        Result c = regress("--baseline", corrupt.toString(), "--out", out.toString());
        assertThat(c.code()).isEqualTo(2);
        assertThat(c.err()).contains("baseline " + corrupt + " has a corrupt manifest.json");

        Path badRuns = tmp.resolve("corrupt-runs");
        copyTree(baseline, badRuns);
        try (Stream<Path> s = Files.list(badRuns.resolve("runs"))) {
            for (Path p : s.filter(p -> p.toString().endsWith(".parquet")).toList()) {
                Files.writeString(p, "PAR1 truncated");
            }
        }
        Result b = regress("--baseline", badRuns.toString(), "--out", out.toString());
        assertThat(b.code()).isEqualTo(2);
        assertThat(b.err()).contains("cannot read the baseline's runs table " + badRuns.resolve("runs"));
        assertThat(out.resolve("runs")).as("the sweep does not run against an unusable baseline").doesNotExist();

        Path other = tmp.resolve("other.conf");
        Files.writeString(other, SPEC.replace("patterns = 4", "patterns = 3").replace("lr = 1.0", "lr = 0.5"));
        List<String> args = new ArrayList<>(List.of("regress", other.toString(), "--baseline", baseline.toString(),
                "--out", out.toString()));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args.toArray(new String[0]));
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("is from a different sweep spec ('nightly-it'")
                .contains("geometry.patterns: 4 → 3").contains("train.lr: 1 → 0.5");
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
