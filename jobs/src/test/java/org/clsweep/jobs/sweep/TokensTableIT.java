package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.transform;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.clsweep.jobs.testing.Tolerances.TOL_EXACT;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.output.ResultTable;
import org.clsweep.jobs.output.TokensTable;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.LegacyParts;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The token statistics through a real two-layer sweep on local[2], read back with DuckDB: a
 * pattern table small enough to compute by hand, and the resumption of an output whose committed
 * result parts predate the statistics columns.
 */
class TokensTableIT extends SparkTestBase {
    /** n = 3, K = 4, aug_degree = 1; wildcards per pattern 1, 2, 1 (q = 1, 1/2, 1). */
    static final String SPEC = "sweep {\n name = tokstats\n seeds = [1]\n model = twolayer\n mode = sgd\n"
            + " width = 1\n"
            + " tokens { vocab = 3, locations = 4, per_location = 1, pattern_len = 1, aug_degree = 1,"
            + " explicit_patterns = [\"AB*A-A**A-*BCB\"] }\n"
            + " net { out_dim = 4 }\n"
            + " train { steps = 10, batch = 16, trace_every = 5 }\n}\n";

    /** The last five columns, written only since they exist. */
    static final List<String> STATISTICS = List.of(TokensTable.ROLE, TokensTable.FREQUENCY, TokensTable.INVARIANCE,
            TokensTable.PAIR_COVARIANCE, TokensTable.DISCRIMINATIVENESS);

    @TempDir
    static Path tmp;
    static Path specFile;
    static Path out;

    @BeforeAll
    static void sweepOneSeed() throws Exception {
        specFile = tmp.resolve("tokstats.conf");
        Files.writeString(specFile, SPEC);
        out = tmp.resolve("out");
        assertThat(sweep(out, List.of()).status()).isEqualTo(ManifestStatus.COMPLETE);
    }

    static Manifest sweep(Path dir, List<String> sets) throws Exception {
        SweepSpec spec = SpecParser.parseFile(specFile, sets);
        try (OutputDirectory o = OutputDirectory.open(dir.toString(), spark.sparkContext().hadoopConfiguration())) {
            return SweepDriver.run(spark, spec, Grid.expand(spec), o, SweepOptions.of(false, false), null);
        }
    }

    static List<Map<String, Object>> tokens(Path dir, String where) throws Exception {
        return DuckDb.query("SELECT * FROM " + DuckDb.table(dir.resolve("tokens")) + " WHERE " + where
                + " ORDER BY seed, location, token");
    }

    /** One row's statistics against u/G-fractions worked out by hand (SCIENCE.md §3 generator). */
    static void assertRow(Map<String, Object> r, int location, int token, String role, double frequency,
                          Double invariance, double pairCovariance, double discriminativeness) {
        assertThat(r.get(TokensTable.LOCATION)).isEqualTo(location);
        assertThat(r.get(TokensTable.TOKEN)).isEqualTo(token);
        assertThat(r.get(TokensTable.ROLE)).as("role of %d at %d", token, location).isEqualTo(role);
        assertThat((Double) r.get(TokensTable.FREQUENCY)).isCloseTo(frequency, within(TOL_EXACT));
        if (invariance == null) {
            assertThat(r.get(TokensTable.INVARIANCE)).isNull();
        } else {
            assertThat((Double) r.get(TokensTable.INVARIANCE)).isCloseTo(invariance, within(TOL_EXACT));
        }
        assertThat((Double) r.get(TokensTable.PAIR_COVARIANCE)).isCloseTo(pairCovariance, within(TOL_EXACT));
        assertThat((Double) r.get(TokensTable.DISCRIMINATIVENESS)).isCloseTo(discriminativeness, within(TOL_EXACT));
    }

