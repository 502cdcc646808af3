package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OptimaTable;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.PartRecord;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.RunsTable;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.LegacyParts;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.ScriptedRuns;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Resuming and extending a sweep in place, on local[2] with {@link ScriptedRuns}: a base output of
 * 2 cells (width 1, 4) × seeds 1, 2 made by one attempt, then copies of it extended, cut short,
 * given overlapping parts, or retried; and twenty-odd kinds of bad input that must leave an
 * existing output byte-for-byte as it was.
 */
class ResumeIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = resume\n seeds = 2\n geometry { patterns = 3, dim = 4 }\n"
            + " grid { width = [1, 4] }\n}\n";
    static final List<String> TABLES = List.of("runs", "optima", "trace", "tokens");

    @TempDir
    static Path tmp;
    static Path specFile;
    static Path base;

    @BeforeAll
    static void baseSweep() throws Exception {
        specFile = tmp.resolve("resume.conf");
        Files.writeString(specFile, SPEC);
        base = tmp.resolve("base");
        Manifest m = sweep(base, List.of(), false, null);
        assertThat(m.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(m.attempt()).isEqualTo(1);
        assertThat(m.computed()).isEqualTo(4);
    }

    static Manifest sweep(Path out, List<String> sets, boolean retryFailed, StringWriter console) throws Exception {
        SweepSpec spec = SpecParser.parseFile(specFile, sets);
        try (OutputDirectory dir = OutputDirectory.open(out.toString(), spark.sparkContext().hadoopConfiguration())) {
            return SweepDriver.run(spark, spec, Grid.expand(spec), dir,
                    new SweepOptions(new ScriptedRuns(), FaultInjection.NONE, retryFailed),
                    console == null ? null : new PrintWriter(console));
        }
    }

    static Manifest manifest(Path out) throws Exception {
        return Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
    }

    /** The names of the committed parts (commit records). */
    static List<String> parts(Path out) throws Exception {
        return LegacyParts.records(out).stream().map(PartRecord::part).toList();
    }

    /** The (width, seed) pairs the parts of one attempt hold, sorted. */
    static List<String> runsOfAttempt(Path out, int attempt) throws Exception {
        return DuckDb.query("SELECT CAST(width AS VARCHAR) || '/' || CAST(seed AS VARCHAR) AS r FROM read_parquet('" + out.resolve(ResultParts.DIR)
                + String.format("/a%05d-*/*.parquet')", attempt) + " ORDER BY width, seed").stream()
                .map(r -> (String) r.get("r")).toList();
    }

    static void assertSameTables(Path actual, Path expected) throws Exception {
        assertSameTables(actual, expected, TABLES);
    }

    static void assertSameTables(Path actual, Path expected, List<String> tables) throws Exception {
        for (String t : tables) {
            assertThat(OutputTrees.rows(actual, t)).as(t).isEqualTo(OutputTrees.rows(expected, t));
        }
    }

    static void assertEachRunOnce(Path out, long runs) throws Exception {
        Map<String, Object> c = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(out.resolve("runs"))).get(0);
        assertThat(c.get("n")).isEqualTo(runs);
        assertThat(c.get("d")).isEqualTo(runs);
    }

    @Test
    void addedSeedsRunOnlyTheNewRuns() throws Exception {
        Path ext = tmp.resolve("ext-seeds");
        OutputTrees.copy(base, ext);
        Path firstDir = LegacyParts.directory(ext, "a00001-b000000");
        String firstPart = OutputTrees.fingerprint(firstDir);
        StringWriter console = new StringWriter();
        Manifest m = sweep(ext, List.of("seeds=4"), false, console);

        assertThat(runsOfAttempt(ext, 2)).containsExactly("1/3", "1/4", "4/3", "4/4");
        assertThat(OutputTrees.fingerprint(firstDir))
                .as("committed parts are never rewritten").isEqualTo(firstPart);
        assertThat(m.attempt()).isEqualTo(2);
        assertThat(m.reused()).isEqualTo(4);
        assertThat(m.computed()).isEqualTo(4);
        assertThat(m.runs()).isEqualTo(8);
        assertThat(m.count(RunStatus.FAILED)).isEqualTo(2);
        assertThat(m.history()).singleElement().satisfies(a -> {
            assertThat(a.number()).isEqualTo(1);
            assertThat(a.status()).isEqualTo(ManifestStatus.COMPLETE);
            assertThat(a.computed()).isEqualTo(4);
        });
        assertThat(console.toString())
                .contains("the spec extends the sweep in this directory by 4 runs; changed keys: seeds (+3, 4)")
                .contains("attempt 2: 4 of 8 runs have a committed result and are kept (3 OK, 1 DIVERGED, 0 FAILED);"
                        + " 4 to run")
                .contains("[resume] 8/8 runs (100%), 2 failed");

        Path fresh = tmp.resolve("fresh-seeds");
        sweep(fresh, List.of("seeds=4"), false, null);
        assertSameTables(ext, fresh);
        assertEachRunOnce(ext, 8);
        assertThat(DuckDb.query("SELECT DISTINCT spec_hash FROM " + DuckDb.table(ext.resolve("runs"))))
                .extracting(r -> r.get("spec_hash")).containsExactly(m.specHash());
    }

    @Test
    void addedGridValuesRunOnlyTheNewCells() throws Exception {
        Path ext = tmp.resolve("ext-width");
        OutputTrees.copy(base, ext);
        Manifest m = sweep(ext, List.of("grid.width=[1, 4, 16]"), false, null);
        assertThat(runsOfAttempt(ext, 2)).containsExactly("16/1", "16/2");
        assertThat(m.computed()).isEqualTo(2);
        assertThat(m.cells()).isEqualTo(3);
        Path fresh = tmp.resolve("fresh-width");
        sweep(fresh, List.of("grid.width=[1, 4, 16]"), false, null);
        assertSameTables(ext, fresh);
        assertThat(OutputTrees.rows(ext, "aggregates")).isEqualTo(OutputTrees.rows(fresh, "aggregates"));
    }

    /**
     * What a kill leaves: a RUNNING manifest, some committed parts, a part written but not
     * committed, a commit record cut short, a half-staged table. The next attempt runs exactly the
     * runs of the parts without a whole record and removes what was not committed.
     */
    @Test
    void interruptedAttemptResumesFromItsCommittedParts() throws Exception {
        Path cut = tmp.resolve("cut");
        OutputTrees.copy(base, cut);
        Manifest complete = manifest(cut);
        Files.writeString(cut.resolve(OutputDirectory.MANIFEST), complete.finish(ManifestStatus.RUNNING, Map.of(), 0,
                complete.environment(), null, null).toJson());
        List<String> parts = parts(cut);
        assertThat(parts).hasSize(4);
        Path records = cut.resolve(ResultParts.DIR).resolve(ResultParts.COMMITTED);
        Path uncommitted = LegacyParts.directory(cut, parts.get(1));
        Files.delete(records.resolve(parts.get(1)));
        Path cutShort = records.resolve(parts.get(3));
        Files.writeString(cutShort, Files.readString(cutShort).replaceFirst("end \\d+\n$", ""));
        Path half = Files.createDirectories(uncommitted.resolveSibling(parts.get(1) + "-"
                + "00000000-0000-0000-0000-000000000000/_temporary/0"));
        Files.write(half.resolve("part-00000.snappy.parquet"), new byte[] {'P', 'A', 'R'});
        Files.createDirectories(cut.resolve(OutputDirectory.STAGING).resolve("runs"));
        Files.writeString(cut.resolve(OutputDirectory.STAGING).resolve("runs/junk"), "junk");
        for (String t : OutputDirectory.TABLES) {
            OutputTrees.delete(cut.resolve(t));
        }

        Manifest m = sweep(cut, List.of(), false, null);
        assertThat(m.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(m.attempt()).isEqualTo(2);
        assertThat(m.computed()).isEqualTo(2);
        assertThat(m.reused()).isEqualTo(2);
        assertThat(m.history()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ManifestStatus.RUNNING);
            assertThat(a.computed()).isEqualTo(2);
        });
        assertThat(parts(cut)).hasSize(4).contains(parts.get(0), parts.get(2));
        assertThat(uncommitted).as("a part written but not committed is removed").doesNotExist();
        assertThat(half.getParent().getParent()).doesNotExist();
        assertThat(records.resolve(parts.get(3))).as("a record cut short is removed").doesNotExist();
        assertThat(cut.resolve(OutputDirectory.STAGING)).doesNotExist();
        assertSameTables(cut, base);
        assertEachRunOnce(cut, 4);
    }

    /**
     * Parts that hold the same run (which the protocol never writes, but a copy or a second
     * writer could): the row of the greatest part name counts, once.
     */
    @Test
    void overlappingPartsKeepTheLatestRowOnce() throws Exception {
        Path dup = tmp.resolve("dup");
        OutputTrees.copy(base, dup);
        String first = LegacyParts.directory(dup, "a00001-b000000").toString();
        for (String[] copy : new String[][] {{"a00001-b000100", "earlier"}, {"a00007-b000000", "latest"}}) {
            spark.read().schema(ResultTable.schema()).parquet(first)
                    .withColumn(RunsTable.ERROR, lit(copy[1])).withColumn(ResultTable.PART, lit(copy[0]))
                    .write().parquet(dup.resolve(ResultParts.DIR).resolve(copy[0]).toString());
        }
        Manifest complete = manifest(dup);
        Files.writeString(dup.resolve(OutputDirectory.MANIFEST), complete.finish(ManifestStatus.ABORTED, Map.of(), 0,
                complete.environment(), complete.startedAt(), "killed").toJson());

        Manifest m = sweep(dup, List.of(), false, null);
        assertThat(m.attempt()).isEqualTo(8);
        assertThat(m.computed()).isZero();
        assertEachRunOnce(dup, 4);
        List<Map<String, Object>> errors = DuckDb.query("SELECT error FROM " + DuckDb.table(dup.resolve("runs"))
                + " WHERE error IN ('earlier', 'latest')");
        assertThat(errors).extracting(r -> r.get("error")).containsExactly("latest");
        List<Map<String, Object>> rows = OutputTrees.rows(dup, "runs");
        List<Map<String, Object>> expected = OutputTrees.rows(base, "runs");
        rows.forEach(r -> r.remove(RunsTable.ERROR));
        expected.forEach(r -> r.remove(RunsTable.ERROR));
        assertThat(rows).isEqualTo(expected);
    }

    /**
     * Parts committed before the optima had an analysis_alpha (uniform rows only, without
     * analysis_alpha and fixed_point_residual) extended by parts of this version: the old rows read
     * as uniform with their residual as fixed_point_residual, the new runs bring both analyses.
     */
    @Test
    void partsWithoutTheAlphaAnalysisReadAsUniform() throws Exception {
        Path old = tmp.resolve("old-format");
        OutputTrees.copy(base, old);
        LegacyParts.convert(old);
        List<String> oldFields = new ArrayList<>();
        for (String f : OptimaTable.struct().fieldNames()) {
            if (!f.equals(OptimaTable.ANALYSIS_ALPHA) && !f.equals(OptimaTable.FIXED_POINT_RESIDUAL)) {
                oldFields.add("'" + f + "', o." + f);
            }
        }
        String uniformOnly = "transform(filter(" + ResultTable.OPTIMA + ", o -> o." + OptimaTable.ANALYSIS_ALPHA
                + " = 'uniform'), o -> named_struct(" + String.join(", ", oldFields) + "))";
        for (String part : OutputTrees.list(old.resolve(ResultParts.DIR)).stream().filter(p -> p.startsWith("a"))
                .toList()) {
            Path dir = old.resolve(ResultParts.DIR).resolve(part);
            Path rewritten = tmp.resolve("old-format-" + part);
            spark.read().parquet(dir.toString()).withColumn(ResultTable.OPTIMA, expr(uniformOnly)).write()
                    .parquet(rewritten.toString());
            OutputTrees.delete(dir);
            Files.move(rewritten, dir);
        }
        assertThat(DuckDb.query("SELECT optima FROM read_parquet('" + old.resolve(ResultParts.DIR)
                + "/a*/*.parquet') WHERE len(optima) > 0").get(0).get("optima").toString())
                .as("an old-format part").doesNotContain(OptimaTable.ANALYSIS_ALPHA).contains("optimum_index");

        sweep(old, List.of("seeds=4"), false, null);
        Path fresh = tmp.resolve("old-format-fresh");
        sweep(fresh, List.of("seeds=4"), false, null);
        List<Map<String, Object>> expected = OutputTrees.rows(fresh, "optima");
        expected.removeIf(r -> r.get(OptimaTable.ANALYSIS_ALPHA).equals("infonce") && (Long) r.get(RunsTable.SEED) <= 2);
        assertThat(OutputTrees.rows(old, "optima")).isEqualTo(expected);
        assertThat(expected).extracting(r -> r.get(OptimaTable.ANALYSIS_ALPHA) + "@" + r.get(RunsTable.SEED))
                .contains("uniform@1", "uniform@4", "infonce@4");
        assertSameTables(old, fresh, List.of("runs", "trace", "tokens"));
    }

    @Test
    void retryFailedRunsOnlyTheFailedRunsAgainAndReplacesTheirRows() throws Exception {
        Path retry = tmp.resolve("retry");
        OutputTrees.copy(base, retry);
        Manifest second = sweep(retry, List.of("seeds=3"), false, null);
        assertThat(second.count(RunStatus.FAILED)).isEqualTo(2);
        StringWriter console = new StringWriter();
        Manifest third = sweep(retry, List.of("seeds=3"), true, console);
        assertThat(third.attempt()).isEqualTo(3);
        assertThat(third.computed()).isEqualTo(2);
        assertThat(third.reused()).isEqualTo(4);
        assertThat(runsOfAttempt(retry, 3)).containsExactly("1/3", "4/3");
        assertThat(console.toString()).contains("2 to run, 2 of them FAILED before");
        assertEachRunOnce(retry, 6);
        // seed 3 fails again (ScriptedRuns always throws for it): the latest FAILED rows count
        assertThat(third.count(RunStatus.FAILED)).isEqualTo(2);
    }

    // ------------------------------------------------------------------ bad input

    /** Fixtures of the bad-input cases, all under one tree that must not change. */
    static Path bad;

    static Stream<Arguments> badInputs() throws Exception {
        bad = tmp.resolve("bad");
        if (!Files.exists(bad)) {
            Files.createDirectories(bad.resolve("specs"));
            OutputTrees.copy(base, bad.resolve("held"));
            Files.writeString(bad.resolve("a-file"), "mine");
            Files.createDirectories(bad.resolve("foreign"));
            Files.writeString(bad.resolve("foreign/notes.txt"), "mine");
            Files.createDirectories(bad.resolve("corrupt"));
            Files.writeString(bad.resolve("corrupt/manifest.json"), "{\"format\": 1, \"sweep\": ");
            Files.createDirectories(bad.resolve("a-directory.conf"));
        }
        String held = bad.resolve("held").toString();
        String good = spec("good", SPEC);
        String body = " geometry { patterns = 3, dim = 4 }\n";
        List<Arguments> cases = new ArrayList<>();
        cases.add(c("malformed HOCON", List.of("run", spec("m1", "sweep { name = resume, seeds = [1, 2 }"), "--out", held),
                "cannot parse spec"));
        cases.add(c("unknown key", List.of("run", spec("m2", "sweep { name = resume, seeds = 2, widht = 4 }"), "--out",
                held), "unknown key widht", "did you mean width?"));
        cases.add(c("wrong type", List.of("run", spec("m3", "sweep { name = resume, seeds = 2, width = four }"),
                "--out", held), "width"));
        cases.add(c("fraction for an integer", List.of("run", spec("m4", "sweep { name = resume, seeds = 2, width = 2.5 }"),
                "--out", held), "width"));
        cases.add(c("empty grid axis", List.of("run", spec("m5", "sweep { name = resume, seeds = 2, grid { width = [] } }"),
                "--out", held), "width"));
        cases.add(c("negative size", List.of("run", good, "--out", held, "--set", "grid.width=[1, -4]"),
                "width must be >= 1, found -4"));
        cases.add(c("negative step budget", List.of("run", good, "--out", held, "--set", "train.steps=-5"),
                "train.steps"));
        cases.add(c("impossible geometry", List.of("run", good, "--out", held, "--set", "geometry.dim=2"),
                "geometry.dim"));
        cases.add(c("aug_degree too large", List.of("run", good, "--out", held, "--set", "tokens.aug_degree=9"),
                "tokens.aug_degree"));
        cases.add(c("twolayer with population", List.of("run", good, "--out", held, "--set", "model=twolayer"),
                "population"));
        cases.add(c("sigmoid in population mode", List.of("run", good, "--out", held, "--set", "activation=sigmoid"),
                "sigmoid"));
        cases.add(c("empty seeds", List.of("run", spec("m6", "sweep { name = resume, seeds = []\n" + body + "}"),
                "--out", held), "seeds"));
        cases.add(c("duplicate seeds", List.of("run", spec("m7", "sweep { name = resume, seeds = [1, 1]\n" + body + "}"),
                "--out", held), "seeds"));
        cases.add(c("missing name", List.of("run", spec("m8", "sweep { seeds = 2\n" + body + "}"), "--out", held),
                "name"));
        cases.add(c("unresolvable substitution", List.of("run", spec("m9", "sweep { name = resume, seeds = 2,"
                + " width = ${nowhere} }"), "--out", held), "nowhere"));
        cases.add(c("missing spec file", List.of("run", bad.resolve("specs/absent.conf").toString(), "--out", held),
                "absent.conf", "no such file"));
        cases.add(c("spec path is a directory", List.of("run", bad.resolve("a-directory.conf").toString(), "--out",
                held), "a-directory.conf", "is a directory"));
        cases.add(c("bad --set syntax", List.of("run", good, "--out", held, "--set", "width"), "--set 'width'"));
        cases.add(c("unknown --set key", List.of("run", good, "--out", held, "--set", "widht=3"), "unknown key widht"));
        cases.add(c("bad --master", List.of("run", good, "--out", held, "--master", "nonsense"),
                "--master nonsense is not a Spark master URL"));
        cases.add(c("unknown option", List.of("run", good, "--out", held, "--frobnicate"), "--frobnicate"));
        cases.add(c("output of another sweep", List.of("run", spec("m10", SPEC.replace("resume", "other")), "--out",
                held), "holds sweep 'resume'", "not 'other'", "name (\"resume\" → \"other\")"));
        cases.add(c("changed parameter against an existing output", List.of("run", good, "--out", held, "--set",
                "train.lr=0.5"), "leaves out 4 of its runs", "train.lr (0.02 → 0.5)", "choose another --out"));
        cases.add(c("dropped seed against an existing output", List.of("run", good, "--out", held, "--set",
                "seeds=[2, 3]"), "leaves out 2 of its runs", "seeds (+3; -1)"));
        cases.add(c("dropped grid value against an existing output", List.of("run", good, "--out", held, "--set",
                "grid.width=[1]"), "grid.width (-4)"));
        cases.add(c("output path is a file", List.of("run", good, "--out", bad.resolve("a-file").toString()),
                "is a file"));
        cases.add(c("output directory that is not a clsweep output", List.of("run", good, "--out",
                bad.resolve("foreign").toString()), "not a clsweep output"));
        cases.add(c("unreadable manifest", List.of("run", good, "--out", bad.resolve("corrupt").toString()),
                "unreadable manifest.json"));
        cases.add(c("aggregate of a directory without runs", List.of("aggregate", bad.resolve("foreign").toString()),
                "has no runs table"));
        return cases.stream();
    }

    private static String spec(String name, String text) throws Exception {
        Path p = bad.resolve("specs").resolve(name + ".conf");
        if (!Files.exists(p)) {
            Files.writeString(p, text);
        }
        return p.toString();
    }

    private static Arguments c(String name, List<String> args, String... expected) {
        return Arguments.of(name, args, List.of(expected));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void badInputExitsTwoNamingTheProblemAndLeavesOutputsAlone(String name, List<String> args, List<String> expected)
            throws Exception {
        String before = OutputTrees.fingerprint(bad);
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), args.toArray(new String[0]));
        String err = e.toString(StandardCharsets.UTF_8);
        assertThat(code).as(name + ": " + err).isEqualTo(2);
        for (String x : expected) {
            assertThat(err).as(name).contains(x);
        }
        assertThat(OutputTrees.fingerprint(bad)).as(name + ": the fixtures are untouched").isEqualTo(before);
    }
}
