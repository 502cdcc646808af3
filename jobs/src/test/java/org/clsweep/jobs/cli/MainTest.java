package org.clsweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.jobs.Main;
import org.clsweep.jobs.output.OutputLease;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and messages of the CLI for everything decided before Spark starts. */
class MainTest {
    static final String GOOD = "sweep {\n name = cli\n seeds = 2\n grid { activation = [linear, relu], width = [1, 4] }\n}\n";

    @TempDir
    Path tmp;

    record Result(int code, String out, String err) {
    }

    static Result cli(String... args) {
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        int code = Main.execute(new PrintStream(o, true, StandardCharsets.UTF_8),
                new PrintStream(e, true, StandardCharsets.UTF_8), args);
        return new Result(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
    }

    Path spec(String text) throws Exception {
        Path p = tmp.resolve("spec-" + text.hashCode() + ".conf");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void validatePrintsTheCells() throws Exception {
        Result r = cli("validate", spec(GOOD).toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("cli: 4 cells × 2 seeds = 8 runs; activation ∈ {linear, relu} × width ∈ {1, 4}")
                .contains("spec hash ").containsPattern("#\\s+cell_id\\s+activation\\s+width")
                .containsPattern("3\\s+[0-9a-f]{16}\\s+relu\\s+4");
    }

    @Test
    void validateAppliesSet() throws Exception {
        Result r = cli("validate", spec(GOOD).toString(), "--set", "grid.width=[2]", "--set", "activation=relu");
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.out).contains("cli: 1 cell × 2 seeds = 2 runs; width ∈ {2}");
    }

    @Test
    void badSpecExitsTwoNamingTheKey() throws Exception {
        Result r = cli("validate", spec("sweep { name = x, seeds = 1, widht = 3 }").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("clsweep: error: unknown key widht").contains("did you mean width?");
    }

    @Test
    void runWithABadSpecExitsTwoAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Result r = cli("run", spec("sweep { name = x, seeds = 1, geometry { dim = 2, patterns = 6 } }").toString(),
                "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("geometry.dim");
        assertThat(out).doesNotExist();
    }

    @Test
    void decouplingAOneLayerSweepExitsTwoNamingTheKeyAndWritesNothing() throws Exception {
        Path out = tmp.resolve("out");
        Result r = cli("run", spec("sweep { name = x, seeds = 1, tokens { decouple = true } }").toString(),
                "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("tokens.decouple").contains("onelayer");
        assertThat(out).doesNotExist();
    }

    @Test
    void validatePrintsTheEstimatedSimulationCost() throws Exception {
        Result r = cli("validate", spec(GOOD).toString());
        assertThat(r.code).as(r.err).isZero();
        assertThat(r.err).containsPattern("estimated simulation: ≈ \\d+ CPU-seconds \\(from the per-model cost")
                .containsPattern("estimated output: ≈ [0-9.]+ [kMG]?B of tables");
        assertThat(r.out.lines().skip(1).findFirst()).as("the spec hash stays the second line of stdout")
                .hasValueSatisfying(l -> assertThat(l).startsWith("spec hash "));
    }

    @Test
    void aSweepAboveTheRunLimitIsRefusedUnlessAllowed() throws Exception {
        StringBuilder widths = new StringBuilder();
        for (int w = 1; w <= 1000; w++) {
            widths.append(w == 1 ? "" : ", ").append(w);
        }
        Path big = spec("sweep { name = big, seeds = 10001, grid { width = [" + widths + "] } }");
        Path out = tmp.resolve("big-out");
        Result r = cli("run", big.toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("10001000 runs, more than the limit of 10000000", "1000 cells × 10001 seeds",
                "width ∈ {1, 2, 3", "--allow-large");
        assertThat(out).doesNotExist();
    }

    @Test
    void anObjectStoreWhoseFileSystemIsMissingExitsTwoNamingWhatToAdd() throws Exception {
        Result r = cli("run", spec(GOOD).toString(), "--out", "s3a://no-such-bucket/sweeps/x");
        assertThat(r.code).as(r.err).isEqualTo(2);
        assertThat(r.err).contains("output directory s3a://no-such-bucket/sweeps/x", "no file system for scheme \"s3a\"",
                "hadoop-aws").doesNotContain("at org.apache");
    }

    @Test
    void runWithABadSetExitsTwo() throws Exception {
        Path out = tmp.resolve("out");
        Result r = cli("run", spec(GOOD).toString(), "--out", out.toString(), "--set", "grid.width=[0]");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("grid cell (activation=linear, width=0)");
        assertThat(out).doesNotExist();
    }

    @Test
    void missingSpecFileExitsTwo() {
        Result r = cli("run", tmp.resolve("absent.conf").toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("absent.conf").contains("no such file");
    }

    @Test
    void outThatIsAFileExitsTwoAndLeavesItAlone() throws Exception {
        Path out = tmp.resolve("file");
        Files.writeString(out, "mine");
        Result r = cli("run", spec(GOOD).toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--out").contains("is a file");
        assertThat(Files.readString(out)).isEqualTo("mine");
    }

    @Test
    void outThatIsAForeignDirectoryExitsTwoAndLeavesItAlone() throws Exception {
        Path out = tmp.resolve("foreign");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Result r = cli("run", spec(GOOD).toString(), "--out", out.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("not a clsweep output");
        assertThat(out).isDirectoryContaining(p -> p.getFileName().toString().equals("notes.txt"));
        try (var files = Files.list(out)) {
            assertThat(files.count()).isEqualTo(1);
        }
    }

    @Test
    void aggregateOfADirectoryWithoutRunsExitsTwo() {
        Result r = cli("aggregate", tmp.toString());
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("has no runs table");
    }

    @Test
    void usageErrorsExitTwo() {
        assertThat(cli().code).isEqualTo(2);
        assertThat(cli("frobnicate").code).isEqualTo(2);
        assertThat(cli("run").code).isEqualTo(2);
        Result r = cli("validate", "x.conf", "--no-such-option");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--no-such-option");
    }

    @Test
    void versionAndHelp() {
        Result v = cli("--version");
        assertThat(v.code).isZero();
        assertThat(v.out).startsWith("clsweep 0.");
        Result h = cli("run", "--help");
        assertThat(h.code).isZero();
        assertThat(h.out).contains("--out").contains("--set").contains("--master").contains("--retry-failed");
    }

    @Test
    void aSecondDriverOnTheSameOutputExitsTwoAtOnceNamingTheHolder() throws Exception {
        Path out = tmp.resolve("busy");
        try (OutputLease held = OutputLease.take(out.toString(), new Configuration(), OutputLease.DEFAULT_TIMEOUT,
                false, new PrintWriter(System.err))) {
            Result r = cli("run", spec(GOOD).toString(), "--out", out.toString(), "--master", "local[1]");
            assertThat(r.code).isEqualTo(2);
            assertThat(r.err).contains("is in use by another clsweep driver")
                    .contains("process " + ProcessHandle.current().pid()).contains("--break-lease");
            try (var entries = Files.list(out)) {
                assertThat(entries.map(p -> p.getFileName().toString())).containsExactly(OutputLease.FILE);
            }
        }
    }

    @Test
    void aLeaseTimeoutBelowOneSecondIsRefused() throws Exception {
        Result r = cli("run", spec(GOOD).toString(), "--out", tmp.resolve("t").toString(), "--lease-timeout", "0");
        assertThat(r.code).isEqualTo(2);
        assertThat(r.err).contains("--lease-timeout must be >= 1 second, found 0");
    }
}
