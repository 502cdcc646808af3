package org.clsweep.jobs.output;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileAlreadyExistsException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clsweep.data.spec.SpecException;

/**
 * The lease one driver holds on an output directory while it writes there, {@code OUT/_lease}.
 *
 * <pre>
 *   take     create OUT/_lease without overwrite (atomic on HDFS and local file systems), holding
 *            host, process id, start time and a token; the creator holds the lease
 *   renew    every timeout/4 the holder rewrites the file: its modification time is the last renewal
 *   stale    now − modification time &gt; timeout, both read from the file system's clock (a probe
 *            file's modification time), or the holder ran on this host and its process is gone
 *   held     a second driver finds a lease that is not stale: refused, naming the holder
 *   break    a stale lease (or any lease, with --break-lease) is deleted and taken anew; the old
 *            holder is reported so that the manifest can record it
 *   release  the holder deletes the file; a directory the lease created and nothing else filled is
 *            removed with it
 * </pre>
 * Stores without an atomic create-if-absent (plain S3 before conditional writes) cannot keep two
 * drivers apart this way: docs/operators.md says so.
 */
public final class OutputLease implements Closeable {
    /** The lease file in the output directory. */
    public static final String FILE = "_lease";
    /** Files that start with this are the lease's own (the lease, clock probes). */
    static final String PREFIX = "_lease";
    /** A lease not renewed for this long may be taken over. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(5);

    private final FileSystem fs;
    private final Path root;
    private final Path file;
    private final String text;
    private final boolean createdRoot;
    private final String broken;
    private final ScheduledExecutorService renewer;

    private OutputLease(FileSystem fs, Path root, String text, boolean createdRoot, String broken,
                        Duration timeout, PrintWriter warnings) {
        this.fs = fs;
        this.root = root;
        this.file = new Path(root, FILE);
        this.text = text;
        this.createdRoot = createdRoot;
        this.broken = broken;
        this.renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "clsweep-lease");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, timeout.toMillis() / 4);
        renewer.scheduleWithFixedDelay(() -> renew(warnings), every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Takes the lease on an output directory.
     *
     * @param location   the output directory (any Hadoop path)
     * @param conf       the Hadoop configuration
     * @param timeout    how long an unrenewed lease holds
     * @param breakLease take the lease even from a live holder
     * @param warnings   where a lost lease is reported while renewing
     * @throws SpecException naming {@code --out} and the holder when another driver holds the lease,
     *                       or when the directory cannot be reached
     */
    public static OutputLease take(String location, Configuration conf, Duration timeout, boolean breakLease,
                                   PrintWriter warnings) {
        FileSystem fs = null;
        OutputLease lease = null;
        try {
            Path p = new Path(location);
            fs = FileSystems.newInstance(p.toUri(), conf);
            fs.setWriteChecksum(false);
            lease = acquire(fs, fs.makeQualified(p), timeout, breakLease, warnings);
            return lease;
        } catch (SpecException e) {
            throw e;
        } catch (IOException | IllegalArgumentException e) {
            throw new SpecException(OutputDirectory.OUT_KEY, "cannot take the lease on output directory " + location
                    + ": " + e.getMessage(), e);
        } finally {
            if (lease == null && fs != null) {
                try {
                    fs.close();
                } catch (IOException ignored) {
                    // the lease was not taken; nothing of this file system is needed any more
                }
            }
        }
    }

