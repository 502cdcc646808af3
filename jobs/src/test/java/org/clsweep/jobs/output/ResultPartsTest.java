package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.testing.OutputTrees;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commit protocol of {@code OUT/_results} on the local file system, with hand-made Parquet-shaped files. */
class ResultPartsTest {
    @TempDir
    Path tmp;
    ResultParts parts;
    Path results;

    @BeforeEach
    void open() throws IOException {
        FileSystem fs = FileSystem.getLocal(new Configuration()).getRawFileSystem();
        parts = new ResultParts(fs, new org.apache.hadoop.fs.Path(tmp.toUri()));
        results = tmp.resolve(ResultParts.DIR);
    }

    /** A file that passes the Parquet shape check: magic, 8 bytes, footer length 4, magic. */
    static byte[] parquet() {
        return "PAR1xxxxxxxx\u0004\u0000\u0000\u0000PAR1".getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Writes a part's files as Spark would, to a new directory; returns that directory. */
    String written(String part) throws IOException {
        String dir = parts.directoryFor(part);
        Path local = Path.of(new org.apache.hadoop.fs.Path(dir).toUri());
        Files.createDirectories(local);
        Files.write(local.resolve("part-00000-x.snappy.parquet"), parquet());
        Files.writeString(local.resolve("_SUCCESS"), "");
        return dir;
    }

    @Test
    void aPartCountsOnceItsRecordIsWrittenAndOnlyItsNamedFilesAreRead() throws IOException {
        String dir = written("a00001-b000000");
        assertThat(parts.committed()).isEmpty();
        parts.commit(dir, "a00001-b000000");
        Files.write(Path.of(new org.apache.hadoop.fs.Path(dir).toUri()).resolve("part-00001-stray.snappy.parquet"),
                parquet());

        assertThat(ResultParts.names(parts.committed())).containsExactly("a00001-b000000");
        assertThat(parts.locations(parts.committed())).singleElement().asString()
                .endsWith("/part-00000-x.snappy.parquet");
        assertThat(parts.verify(parts.committed())).isEmpty();
        assertThat(parts.lastAttempt()).isEqualTo(1);
        assertThatThrownBy(() -> parts.commit(written("a00001-b000000"), "a00001-b000000"))
                .hasMessageContaining("exists already");
    }

    @Test
    void whatWasNotCommittedIsRemovedAndARecordCutShortIsNoCommit() throws IOException {
        String kept = written("a00001-b000000");
        parts.commit(kept, "a00001-b000000");
        String unfinished = written("a00001-b000001");
        parts.commit(written("a00001-b000002"), "a00001-b000002");
        Path cut = results.resolve(ResultParts.COMMITTED).resolve("a00001-b000002");
        Files.writeString(cut, Files.readString(cut).replace("end 1\n", "en"));
        Files.createDirectories(results.resolve("_tmp/a00000-b000000-x"));

        assertThat(ResultParts.names(parts.committed())).containsExactly("a00001-b000000");
        parts.clearUncommitted();
        assertThat(OutputTrees.list(results)).containsExactlyInAnyOrder(ResultParts.COMMITTED,
                new org.apache.hadoop.fs.Path(kept).getName());
        assertThat(OutputTrees.list(results.resolve(ResultParts.COMMITTED))).containsExactly("a00001-b000000");
        assertThat(new org.apache.hadoop.fs.Path(unfinished).getName()).isNotIn(OutputTrees.list(results));
    }

    @Test
    void aDamagedPartIsNamedThenSetAsideWithItsFilesKept() throws IOException {
        String dir = written("a00001-b000000");
        parts.commit(dir, "a00001-b000000");
        Path data = Path.of(new org.apache.hadoop.fs.Path(dir).toUri()).resolve("part-00000-x.snappy.parquet");
        Files.write(data, "PAR1".getBytes(StandardCharsets.US_ASCII));

        List<ResultParts.Damage> damage = parts.verify(parts.committed());
        assertThat(damage).singleElement().hasToString("a00001-b000000 (part-00000-x.snappy.parquet: 4 bytes, its "
                + "commit record says 20)");
        parts.setAside(damage);
        assertThat(parts.committed()).isEmpty();
        assertThat(data).exists();
        assertThat(Files.readString(results.resolve(ResultParts.DAMAGED).resolve("a00001-b000000")))
                .contains("its commit record says 20");
        parts.clearUncommitted();
        assertThat(data).as("a damaged part's files stay").exists();
    }

    @Test
    void partsCommittedByRenamingCountAndOneWhoseRenameWasCutShortIsDamaged() throws IOException {
        Path renamed = Files.createDirectories(results.resolve("a00001-b000000"));
        Files.write(renamed.resolve("part-00000-y.snappy.parquet"), parquet());
        Files.createDirectories(results.resolve("a00001-b000001"));
        Files.write(results.resolve("a00001-b000001/part-00000-z.snappy.parquet"), parquet());
        Files.createDirectories(results.resolve("_tmp/a00001-b000001-1234"));

        assertThat(ResultParts.names(parts.committed())).containsExactly("a00001-b000000", "a00001-b000001");
        assertThat(parts.locations(parts.committed())).allSatisfy(l -> assertThat(l).matches(".*/a00001-b00000[01]"));
        assertThat(parts.verify(parts.committed())).singleElement().hasToString("a00001-b000001 (its rename from "
                + "_tmp/a00001-b000001-1234 was cut short; on a store whose rename copies, some of its files may be "
                + "missing)");

        Files.writeString(Files.createDirectories(results.resolve(ResultParts.COMMITTED)).resolve("a00001-b000000"),
                new PartRecord("a00001-b000000", "elsewhere", List.of(new PartRecord.DataFile("f", 1))).text());
        assertThatThrownBy(() -> parts.committed()).hasMessageContaining("a00001-b000000 is both a directory");
    }
}
