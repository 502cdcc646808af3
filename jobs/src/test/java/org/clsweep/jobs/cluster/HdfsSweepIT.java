package org.clsweep.jobs.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.cli.ExitCodes;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.PartRecord;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.regress.report.ComparisonsTable;
import org.clsweep.jobs.sweep.FaultInjection;
import org.clsweep.jobs.testing.DuckDb;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * clsweep on a real HDFS: a {@link MiniDFSCluster} (namenode and one datanode in this JVM, on
 * 127.0.0.1) and a standalone Spark cluster (child JVMs), one of each per class. A sweep submitted
 * with {@code --out hdfs://127.0.0.1:PORT/…} has its driver killed mid-sweep and is submitted
 * again; {@code aggregate}, {@code export} and {@code regress --baseline hdfs://…} then work on the
 * HDFS paths (in this JVM, {@code local[2]}). The tables are copied out of HDFS and read with
 * DuckDB: they equal a local run of the same spec. An {@code hdfs://} output nobody listens on is
 * refused with exit code 2, naming the path, before Spark starts.
 */
class HdfsSweepIT {
    /** 3 cells × 8 seeds of fast population runs, with the regression check's settings. */
    static final String SPEC = "sweep {\n name = hdfs-it\n seeds = 8\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05, mag_start = 1.0, mag_end = 0.5 }\n"
            + " train { lr = 1.0, steps = 2000, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu, leaky_relu], width = [6] }\n"
            + " regress {\n"
            + "   tolerance { coverage = 0.1, max_residual = 1e-6, mean_best_cosine = 1e-6 }\n"
            + "   exact { distinct_optima { activation = [linear] } }\n"
            + " }\n}\n";
    static final long CELLS = 3;
    static final long RUNS = CELLS * 8;
    /** Kill the first driver once this many result parts are committed (of 16 bins). */
    static final int KILL_AFTER_PARTS = 2;
    static final Duration KILL_TIMEOUT = Duration.ofMinutes(3);
    /** Before each run of the first attempt: ≈ 24 × 0.5 s / 2 cores ≈ 6 s of sweep. */
    static final Map<String, String> SLOW = Map.of(FaultInjection.PROPERTY, "delay-ms=500");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    static MiniDFSCluster hdfs;
    static FileSystem fs;
    static String root;
    static StandaloneSparkCluster cluster;

    @BeforeAll
    static void startHdfsAndSpark() throws Exception {
        Configuration conf = new Configuration();
        hdfs = new MiniDFSCluster.Builder(conf, dir.resolve("hdfs").toFile()).numDataNodes(1).build();
        hdfs.waitActive();
        root = "hdfs://127.0.0.1:" + hdfs.getNameNodePort();
        fs = FileSystem.get(URI.create(root), conf);
        cluster = StandaloneSparkCluster.start(dir.resolve("cluster"));
    }

    @AfterAll
    static void stopBoth() {
        if (cluster != null) {
            cluster.close();
        }
        if (hdfs != null) {
            hdfs.shutdown();
        }
    }

    @Test
    void killedSweepResumesOnHdfsAndFeedsAggregateExportAndRegress() throws Exception {
        Path spec = Files.writeString(dir.resolve("hdfs-it.conf"), SPEC);
        String out = root + "/sweeps/hdfs-it";
        List<String> run = List.of("run", spec.toString(), "--out", out);

        Submission first = cluster.launch(Map.of(), SLOW, ClusterSweepIT.shadedJar(), Main.class.getName(), run);
        long deadline = System.nanoTime() + KILL_TIMEOUT.toNanos();
        while (committedParts(out) < KILL_AFTER_PARTS && first.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(first.isAlive()).as("the sweep still runs; its output:%n%s", first.output()).isTrue();
        first.kill();
        assertThat(committedParts(out)).as("parts on HDFS before the kill").isBetween(KILL_AFTER_PARTS, 15);
        assertThat(manifest(out).status()).isEqualTo(ManifestStatus.RUNNING);

        SubmitResult second = cluster.submit(Map.of(), ClusterSweepIT.shadedJar(), Main.class.getName(), run);
        assertThat(second.exitCode()).as("spark-submit exit code; logs:%n%s", cluster.diagnostics()).isZero();
        Manifest resumed = manifest(out);
        assertThat(resumed.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(resumed.attempt()).isEqualTo(2);
        assertThat(resumed.reused()).as("runs kept from the killed attempt").isPositive();

        assertSucceeds("aggregate", out);
        Path export = dir.resolve("export");
        assertSucceeds("export", out, "--to", export.toString());
        assertThat(export.resolve("hdfs-it.ipynb")).isRegularFile();
        assertThat(export.resolve("hdfs-it.html")).isRegularFile();
        String nightly = root + "/regress/hdfs-it";
        assertSucceeds("regress", spec.toString(), "--baseline", out, "--out", nightly, "--seed-offset", "100000");

        Path copied = copyOut(out, dir.resolve("copied-sweep"));
        Path local = dir.resolve("out-local");
        SameRuns.runLocally(spec, local);
        SameRuns.assertSameTables(copied, local, RUNS);
        String aggregates = DuckDb.table(copied.resolve(OutputDirectory.AGGREGATES));
        assertThat(DuckDb.query("SELECT count(*) AS n FROM " + aggregates))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("n", CELLS));
        Path comparisons = copyOut(nightly, dir.resolve("copied-regress")).resolve("regress")
                .resolve(ComparisonsTable.NAME);
        assertThat(DuckDb.query("SELECT verdict, count(*) AS n FROM " + DuckDb.table(comparisons)
                + " GROUP BY verdict")).as("verdicts of the regression check read back from HDFS")
                .isNotEmpty().noneMatch(r -> "REGRESSION".equals(r.get("verdict")));
    }

    @Test
    void unreachableHdfsOutputIsRefusedBeforeSparkStarts() throws Exception {
        Path spec = Files.writeString(dir.resolve("unreachable.conf"), SPEC);
        String out = "hdfs://127.0.0.1:" + portNobodyListensOn() + "/sweeps/unreachable";
        List<String> before = listing(Path.of(""));

        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), "run", spec.toString(), "--out", out,
                "--master", "local[2]");

        String message = err.toString(StandardCharsets.UTF_8);
        assertThat(code).as(message).isEqualTo(ExitCodes.USAGE);
        assertThat(message).contains(out).doesNotContain("\tat ");
        assertThat(SparkSession.getDefaultSession().isDefined()).as("a Spark session was started").isFalse();
        assertThat(listing(Path.of(""))).as("the working directory").isEqualTo(before);
    }

    /** Runs a clsweep command in this JVM on {@code local[2]}; asserts exit code 0 (regress: no regression). */
    private static void assertSucceeds(String... args) {
        List<String> all = new ArrayList<>(Arrays.asList(args));
        all.addAll(List.of("--master", "local[2]"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), all.toArray(new String[0]));
        assertThat(code).as("clsweep %s%n%s%s", String.join(" ", all), out.toString(StandardCharsets.UTF_8),
                err.toString(StandardCharsets.UTF_8)).isZero();
    }

    private static int committedParts(String out) throws IOException {
        org.apache.hadoop.fs.Path parts = new org.apache.hadoop.fs.Path(new org.apache.hadoop.fs.Path(out,
                ResultParts.DIR), ResultParts.COMMITTED);
        if (!fs.exists(parts)) {
            return 0;
        }
        // whole records only: HDFS lists a record as soon as the driver creates it, and shows its
        // text once the driver closes it; a record the kill cuts short is no commit
        int n = 0;
        for (FileStatus s : fs.listStatus(parts)) {
            String name = s.getPath().getName();
            if (name.matches("a\\d{5}-b\\d{6}")) {
                try (InputStream in = fs.open(s.getPath())) {
                    String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                    n += PartRecord.parse(name, text).isPresent() ? 1 : 0;
                }
            }
        }
        return n;
    }

    private static Manifest manifest(String out) throws IOException {
        try (OutputDirectory o = OutputDirectory.open(out, fs.getConf())) {
            return o.readManifest().orElseThrow(() -> new AssertionError("no manifest in " + out));
        }
    }

    /** Copies an HDFS directory to a new local one (without checksum files) and returns it. */
    private static Path copyOut(String hdfsDir, Path local) throws IOException {
        fs.copyToLocalFile(false, new org.apache.hadoop.fs.Path(hdfsDir),
                new org.apache.hadoop.fs.Path(local.toUri()), true);
        return local;
    }

    private static List<String> listing(Path directory) throws IOException {
        try (Stream<Path> entries = Files.list(directory.toAbsolutePath())) {
            return entries.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static int portNobodyListensOn() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