    @Test
    void theTableHoldsTheStatisticsOfTheRunsPatternTable() throws Exception {
        assertThat(DuckDb.schema(out.resolve("tokens"))).containsEntry(TokensTable.ROLE, "VARCHAR")
                .containsEntry(TokensTable.FREQUENCY, "DOUBLE").containsEntry(TokensTable.DISCRIMINATIVENESS, "DOUBLE");
        List<Map<String, Object>> rows = tokens(out, "true");
        assertThat(rows).hasSize(12);
        // location 2: A background (wild with q = 1 and q = 1/2), C fixed once and wild twice
        assertRow(rows.get(6), 2, 0, "background", 2.0 / 9, 1.0 / 2, 5.0 / 81, 2.0 / 81);
        assertRow(rows.get(8), 2, 2, "pattern", 5.0 / 9, 4.0 / 5, 11.0 / 81, 8.0 / 81);
        // location 1: B fixed twice, wild with q = 1/2 once
        assertRow(rows.get(4), 1, 1, "pattern", 7.0 / 9, 20.0 / 21, 11.0 / 81, 8.0 / 81);
        // location 0: A fixed twice, wild with q = 1 once (pair covariance = discriminativeness)
        assertRow(rows.get(0), 0, 0, "pattern", 7.0 / 9, 19.0 / 21, 8.0 / 81, 8.0 / 81);
        // location 3: fixed by every pattern; C never occurs there
        assertRow(rows.get(11), 3, 2, "background", 0.0, null, 0.0, 0.0);
        assertThat(rows).extracting(r -> r.get(TokensTable.PATTERNS_USING))
                .containsExactly(2, 0, 0, 0, 2, 0, 0, 0, 1, 2, 1, 0);
    }

    /**
     * An output whose committed parts hold tokens without the statistics (as a sweep before them
     * wrote it, committed by renaming), extended by a seed: the old rows read back with NULL
     * statistics, the new ones with values, and the columns both had stay as they were.
     */
    @Test
    void partsCommittedBeforeTheStatisticsReadBackWithNull() throws Exception {
        Path old = tmp.resolve("old");
        OutputTrees.copy(out, old);
        LegacyParts.convert(old);
        List<Map<String, Object>> before = tokens(old, "true");
        Path results = old.resolve(ResultParts.DIR);
        List<String> kept = new ArrayList<>();
        for (String name : TokensTable.struct().fieldNames()) {
            if (!STATISTICS.contains(name)) {
                kept.add(name);
            }
        }
        for (String part : OutputTrees.list(results)) {
            if (!part.startsWith("a")) {
                continue;
            }
            Path rewritten = tmp.resolve("rewritten-" + part);
            spark.read().parquet(results.resolve(part).toString())
                    .withColumn(ResultTable.TOKENS, transform(col(ResultTable.TOKENS), t -> struct(kept.stream()
                            .map(c -> t.getField(c).as(c)).toArray(Column[]::new))))
                    .write().parquet(rewritten.toString());
            OutputTrees.delete(results.resolve(part));
            OutputTrees.copy(rewritten, results.resolve(part));
        }
        assertThat(DuckDb.query("DESCRIBE SELECT " + ResultTable.TOKENS + " FROM read_parquet('" + results
                + "/a*/*.parquet')").get(0).get("column_type").toString()).doesNotContain(TokensTable.ROLE);

        Manifest m = sweep(old, List.of("seeds=[1, 2]"));
        assertThat(m.status()).isEqualTo(ManifestStatus.COMPLETE);
        assertThat(m.reused()).isEqualTo(1);
        assertThat(m.computed()).isEqualTo(1);

        List<Map<String, Object>> seed1 = tokens(old, "seed = 1");
        assertThat(seed1).hasSize(12).allSatisfy(r -> STATISTICS.forEach(c -> assertThat(r.get(c)).as(c).isNull()));
        for (int i = 0; i < seed1.size(); i++) {
            assertThat(seed1.get(i).get(TokensTable.PATTERNS_USING)).isEqualTo(before.get(i).get(TokensTable.PATTERNS_USING));
            assertThat(seed1.get(i).get(TokensTable.LEARNING_TIME)).isEqualTo(before.get(i).get(TokensTable.LEARNING_TIME));
        }
        List<Map<String, Object>> seed2 = tokens(old, "seed = 2");
        assertThat(seed2).hasSize(12);
        assertRow(seed2.get(8), 2, 2, "pattern", 5.0 / 9, 4.0 / 5, 11.0 / 81, 8.0 / 81);
    }
}
