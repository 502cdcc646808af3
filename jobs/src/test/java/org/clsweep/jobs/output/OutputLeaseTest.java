package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.spec.SpecParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One driver at a time on an output directory, on the local file system. */
class OutputLeaseTest {
    private static final Duration TIMEOUT = Duration.ofMinutes(5);

    @TempDir
    Path tmp;

    private final StringWriter warnings = new StringWriter();

    private OutputLease take(Path dir, boolean breakLease) {
        return OutputLease.take(dir.toString(), new Configuration(), TIMEOUT, breakLease, new PrintWriter(warnings));
    }

    /** A lease file as another driver would have left it. */
    private static void forge(Path dir, String host, long pid, Instant renewed) throws IOException {
        Files.createDirectories(dir);
        Path f = dir.resolve(OutputLease.FILE);
        Files.writeString(f, "host=" + host + "\npid=" + pid + "\nstarted=2026-01-01T00:00:00Z\ntoken=t\n");
        Files.setLastModifiedTime(f, FileTime.from(renewed));
    }

    @Test
    void aSecondDriverIsRefusedAndTheHolderNamed() throws IOException {
        Path dir = tmp.resolve("out");
        try (OutputLease first = take(dir, false)) {
            assertThat(first.broken()).isNull();
            assertThat(dir.resolve(OutputLease.FILE)).exists();
            assertThatThrownBy(() -> take(dir, false)).isInstanceOf(SpecException.class)
                    .hasMessageStartingWith("--out ").hasMessageContaining("is in use by another clsweep driver")
                    .hasMessageContaining("process " + ProcessHandle.current().pid())
                    .hasMessageContaining("--break-lease");
        }
        assertThat(dir).doesNotExist();
        try (OutputLease again = take(dir, false)) {
            assertThat(again.broken()).isNull();
        }
    }

    @Test
    void aLeaseWhoseProcessIsGoneIsTakenOver() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-version")
                .redirectErrorStream(true).start();
        p.waitFor();
        Path dir = tmp.resolve("killed");
        forge(dir, java.net.InetAddress.getLocalHost().getHostName(), p.pid(), Instant.now());
        try (OutputLease lease = take(dir, false)) {
            assertThat(lease.broken()).contains("process " + p.pid()).contains("its process is gone");
        }
        assertThat(dir.resolve(OutputLease.FILE)).as("released").doesNotExist();
        assertThat(dir).as("a directory the lease did not create stays").exists();
    }

    @Test
    void aLeaseOfAnotherHostHoldsUntilItIsNotRenewedForTheTimeout() throws IOException {
        Path fresh = tmp.resolve("fresh");
        forge(fresh, "elsewhere", 1, Instant.now());
        assertThatThrownBy(() -> take(fresh, false)).hasMessageContaining("host elsewhere, process 1");
        Path old = tmp.resolve("old");
        forge(old, "elsewhere", 1, Instant.now().minus(TIMEOUT).minusSeconds(60));
        try (OutputLease lease = take(old, false)) {
            assertThat(lease.broken()).contains("host elsewhere").contains("not renewed for");
        }
    }

    @Test
    void breakLeaseTakesItFromALiveHolder() throws IOException {
        Path dir = tmp.resolve("busy");
        forge(dir, "elsewhere", 1, Instant.now());
        try (OutputLease lease = take(dir, true)) {
            assertThat(lease.broken()).contains("host elsewhere").contains("broken with --break-lease");
            assertThat(Files.readString(dir.resolve(OutputLease.FILE))).contains("pid=" + ProcessHandle.current().pid());
        }
    }

    @Test
    void theHolderRenewsItsLeaseAndNoticesWhenItIsTaken() throws Exception {
        Path dir = tmp.resolve("renewed");
        try (OutputLease lease = OutputLease.take(dir.toString(), new Configuration(), Duration.ofMillis(400), false,
                new PrintWriter(warnings))) {
            FileTime before = Files.getLastModifiedTime(dir.resolve(OutputLease.FILE));
            Thread.sleep(1_200);
            assertThat(Files.getLastModifiedTime(dir.resolve(OutputLease.FILE))).isGreaterThan(before);
            // a renewal that read the file just before the forgery rewrites it: forge again until the
            // holder's next renewal reads the forgery (each renewal reads, then rewrites)
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!warnings.toString().contains("was taken") && System.nanoTime() < deadline) {
                if (!Files.readString(dir.resolve(OutputLease.FILE)).contains("host=elsewhere")) {
                    forge(dir, "elsewhere", 1, Instant.now());
                }
                Thread.sleep(50);
            }
            assertThat(warnings.toString()).contains("was taken by host elsewhere");
        }
        assertThat(dir.resolve(OutputLease.FILE)).as("another's lease is left alone").exists();
    }

    @Test
    void aDirectoryHoldingOnlyALeaseIsEmptyToTheSweep() throws IOException {
        Path dir = tmp.resolve("new");
        try (OutputLease lease = take(dir, false);
             OutputDirectory out = OutputDirectory.open(dir.toString(), new Configuration())) {
            OutputDirectory.Inspection found = out.inspect(SpecParser.parseString("sweep { name = s, seeds = 1 }",
                    "s.conf", List.of()));
            assertThat(found.state()).isEqualTo(OutputDirectory.State.EMPTY);
        }
    }
}
