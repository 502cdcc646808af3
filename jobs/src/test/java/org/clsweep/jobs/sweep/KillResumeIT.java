package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.cluster.ChildJvm;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.OutputLease;
import org.clsweep.jobs.output.PartRecord;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.LegacyParts;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code clsweep run} in a separate JVM, killed with SIGKILL once a few result parts are committed,
 * then run again in a new JVM: the resumed sweep runs only the missing runs, and its tables equal
 * those of an uninterrupted sweep row for row, each run once. The killed run is slowed down
 * (the test-only {@code delay-ms} fault) so that it is still running when the kill comes.
 */
class KillResumeIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = killed\n seeds = 8\n"
            + " geometry { patterns = 3, dim = 6, noise = 0.05, mag_start = 1.0, mag_end = 0.6 }\n"
            + " train { lr = 1.0, steps = 600, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu], width = [1, 3] }\n}\n";
    static final long RUNS = 32;
    static final int BINS = 16;
    /** Kill once this many parts are committed. */
    static final int KILL_AFTER_PARTS = 3;
    static final long STARTUP_TIMEOUT_S = 240;

    @TempDir
    Path tmp;

    static String testClasspath() {
        String cp = System.getProperty("surefire.test.class.path");
        return cp != null && !cp.isBlank() ? cp : System.getProperty("java.class.path");
    }

    Process start(Path spec, Path out, Path log, String faults) throws Exception {
        List<String> args = List.of("run", spec.toString(), "--out", out.toString(), "--master", "local[2]");
        String cp = testClasspath();
        if (faults == null) {
            return ChildJvm.start("768m", cp, Main.class.getName(), args, Map.of(), log);
        }
        // system properties go before the main class: pass them through JAVA_TOOL_OPTIONS
        return ChildJvm.start("768m", cp, Main.class.getName(), args,
                Map.of("JAVA_TOOL_OPTIONS", "-D" + FaultInjection.PROPERTY + "=" + faults), log);
    }

    /** The names of the committed parts: those with a whole commit record. */
    static List<String> committedParts(Path out) throws IOException {
        return LegacyParts.records(out).stream().map(PartRecord::part).toList();
    }

    @Test
    void killedSweepResumesToTheTablesOfAnUninterruptedOne() throws Exception {
        Path spec = tmp.resolve("killed.conf");
        Files.writeString(spec, SPEC);
        Path out = tmp.resolve("out");
        Path log = tmp.resolve("child.log");

        Process first = start(spec, out, log, "delay-ms=300");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(STARTUP_TIMEOUT_S);
        while (committedParts(out).size() < KILL_AFTER_PARTS && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(first.isAlive()).as("still running when killed; log:%n%s", Files.readString(log)).isTrue();
        first.destroyForcibly();
        assertThat(first.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(128 + 9);

        List<String> left = committedParts(out);
        assertThat(left.size()).as("parts committed before the kill").isBetween(KILL_AFTER_PARTS, BINS - 1);
        Manifest killed = Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
        assertThat(killed.status()).isEqualTo(ManifestStatus.RUNNING);
        assertThat(out.resolve("runs")).doesNotExist();
        assertThat(Files.readString(out.resolve(OutputLease.FILE))).as("the killed driver's lease is left")
                .contains("pid=" + first.pid());
        long kept = (long) DuckDb.query("SELECT count(*) AS n FROM read_parquet(" + LegacyParts.files(out) + ")")
                .get(0).get("n");

        Process second = start(spec, out, log, null);
        assertThat(second.waitFor(STARTUP_TIMEOUT_S, TimeUnit.SECONDS)).as("the resumed sweep ends").isTrue();
        String output = Files.readString(log);
        assertThat(second.exitValue()).as(output).isZero();
        assertThat(output).contains("attempt 2: " + kept + " of " + RUNS + " runs have a committed result and are kept")
                .contains((RUNS - kept) + " to run");
        Manifest resumed = Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
        assertThat(resumed.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(resumed.computed()).isEqualTo(RUNS - kept);
        assertThat(output).contains("took over the lease").contains("its process is gone");
        assertThat(resumed.environment().get(SweepDriver.LEASE_BROKEN)).asString()
                .contains("process " + first.pid()).contains("its process is gone");
        assertThat(out.resolve(OutputLease.FILE)).as("released at the end").doesNotExist();
        assertThat(resumed.history()).singleElement().satisfies(a -> {
            assertThat(a.status()).isEqualTo(ManifestStatus.RUNNING);
            assertThat(a.computed()).isEqualTo(kept);
        });
        assertThat(committedParts(out)).containsAll(left);

        Path reference = tmp.resolve("reference");
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "run", spec.toString(), "--out",
                reference.toString());
        assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();

        for (String t : List.of("runs", "optima", "trace", "tokens", "aggregates")) {
            assertThat(OutputTrees.rows(out, t)).as(t).isEqualTo(OutputTrees.rows(reference, t));
        }
        Map<String, Object> c = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(out.resolve("runs"))).get(0);
        assertThat(c).containsEntry("n", RUNS).containsEntry("d", RUNS);
    }
}