    /** Creates the lease file, taking over a stale (or, with {@code breakLease}, any) lease. */
    private static OutputLease acquire(FileSystem fs, Path root, Duration timeout, boolean breakLease,
                                       PrintWriter warnings) throws IOException {
        boolean createdRoot = !fs.exists(root);
        String text = holderText();
        Path file = new Path(root, FILE);
        String broken = null;
        for (int tries = 0; tries < 2; tries++) {
            if (create(fs, file, text)) {
                return new OutputLease(fs, root, text, createdRoot, broken, timeout, warnings);
            }
            Map<String, String> holder = read(fs, file);
            if (holder == null) {
                continue;
            }
            long age = clock(fs, root) - fs.getFileStatus(file).getModificationTime();
            String why = staleness(holder, age, timeout);
            if (why == null && !breakLease) {
                throw new SpecException(OutputDirectory.OUT_KEY, "--out " + root + " is in use by another "
                        + "clsweep driver (" + describe(holder) + ", lease renewed "
                        + Duration.ofMillis(Math.max(0, age)).toSeconds() + " s ago); wait for it to finish, or "
                        + "if it is gone, run again once its lease is " + timeout.toSeconds()
                        + " s old, or with --break-lease");
            }
            broken = describe(holder) + ", " + (why == null ? "broken with --break-lease" : why);
            fs.delete(file, false);
        }
        throw new SpecException(OutputDirectory.OUT_KEY, "--out " + root + ": another driver took the lease at "
                + "the same moment; run again later");
    }

    /** The holder this lease was taken from and why, or null when the lease was free. */
    public String broken() {
        return broken;
    }

    @Override
    public void close() throws IOException {
        renewer.shutdownNow();
        try {
            Map<String, String> now = read(fs, file);
            if (now != null && text.equals(format(now))) {
                fs.delete(file, false);
            }
            if (createdRoot && fs.exists(root) && fs.listStatus(root).length == 0) {
                fs.delete(root, false);
            }
        } finally {
            fs.close();
        }
    }

    private void renew(PrintWriter warnings) {
        try {
            Map<String, String> now = read(fs, file);
            if (now == null || !text.equals(format(now))) {
                warnings.println("clsweep: WARNING: the lease on " + root + " was taken by "
                        + (now == null ? "nobody (it was deleted)" : describe(now))
                        + "; another driver may be writing there");
                warnings.flush();
                renewer.shutdown();
                return;
            }
            try (OutputStream out = fs.create(file, true)) {
                out.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            warnings.println("clsweep: WARNING: cannot renew the lease on " + root + ": " + e.getMessage());
            warnings.flush();
        }
    }

    /** Null when the lease holds, else why it does not. */
    static String staleness(Map<String, String> holder, long ageMillis, Duration timeout) {
        if (ageMillis > timeout.toMillis()) {
            return "not renewed for " + Duration.ofMillis(ageMillis).toSeconds() + " s";
        }
        if (thisHost().equals(holder.get("host"))) {
            try {
                long pid = Long.parseLong(holder.getOrDefault("pid", ""));
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    return null;
                }
                return "its process is gone";
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    private static boolean create(FileSystem fs, Path file, String text) throws IOException {
        try (OutputStream out = fs.create(file, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (fs.exists(file)) {
                return false;
            }
            throw e;
        }
    }

    /** The file system's current time: the modification time of a file written now. */
    private static long clock(FileSystem fs, Path root) throws IOException {
        Path probe = new Path(root, PREFIX + ".clock-" + UUID.randomUUID());
        try {
            fs.create(probe, false).close();
            return fs.getFileStatus(probe).getModificationTime();
        } finally {
            fs.delete(probe, false);
        }
    }

    /** The lease's fields, or null when the file is gone. */
    private static Map<String, String> read(FileSystem fs, Path file) throws IOException {
        if (!fs.exists(file)) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = fs.open(file)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
        } catch (java.io.FileNotFoundException e) {
            return null;
        }
        return out;
    }

    private static String holderText() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("host", thisHost());
        m.put("pid", Long.toString(ProcessHandle.current().pid()));
        m.put("started", Instant.now().toString());
        m.put("token", UUID.randomUUID().toString());
        return format(m);
    }

    private static String format(Map<String, String> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        return sb.toString();
    }

    private static String describe(Map<String, String> holder) {
        return "host " + holder.getOrDefault("host", "?") + ", process " + holder.getOrDefault("pid", "?")
                + ", started " + holder.getOrDefault("started", "?");
    }

    private static String thisHost() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
