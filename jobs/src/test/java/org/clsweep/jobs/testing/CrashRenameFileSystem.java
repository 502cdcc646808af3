package org.clsweep.jobs.testing;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * The local disk under the scheme {@value #SCHEME}, with a rename like S3A's: it copies every
 * file of the source to the destination, then deletes the source, and can crash at a chosen
 * rename either half-way through the copy (half of the bytes, in path order: some files whole,
 * one cut short, the rest missing) or between the copy and the delete. Every other operation is
 * {@link RawLocalFileSystem}'s (no checksum files).
 *
 * <p>Register it with {@code fs.crashrename.impl} = this class (or the Spark setting
 * {@code spark.hadoop.fs.crashrename.impl}) and use paths {@code crashrename:///tmp/…}. A crash is
 * armed by {@link #arm} in this JVM, where it throws a {@link Crash} (an {@link Error}, so that
 * code catching exceptions does not tidy up after it), or in a child JVM by the system property
 * {@value #PROPERTY} = {@code PHASE:REGEX:SKIP} (e.g. {@code MID_COPY:/runs$:0}), where it halts the
 * JVM like a kill. Throwing suits code that runs outside Spark (a baseline update); inside a Spark
 * job it is no crash (Spark may swallow an error thrown in a job commit and carry on), so crash a
 * sweep by halting a child JVM. Renames are recorded ({@link #renames}) so a test can check what
 * was renamed.
 */
public class CrashRenameFileSystem extends RawLocalFileSystem {
    public static final String SCHEME = "crashrename";
    /** The Hadoop setting that registers this file system. */
    public static final String IMPL_KEY = "fs." + SCHEME + ".impl";
    /** The system property that arms a crash that halts the JVM (see the class comment). */
    public static final String PROPERTY = "clsweep.test.crash-rename";
    /** The exit status of a halted JVM, that of a process killed by SIGKILL. */
    public static final int HALT_STATUS = 137;

    /** Where in a rename the crash comes. */
    public enum Phase {
        /** Half of the source's bytes are copied. */
        MID_COPY,
        /** Everything is copied, nothing deleted. */
        AFTER_COPY
    }

    /** Thrown where a crash is armed. */
    public static final class Crash extends Error {
        private static final long serialVersionUID = 1L;

        Crash(String where) {
            super("crashed " + where);
        }
    }

    private record Trigger(Phase phase, Pattern destination, boolean halt) {
    }

    private static final AtomicInteger skip = new AtomicInteger(Integer.MAX_VALUE);
    private static final List<String> RENAMES = new CopyOnWriteArrayList<>();
    private static final List<String> CRASHES = new CopyOnWriteArrayList<>();
    private static volatile Trigger trigger = fromProperty();

    /**
     * Arms a crash in this JVM: the rename whose destination path matches {@code destination}
     * (somewhere), after {@code skipping} such renames, throws {@link Crash} at {@code phase}.
     * Clears the record of renames and crashes.
     */
    public static void arm(Phase phase, String destination, int skipping) {
        RENAMES.clear();
        CRASHES.clear();
        skip.set(skipping);
        trigger = new Trigger(phase, Pattern.compile(destination), false);
    }

    /** No crash from now on; the record of renames and crashes is kept. */
    public static void disarm() {
        trigger = null;
    }

    /** Every rename since the last {@link #arm}, as {@code source -> destination}. */
    public static List<String> renames() {
        return List.copyOf(RENAMES);
    }

    /** Where crashes came since the last {@link #arm}. */
    public static List<String> crashes() {
        return List.copyOf(CRASHES);
    }

    private static Trigger fromProperty() {
        String v = System.getProperty(PROPERTY);
        if (v == null || v.isBlank()) {
            return null;
        }
        int first = v.indexOf(':');
        int last = v.lastIndexOf(':');
        if (first < 0 || last == first) {
            throw new IllegalArgumentException(PROPERTY + " must be PHASE:REGEX:SKIP, found " + v);
        }
        skip.set(Integer.parseInt(v.substring(last + 1)));
        return new Trigger(Phase.valueOf(v.substring(0, first)), Pattern.compile(v.substring(first + 1, last)), true);
    }

    @Override
    public URI getUri() {
        return URI.create(SCHEME + ":///");
    }

    @Override
    public String getScheme() {
        return SCHEME;
    }

    /**
     * Renames by copying, then deleting. Follows Hadoop's rename rules: false when the source is
     * missing or the destination is a file; into the destination when that is a directory.
     */
    @Override
    public boolean rename(Path src, Path dst) throws IOException {
        FileStatus from;
        try {
            from = getFileStatus(src);
        } catch (FileNotFoundException e) {
            return false;
        }
        Path target = dst;
        if (exists(dst)) {
            if (!getFileStatus(dst).isDirectory()) {
                return false;
            }
            target = new Path(dst, src.getName());
            if (exists(target)) {
                return false;
            }
        }
        Trigger t = trigger;
        boolean crash = t != null && t.destination().matcher(target.toUri().getPath()).find() && skip.getAndDecrement() == 0;
        boolean mid = crash && t.phase() == Phase.MID_COPY;
        String what = src + " -> " + target;
        List<FileStatus> files = new ArrayList<>();
        collect(from, files);
        long budget = mid ? files.stream().mapToLong(FileStatus::getLen).sum() / 2 : Long.MAX_VALUE;
        mkdirs(from.isDirectory() ? target : target.getParent());
        for (FileStatus f : files) {
            Path to = f == from ? target : new Path(target, relative(from.getPath(), f.getPath()));
            if (f.isDirectory()) {
                mkdirs(to);
                continue;
            }
            if (mid && budget == 0) {
                crash(t, "half-way through copying " + what);
            }
            long n = Math.min(budget, f.getLen());
            copy(f.getPath(), to, n);
            budget -= n;
            if (mid && n < f.getLen()) {
                crash(t, "half-way through copying " + what);
            }
        }
        if (crash) {
            crash(t, (mid ? "half-way through copying " : "after copying, before deleting ") + what);
        }
        delete(src, true);
        RENAMES.add(what);
        return true;
    }

    private void crash(Trigger t, String where) {
        CRASHES.add(where);
        if (t.halt()) {
            Runtime.getRuntime().halt(HALT_STATUS);
        }
        throw new Crash(where);
    }

    /** Everything under {@code st} (itself if a file), directories before their content, in path order. */
    private void collect(FileStatus st, List<FileStatus> out) throws IOException {
        if (!st.isDirectory()) {
            out.add(st);
            return;
        }
        FileStatus[] children = listStatus(st.getPath());
        Arrays.sort(children, Comparator.comparing(c -> c.getPath().getName()));
        for (FileStatus c : children) {
            if (c.isDirectory()) {
                out.add(c);
            }
            collect(c, out);
        }
    }

    private static String relative(Path root, Path p) {
        String r = root.toUri().getPath();
        String s = p.toUri().getPath();
        return s.length() == r.length() ? "" : s.substring(r.length() + 1);
    }

    private void copy(Path from, Path to, long bytes) throws IOException {
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = open(from); OutputStream out = create(to, false)) {
            long left = bytes;
            while (left > 0) {
                int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
                left -= n;
            }
        }
    }
}
