package org.clsweep.jobs.regress.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.clsweep.jobs.output.FileSystems;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.regress.UnusableInputException;

/**
 * Writes a sweep's results as the new baseline directory ({@code --update-baseline}): the
 * manifest and the runs and aggregates tables, without optima, trace, Spark's marker and checksum
 * files or the regress output, plus a {@value #NOTE} saying how and when it was made. Nothing is
 * renamed, so the protocol holds on stores whose rename copies and then deletes (S3A):
 *
 * <pre>
 *   assemble  copy the kept files and the note into .BASELINE.new-&lt;stamp&gt; beside the baseline; a
 *             failure here leaves the old baseline as it was
 *   install   delete BASELINE/manifest.json, then the rest of BASELINE; copy the new tables and
 *             the note in, and the manifest last; delete .BASELINE.new-&lt;stamp&gt;
 * </pre>
 * A reader ({@link Baseline#load}) therefore finds the old baseline, the new one, or (while
 * installing, or after a crash there) a baseline without manifest, which it refuses naming the
 * interrupted update and how to finish it. A path that holds anything but a clsweep output is
 * never replaced.
 */
public final class BaselineStore {
    /** What a baseline keeps of a sweep directory. */
    public static final List<String> KEPT = List.of(OutputDirectory.MANIFEST, OutputDirectory.RUNS,
            OutputDirectory.AGGREGATES);
    /** The note written into a baseline. */
    public static final String NOTE = "BASELINE.md";
    /** The name of the directory a new baseline is assembled in, beside it: the baseline's name, then a stamp. */
    static final String NEW_PREFIX = ".%s.new-";

    private BaselineStore() {
    }

    /**
     * @param conf     the Hadoop configuration
     * @param source   a complete sweep output directory
     * @param baseline the baseline directory to create or replace
     * @param note     the text of {@value #NOTE}
     * @return the number of files written
     * @throws UnusableInputException if {@code baseline} holds something that is not a clsweep output
     * @throws IOException            if the copy fails (while assembling: the old baseline is then untouched)
     */
    public static int replace(Configuration conf, String source, String baseline, String note) throws IOException {
        Path src = new Path(source);
        Path dst = new Path(baseline);
        FileSystem srcFs = FileSystems.of(src, conf);
        try (FileSystem fs = FileSystems.newInstance(dst.toUri(), conf)) {
            // a private instance: no checksum side files in the baseline, Spark's cached one untouched
            fs.setWriteChecksum(false);
            return replace(srcFs, src, fs, fs.makeQualified(dst), note, conf);
        }
    }

    private static int replace(FileSystem srcFs, Path src, FileSystem fs, Path dst, String note, Configuration conf)
            throws IOException {
        if (fs.exists(dst)) {
            if (!fs.getFileStatus(dst).isDirectory()) {
                throw new UnusableInputException("--baseline " + dst + " is a file, not a directory; not replacing it");
            }
            if (fs.listStatus(dst).length > 0 && !fs.exists(new Path(dst, KEPT.get(0)))
                    && unfinishedUpdates(fs, dst).isEmpty()) {
                throw new UnusableInputException("--baseline " + dst + " is not empty and holds no " + KEPT.get(0)
                        + ": it is not a clsweep baseline; not replacing it");
            }
        }
        Path fresh = new Path(dst.getParent(), NEW_PREFIX.formatted(dst.getName()) + System.currentTimeMillis());
        int files = 0;
        try {
            fs.mkdirs(fresh);
            for (String name : KEPT) {
                Path from = new Path(src, name);
                if (srcFs.exists(from)) {
                    files += copy(srcFs, from, fs, new Path(fresh, name), conf);
                }
            }
            for (FileStatus list : srcFs.listStatus(src, p -> Manifest.isSeedList(p.getName()))) {
                files += copy(srcFs, list.getPath(), fs, new Path(fresh, list.getPath().getName()), conf);
            }
            try (OutputStream out = fs.create(new Path(fresh, NOTE), false)) {
                out.write(note.getBytes(StandardCharsets.UTF_8));
            }
            files++;
        } catch (IOException | RuntimeException e) {
            fs.delete(fresh, true);
            throw e;
        }
        // from here on a failure leaves the new baseline in fresh, which names the unfinished update
        install(fs, fresh, dst, conf);
        for (Path p : unfinishedUpdates(fs, dst)) {
            fs.delete(p, true);
        }
        return files;
    }

    /**
     * The new baselines that updates cut short left beside {@code dst} (this one's too, while it
     * installs).
     *
     * @param fs  the baseline's file system
     * @param dst the baseline directory (qualified)
     */
    static List<Path> unfinishedUpdates(FileSystem fs, Path dst) throws IOException {
        Path parent = dst.getParent();
        List<Path> out = new ArrayList<>();
        if (parent != null && fs.exists(parent)) {
            String prefix = NEW_PREFIX.formatted(dst.getName());
            for (FileStatus st : fs.listStatus(parent)) {
                if (st.isDirectory() && st.getPath().getName().startsWith(prefix)) {
                    out.add(st.getPath());
                }
            }
        }
        return out;
    }

    /** Replaces {@code dst}'s content by {@code fresh}'s, the manifest gone first and back last. */
    private static void install(FileSystem fs, Path fresh, Path dst, Configuration conf) throws IOException {
        Path manifest = new Path(dst, OutputDirectory.MANIFEST);
        if (fs.exists(manifest) && !fs.delete(manifest, false)) {
            throw new IOException("cannot delete " + manifest + " to replace the baseline");
        }
        fs.mkdirs(dst);
        for (FileStatus old : fs.listStatus(dst)) {
            fs.delete(old.getPath(), true);
        }
        for (FileStatus st : fs.listStatus(fresh)) {
            if (!st.getPath().getName().equals(OutputDirectory.MANIFEST)) {
                copy(fs, st.getPath(), fs, new Path(dst, st.getPath().getName()), conf);
            }
        }
        Path newManifest = new Path(fresh, OutputDirectory.MANIFEST);
        if (fs.exists(newManifest)) {
            FileUtil.copy(fs, newManifest, fs, manifest, false, true, conf);
        }
    }

    /** Copies a file or a table directory, skipping hidden and marker files (.crc, _SUCCESS). */
    private static int copy(FileSystem srcFs, Path from, FileSystem fs, Path to, Configuration conf) throws IOException {
        FileStatus st = srcFs.getFileStatus(from);
        if (!st.isDirectory()) {
            FileUtil.copy(srcFs, from, fs, to, false, true, conf);
            return 1;
        }
        fs.mkdirs(to);
        int n = 0;
        for (FileStatus child : srcFs.listStatus(from)) {
            String name = child.getPath().getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                continue;
            }
            n += copy(srcFs, child.getPath(), fs, new Path(to, name), conf);
        }
        return n;
    }
}
