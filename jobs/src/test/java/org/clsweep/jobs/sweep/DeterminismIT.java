package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.sql.SparkSession;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's numbers depend only on its parameters and seed: the same real sweep (one-layer
 * population, one-layer SGD, two-layer SGD) on local[1], on local[2], on local[2] with every run
 * in one partition in reverse order, and grown in two attempts (seed 2 first, then seed 1) gives
 * identical rows in every table, all columns but {@code wall_ms}.
 */
class DeterminismIT {
    static final String SPEC = "sweep {\n name = det\n seeds = [1, 2]\n"
            + " geometry { patterns = 3, dim = 5, noise = 0.1, mag_start = 1.0, mag_end = 0.7 }\n"
            + " tokens { vocab = 8, locations = 4, per_location = 3, patterns = 4, pattern_len = 2, aug_degree = 1 }\n"
            + " net { out_dim = 6 }\n"
            + " train { lr = 0.5, steps = 300, batch = 16, trace_every = 10 }\n"
            + " grid = [\n"
            + "   { activation = [relu], width = [1, 3] }\n"
            + "   { mode = [sgd], activation = [relu], width = [2], train.steps = [40] }\n"
            + "   { model = [twolayer], mode = [sgd], width = [1], train.steps = [40], train.lr = [0.02] }\n"
            + " ]\n}\n";
    static final List<String> TABLES = List.of("runs", "optima", "trace", "tokens");

    @TempDir
    static Path tmp;
    static Path specFile;
    static Path oneCore;
    static Path twoCores;
    static Path onePartition;
    static Path grown;

    @BeforeAll
    static void sweeps() throws Exception {
        specFile = tmp.resolve("det.conf");
        Files.writeString(specFile, SPEC);
        oneCore = tmp.resolve("local1");
        twoCores = tmp.resolve("local2");
        onePartition = tmp.resolve("one-partition");
        grown = tmp.resolve("grown");
        SparkSession one = SparkTestBase.newSession("local[1]");
        try {
            sweep(one, oneCore, List.of());
        } finally {
            one.stop();
        }
        SparkSession two = SparkTestBase.newSession("local[2]");
        try {
            sweep(two, twoCores, List.of());
            reversedInOnePartition(two, onePartition);
            sweep(two, grown, List.of("seeds=[2]"));
            sweep(two, grown, List.of());
        } finally {
            two.stop();
        }
    }

    static Manifest sweep(SparkSession spark, Path out, List<String> sets) throws Exception {
        SweepSpec spec = SpecParser.parseFile(specFile, sets);
        try (OutputDirectory dir = OutputDirectory.open(out.toString(), spark.sparkContext().hadoopConfiguration())) {
            Manifest m = SweepDriver.run(spark, spec, Grid.expand(spec), dir, SweepOptions.of(false, false), null);
            assertThat(m.status()).isEqualTo(ManifestStatus.COMPLETE);
            return m;
        }
    }

    /** The sweep's runs as one bin of one-run segments in reverse order, simulated and compacted by hand into staged tables. */
    static void reversedInOnePartition(SparkSession spark, Path out) throws Exception {
        SweepSpec spec = SpecParser.parseFile(specFile, List.of());
        List<Cell> cells = Grid.expand(spec);
        ArrayList<RunSegment> all = new ArrayList<>();
        for (Cell c : cells) {
            for (long seed : spec.seeds()) {
                all.add(new RunSegment(c.index(), seed, seed));
            }
        }
        Collections.reverse(all);
        try (OutputDirectory dir = OutputDirectory.open(out.toString(), spark.sparkContext().hadoopConfiguration())) {
            dir.begin(new Manifest(spec.name(), spec.hash(), ManifestStatus.RUNNING, "test", Map.of(), cells.size(),
                    spec.seeds().size(), Map.of(), Instant.now(), null, null, spec.canonicalJson(), 1, 0, 0, List.of(),
                    null));
            SweepPlan plan = new SweepPlan(spec.name(), spec.hash(), org.clsweep.jobs.output.Provenance.codeVersion(),
                    cells, RunFunction.EXECUTOR, FaultInjection.NONE);
            SweepJob.simulate(spark, plan, List.of(all), 1, dir.results(), 1, "by hand", null, new AtomicLong());
            assertThat(ResultParts.names(dir.results().committed())).containsExactly("a00001-b000000");
            SweepJob.compact(spark, plan, cells, spec.seeds().sorted(), dir.results().locations(dir.results().committed()),
                    false, dir, () -> { });
        }
        for (String t : TABLES) {
            OutputTrees.copy(out.resolve(OutputDirectory.STAGING).resolve(t), out.resolve(t));
        }
    }

    static void assertSameTables(Path actual) throws Exception {
        for (String t : TABLES) {
            assertThat(OutputTrees.rows(actual, t)).as(t).isEqualTo(OutputTrees.rows(twoCores, t));
        }
    }

    @Test
    void theSweepCoversEveryModelAndHasResults() throws Exception {
        List<Map<String, Object>> rows = DuckDb.query("SELECT model, mode, count(*) AS n,"
                + " count(*) FILTER (WHERE status = 'OK') AS ok FROM " + DuckDb.table(twoCores.resolve("runs"))
                + " GROUP BY model, mode ORDER BY model, mode");
        assertThat(rows).extracting(r -> r.get("model") + "/" + r.get("mode") + ":" + r.get("n") + "/" + r.get("ok"))
                .containsExactly("onelayer/population:4/4", "onelayer/sgd:2/2", "twolayer/sgd:2/2");
        assertThat(OutputTrees.rows(twoCores, "optima")).isNotEmpty();
        assertThat(OutputTrees.rows(twoCores, "trace")).isNotEmpty();
        assertThat(OutputTrees.rows(twoCores, "tokens")).isNotEmpty();
    }

    @Test
    void oneCoreAndTwoCoresGiveIdenticalRows() throws Exception {
        assertSameTables(oneCore);
    }

    @Test
    void onePartitionInReverseOrderGivesIdenticalRows() throws Exception {
        assertSameTables(onePartition);
    }

    @Test
    void aSweepGrownInTwoAttemptsGivesIdenticalRows() throws Exception {
        Manifest m = Manifest.parse(Files.readString(grown.resolve(OutputDirectory.MANIFEST)));
        assertThat(m.attempt()).isEqualTo(2);
        assertThat(m.reused()).isEqualTo(4);
        assertSameTables(grown);
    }
}
