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
import java.util.UUID;
import java.util.stream.Stream;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.output.ResultParts;
import org.clsweep.jobs.testing.DuckDb;
import org.clsweep.jobs.testing.LegacyParts;
import org.clsweep.jobs.testing.OutputTrees;
import org.clsweep.jobs.testing.SparkTestBase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A committed result part damaged on disk (truncated, a flipped byte, a data file missing, its
 * checksum file lost; a part of the renaming format whose rename was cut short): resuming names
 * an unreadable part and changes nothing, {@code --repair} sets it aside and computes its runs
 * again, and the tables then equal those of an undamaged sweep. Parts of the renaming format
 * resume as they are.
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

    /** The name of the first committed part. */
    private static String firstPart(Path out) throws Exception {
        return LegacyParts.records(out).get(0).part();
    }

    private static Path dataFile(Path part) {
        return part.resolve(OutputTrees.list(part).stream().filter(n -> n.endsWith(".parquet")).findFirst()
                .orElseThrow());
    }

    /**
     * @param part  the damaged part's name
     * @param dir   the directory of its files, which must be kept
     * @param cause what the refusal must say about it
     */
    private static void assertRefusedThenRepaired(Path out, String part, Path dir, String cause) throws Exception {
        String before = OutputTrees.fingerprint(out);
        Result refused = run(out, "--set", "seeds=3");
        assertThat(refused.code).as(refused.err).isEqualTo(2);
        assertThat(refused.err).contains("1 committed result part cannot be read: " + part).contains(cause)
                .contains("Nothing was changed").contains("--repair");
        assertThat(OutputTrees.fingerprint(out)).as("nothing changed").isEqualTo(before);

        Result repaired = run(out, "--set", "seeds=3", "--repair");
        assertThat(repaired.code).as(repaired.err).isZero();
        assertThat(repaired.err).contains("set aside " + part);
        assertThat(out.resolve(ResultParts.DIR).resolve(ResultParts.DAMAGED).resolve(part)).isRegularFile();
        assertThat(dir).as("a damaged part's files are kept").isDirectory();
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
        String part = firstPart(out);
        Path dir = LegacyParts.directory(out, part);
        try (RandomAccessFile f = new RandomAccessFile(dataFile(dir).toFile(), "rw")) {
            f.setLength(200);
        }
        assertRefusedThenRepaired(out, part, dir, "200 bytes, its commit record says");
    }

    @Test
    void aFlippedByteIsCaughtByTheChecksumAndRepaired() throws Exception {
        Path out = sweep("flipped");
        String part = firstPart(out);
        Path dir = LegacyParts.directory(out, part);
        try (RandomAccessFile f = new RandomAccessFile(dataFile(dir).toFile(), "rw")) {
            long at = f.length() / 2;
            f.seek(at);
            int b = f.read();
            f.seek(at);
            f.write(b ^ 0xff);
        }
        assertRefusedThenRepaired(out, part, dir, "Checksum");
    }

    @Test
    void aMissingDataFileIsNamedAndRepaired() throws Exception {
        Path out = sweep("missing");
        String part = firstPart(out);
        Path dir = LegacyParts.directory(out, part);
        Path data = dataFile(dir);
        Files.delete(data);
        assertRefusedThenRepaired(out, part, dir, data.getFileName() + ": missing from");
    }

    /**
     * A part of the renaming format whose rename was cut short on a store that renames by copying:
     * its temporary directory is still under _tmp, so some of its files may be missing.
     */
    @Test
    void aRenamedPartWhoseRenameWasCutShortIsNamedAndRepaired() throws Exception {
        Path out = sweep("cut-rename");
        String part = firstPart(out);
        LegacyParts.convert(out);
        Path dir = out.resolve(ResultParts.DIR).resolve(part);
        OutputTrees.copy(dir, out.resolve(ResultParts.DIR).resolve("_tmp").resolve(part + "-" + UUID.randomUUID()));
        assertRefusedThenRepaired(out, part, dir, "its rename from _tmp/" + part + "-");
    }

    /** Output directories written before commit records resume as they are. */
    @Test
    void partsCommittedByRenamingResume() throws Exception {
        Path out = sweep("renamed");
        LegacyParts.convert(out);
        Result r = run(out, "--set", "seeds=3");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).contains("attempt 2: 8 of " + RUNS + " runs have a committed result and are kept");
        assertSameTablesAsTheReference(out);
    }

    @Test
    void aLostChecksumFileIsNoDamage() throws Exception {
        Path out = sweep("nocrc");
        Path data = dataFile(LegacyParts.directory(out, firstPart(out)));
        Files.delete(data.resolveSibling("." + data.getFileName() + ".crc"));
        Result r = run(out, "--set", "seeds=3");
        assertThat(r.code).as(r.err).isZero();
        assertThat(out.resolve(ResultParts.DIR).resolve(ResultParts.DAMAGED)).doesNotExist();
        assertSameTablesAsTheReference(out);
    }
}
