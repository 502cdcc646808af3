package org.clsweep.jobs.sweep;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed result part damaged on disk (truncated, a flipped byte, its checksum file lost):
 * resuming names an unreadable part and changes nothing, {@code --repair} moves it aside and
 * computes its runs again, and the tables then equal those of an undamaged sweep.
 */
class DamagedPartIT extends SparkTestBase {
    static final String SPEC = "sweep {\n name = damaged\n seeds = 2\n"
            + " geometry { kind = orthogonal, patterns = 4, dim = 8, noise = 0.05 }\n"
            + " train { lr = 1.0, steps = 400, tol = 1e-9 }\n"
            + " grid { activation = [linear, relu], width = [2, 4] }\n}\n";
    static final long RUNS = 4 * 3;

    @TempDir
    static Path tmp;
    static Path spec;
    static Path reference;

    record Result(int code, String out, String err) {
    }

    static Result run(Path out, String... more) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        String[] args = Stream.concat(Stream.of("run", spec.toString(), "--out", out.toString(), "--master",
                "local[2]"), Stream.of(more)).toArray(String[]::new);
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), args);
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    @BeforeAll
    static void referenceSweep() throws Exception {
        spec = tmp.resolve("damaged.conf");
        Files.writeString(spec, SPEC);
        reference = tmp.resolve("reference");
        assertThat(run(reference, "--set", "seeds=3").code).isZero();
    }

    /** A completed two-seed sweep, about to be extended to three seeds. */
    private static Path sweep(String name) {
        Path out = tmp.resolve(name);
        Result r = run(out);
        assertThat(r.code).as(r.err).isZero();
        return out;
    }

    private static Path firstPart(Path out) {
        return out.resolve(ResultParts.DIR).resolve(OutputTrees.list(out.resolve(ResultParts.DIR)).get(0));
    }

    private static Path dataFile(Path part) {
        return part.resolve(OutputTrees.list(part).stream().filter(n -> n.endsWith(".parquet")).findFirst()
                .orElseThrow());
    }

    private static void assertRefusedThenRepaired(Path out, String part) throws Exception {
        String before = OutputTrees.fingerprint(out);
        Result refused = run(out, "--set", "seeds=3");
        assertThat(refused.code).as(refused.err).isEqualTo(2);
        assertThat(refused.err).contains("1 committed result part cannot be read: " + part)
                .contains("Nothing was changed").contains("--repair");
        assertThat(OutputTrees.fingerprint(out)).as("nothing changed").isEqualTo(before);

        Result repaired = run(out, "--set", "seeds=3", "--repair");
        assertThat(repaired.code).as(repaired.err).isZero();
        assertThat(repaired.err).contains("moved " + part);
        assertThat(out.resolve(ResultParts.DIR).resolve(ResultParts.DAMAGED).resolve(part)).isDirectory();
        Manifest m = Manifest.parse(Files.readString(out.resolve(OutputDirectory.MANIFEST)));
        assertThat(m.environment().get(SweepDriver.PARTS_REPAIRED)).asString().startsWith(part);
        assertSameTablesAsTheReference(out);
    }

    private static void assertSameTablesAsTheReference(Path out) throws Exception {
        Map<String, Object> c = DuckDb.query("SELECT count(*) AS n, count(DISTINCT (cell_id, seed)) AS d FROM "
                + DuckDb.table(out.resolve("runs"))).get(0);
        assertThat(c).containsEntry("n", RUNS).containsEntry("d", RUNS);
        for (String t : List.of("runs", "optima", "aggregates")) {
            assertThat(OutputTrees.rows(out, t)).as(t).isEqualTo(OutputTrees.rows(reference, t));
        }
    }

    @Test
    void aTruncatedPartIsNamedAndRepaired() throws Exception {
        Path out = sweep("truncated");
        Path part = firstPart(out);
        try (RandomAccessFile f = new RandomAccessFile(dataFile(part).toFile(), "rw")) {
            f.setLength(200);
        }
        assertRefusedThenRepaired(out, part.getFileName().toString());
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksumAndRepaired() throws Exception {
        Path out = sweep("flipped");
        Path part = firstPart(out);
        try (RandomAccessFile f = new RandomAccessFile(dataFile(part).toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xff);
        }
        assertRefusedThenRepaired(out, part.getFileName().toString());
    }

    @Test
    void aLostChecksumFileIsNoDamage() throws Exception {
        Path out = sweep("nocrc");
        Path data = dataFile(firstPart(out));
        Files.delete(data.resolveSibling("." + data.getFileName() + ".crc"));
        Result r = run(out, "--set", "seeds=3");
        assertThat(r.code).as(r.err).isZero();
        assertThat(out.resolve(ResultParts.DIR).resolve(ResultParts.DAMAGED)).doesNotExist();
        assertSameTablesAsTheReference(out);
    }
}
