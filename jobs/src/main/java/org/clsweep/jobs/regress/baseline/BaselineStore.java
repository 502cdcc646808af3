package org.clsweep.jobs.regress.baseline;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.FileUtil;
import org.apache.hadoop.fs.Path;
import org.clsweep.jobs.output.OutputDirectory;
import org.clsweep.jobs.regress.UnusableInputException;

/**
 * Writes a sweep's results as the new baseline directory ({@code --update-baseline}): the
 * manifest and the runs and aggregates tables, without optima, trace, Spark's marker and checksum
 * files or the regress output, plus a {@value #NOTE} saying how and when it was made. The new
 * directory is assembled beside the old one and swapped in by renames, so a failed copy leaves
 * the old baseline in place. A path that holds anything but a clsweep output is never replaced.
 */
public final class BaselineStore {
    /** What a baseline keeps of a sweep directory. */
    public static final List<String> KEPT = List.of(OutputDirectory.MANIFEST, OutputDirectory.RUNS,
            OutputDirectory.AGGREGATES);
    /** The note written into a baseline. */
    public static final String NOTE = "BASELINE.md";

    private BaselineStore() {
    }

    /**
     * @param conf     the Hadoop configuration
     * @param source   a complete sweep output directory
     * @param baseline the baseline directory to create or replace
     * @param note     the text of {@value #NOTE}
     * @return the number of files written
     * @throws UnusableInputException if {@code baseline} holds something that is not a clsweep output
     * @throws IOException            if the copy fails (the old baseline is then untouched)
     */
    public static int replace(Configuration conf, String source, String baseline, String note) throws IOException {
        Path src = new Path(source);
        Path dst = new Path(baseline);
        FileSystem srcFs = src.getFileSystem(conf);
        try (FileSystem fs = FileSystem.newInstance(dst.toUri(), conf)) {
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
            if (fs.listStatus(dst).length > 0 && !fs.exists(new Path(dst, KEPT.get(0)))) {
                throw new UnusableInputException("--baseline " + dst + " is not empty and holds no " + KEPT.get(0)
                        + ": it is not a clsweep baseline; not replacing it");
            }
        }
        long stamp = System.currentTimeMillis();
        Path fresh = new Path(dst.getParent(), "." + dst.getName() + ".new-" + stamp);
        Path old = new Path(dst.getParent(), "." + dst.getName() + ".old-" + stamp);
        int files = 0;
        try {
            fs.mkdirs(fresh);
            for (String name : KEPT) {
                Path from = new Path(src, name);
                if (srcFs.exists(from)) {
                    files += copy(srcFs, from, fs, new Path(fresh, name), conf);
                }
            }
            try (OutputStream out = fs.create(new Path(fresh, NOTE), false)) {
                out.write(note.getBytes(StandardCharsets.UTF_8));
            }
            files++;
            if (fs.exists(dst) && !fs.rename(dst, old)) {
                throw new IOException("cannot move the old baseline " + dst + " aside to " + old);
            }
            if (!fs.rename(fresh, dst)) {
                if (fs.exists(old)) {
                    fs.rename(old, dst);
                }
                throw new IOException("cannot move the new baseline " + fresh + " to " + dst);
            }
            fs.delete(old, true);
        } finally {
            if (fs.exists(fresh)) {
                fs.delete(fresh, true);
            }
        }
        return files;
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
