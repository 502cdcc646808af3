package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.cluster.ChildJvm;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.PartRecord;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.testing.CrashRenameFileSystem;
import org.clsweep.jobs.testing.CrashRenameFileSystem.Phase;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.LegacyParts;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code clsweep run} on a file system whose rename copies, then deletes, as S3A's does
 * ({@link CrashRenameFileSystem}), in a child JVM halted (as by SIGKILL) at each kind of rename
 * a sweep makes: Spark's task commit and job commit of a result part and of a staged table, the
 * move of a table into place, the replacement of the manifest; half-way through the copy and
 * between copy and delete. After each crash the directory's manifest is readable, and if it says
 * COMPLETE the tables are whole; the next {@code run} (in this JVM, no crash) finishes the sweep
 * with every run exactly once, the tables of a sweep without crash, and nothing uncommitted left
 * behind.
 */
class CopyingRenameIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = copying\n seeds = 2\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05 }\n"
            + " train { lr = 1.0, steps = 400, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu], width = [2, 4] }\n}\n";
    static final long RUNS = 4 * 2;
    static final List<String> TABLES = List.of("runs", "optima", "trace", "tokens", "aggregates");
    static final String PART = "/" + ResultParts.DIR + "/a\\d{5}-b\\d{6}-[^/]*/";
    static final String SPARK_IMPL = "spark.hadoop." + CrashRenameFileSystem.IMPL_KEY;
    static final long CHILD_TIMEOUT_S = 240;

    @TempDir
    static Path tmp;
    static Path spec;
    static Path reference;

    record Result(int code, String err) {
    }

    static Result run(String out) {
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), "run", spec.toString(), "--out", out, "--master",
                "local[2]");
        return new Result(code, e.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void referenceSweep() throws Exception {
        System.setProperty(SPARK_IMPL, CrashRenameFileSystem.class.getName());
        spark.sparkContext().hadoopConfiguration().set(CrashRenameFileSystem.IMPL_KEY,
                CrashRenameFileSystem.class.getName());
        spec = tmp.resolve("copying.conf");
        Files.writeString(spec, SPEC);
        reference = tmp.resolve("reference");
        Result r = run(reference.toString());
        assertThat(r.code).as(r.err).isZero();
    }

    @AfterAll
    static void clearProperty() {
        System.clearProperty(SPARK_IMPL);
        CrashRenameFileSystem.disarm();
    }

    static String uri(Path out) {
        return CrashRenameFileSystem.SCHEME + "://" + out.toAbsolutePath();
    }

    static Stream<Arguments> crashes() {
        List<Arguments> cases = new ArrayList<>();
        for (Phase phase : Phase.values()) {
            cases.add(Arguments.of("a result part's task commit", phase, PART + "_temporary/0/task_", 2));
            cases.add(Arguments.of("a result part's job commit", phase, PART + "part-", 2));
            cases.add(Arguments.of("a staged table's job commit", phase, "/_staging/optima/part-", 0));
            cases.add(Arguments.of("moving the runs table into place", phase, "/runs$", 0));
            cases.add(Arguments.of("moving the aggregates table into place", phase, "/aggregates$", 0));
            cases.add(Arguments.of("replacing the RUNNING manifest", phase, "/manifest\\.json$", 0));
            cases.add(Arguments.of("replacing the COMPLETE manifest", phase, "/manifest\\.json$", 1));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("crashes")
    void aCrashAtAnyRenameResumesToEveryRunOnce(String where, Phase phase, String destination, int skip)
            throws Exception {
        Path out = tmp.resolve(where.replace(' ', '-').replace("'", "") + "-" + phase);
        Path log = tmp.resolve(out.getFileName() + ".log");
        Process crashing = ChildJvm.start("768m", KillResumeIT.testClasspath(), Main.class.getName(),
                List.of("run", spec.toString(), "--out", uri(out), "--master", "local[2]"),
                Map.of("JAVA_TOOL_OPTIONS", "-D" + SPARK_IMPL + "=" + CrashRenameFileSystem.class.getName()
                        + " -D" + CrashRenameFileSystem.PROPERTY + "=" + phase + ":" + destination + ":" + skip), log);
        assertThat(crashing.waitFor(CHILD_TIMEOUT_S, TimeUnit.SECONDS)).as("the crashing run ends").isTrue();
        assertThat(crashing.exitValue()).as("halted at the rename; log:%n%s", Files.readString(log))
                .isEqualTo(CrashRenameFileSystem.HALT_STATUS);

        Optional<Manifest> seen = manifest(out);
        if (seen.isPresent() && seen.get().status() == ManifestStatus.COMPLETE) {
            assertSameTablesAsTheReference(out);
        }

        Result resumed = run(uri(out));
        assertThat(resumed.code).as(resumed.err).isZero();
        assertThat(manifest(out)).get().extracting(Manifest::status).isEqualTo(ManifestStatus.COMPLETE);
        assertSameTablesAsTheReference(out);
        assertNothingUncommitted(out);
    }

    /**
     * The renames of a sweep without crash: under {@code _results}, only Spark's own (out of its
     * {@code _temporary} directories); a part is committed by its record, never by a rename.
     */
    @Test
    void resultPartsAreCommittedWithoutARename() throws Exception {
        Path out = tmp.resolve("no-crash");
        CrashRenameFileSystem.arm(Phase.MID_COPY, "^never$", 0);
        Result r = run(uri(out));
        CrashRenameFileSystem.disarm();
        assertThat(r.code).as(r.err).isZero();
        List<String> renames = CrashRenameFileSystem.renames();
        assertThat(renames).as("the renames of a sweep").isNotEmpty();
        assertThat(renames.stream().filter(x -> x.substring(x.indexOf(" -> ")).contains("/" + ResultParts.DIR + "/")))
                .as("renames into _results").isNotEmpty()
                .allSatisfy(x -> assertThat(x.substring(0, x.indexOf(" -> "))).contains("/_temporary/"));
        assertThat(LegacyParts.records(out)).isNotEmpty();
        assertSameTablesAsTheReference(out);
        assertNothingUncommitted(out);
    }

    /**
     * {@code clsweep aggregate} replaces the aggregates table of a finished sweep by a rename (a
     * copy on S3A): a crash half-way through it (thrown in this JVM; the move is clsweep's own
     * code, outside any Spark job) leaves a RUNNING manifest over the half-copied table, and the
     * next {@code run} finishes the directory.
     */
    @Test
    void aCrashWhileAggregateMovesItsTableLeavesTheManifestRunning() throws Exception {
        Path out = tmp.resolve("aggregate");
        assertThat(run(uri(out)).code).isZero();
        CrashRenameFileSystem.arm(Phase.MID_COPY, "/aggregates$", 0);
        try {
            Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                    new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), "aggregate", uri(out),
                    "--master", "local[2]");
        } catch (CrashRenameFileSystem.Crash e) {
            // the command "died" half-way through the move
        } finally {
            CrashRenameFileSystem.disarm();
        }
        assertThat(CrashRenameFileSystem.crashes()).hasSize(1);
        assertThat(manifest(out)).get().extracting(Manifest::status).isEqualTo(ManifestStatus.RUNNING);

        Result resumed = run(uri(out));
        assertThat(resumed.code).as(resumed.err).isZero();
        assertThat(manifest(out)).get().extracting(Manifest::status).isEqualTo(ManifestStatus.COMPLETE);
        assertSameTablesAsTheReference(out);
    }

    static Optional<Manifest> manifest(Path out) throws Exception {
        try (OutputDirectory dir = OutputDirectory.open(uri(out), spark.sparkContext().hadoopConfiguration())) {
            return dir.readManifest();
        }
    }

    static void assertSameTablesAsTheReference(Path out) throws Exception {
        Map<String, Object> c = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(out.resolve("runs"))).get(0);
        assertThat(c).as("each run once").containsEntry("n", RUNS).containsEntry("d", RUNS);
        for (String t : TABLES) {
            assertThat(OutputTrees.rows(out, t)).as(t).isEqualTo(OutputTrees.rows(reference, t));
        }
    }

    /** No staging area, no temporary directory, and every part directory named by a commit record. */
    static void assertNothingUncommitted(Path out) throws Exception {
        assertThat(out.resolve(OutputDirectory.STAGING)).doesNotExist();
        List<String> named = LegacyParts.records(out).stream().map(PartRecord::directory).toList();
        assertThat(OutputTrees.list(out.resolve(ResultParts.DIR)).stream().filter(n -> !n.equals(ResultParts.COMMITTED)))
                .containsExactlyInAnyOrderElementsOf(named);
    }
}
