package org.clsweep.jobs.output;

import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.UnsupportedFileSystemException;

/**
 * Opens Hadoop file systems so that a scheme whose implementation is not on the classpath is an
 * {@link IOException} naming the scheme and what to add, like any other unusable path. Hadoop's
 * defaults name an implementation for {@code s3a} (in {@code hadoop-aws}, which the clsweep jar
 * cannot carry) and throw a {@link RuntimeException} wrapping {@link ClassNotFoundException} when
 * it is missing.
 */
public final class FileSystems {
    private FileSystems() {
    }

    /** {@link Path#getFileSystem}: the cached file system of {@code path}. */
    public static FileSystem of(Path path, Configuration conf) throws IOException {
        try {
            return path.getFileSystem(conf);
        } catch (RuntimeException e) {
            throw missing(path.toUri(), e);
        }
    }

    /** {@link FileSystem#newInstance(URI, Configuration)}: a new file system the caller closes. */
    public static FileSystem newInstance(URI uri, Configuration conf) throws IOException {
        try {
            return FileSystem.newInstance(uri, conf);
        } catch (RuntimeException e) {
            throw missing(uri, e);
        }
    }

    /** The exception for a missing implementation; {@code e} itself, rethrown, for anything else. */
    private static UnsupportedFileSystemException missing(URI uri, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ClassNotFoundException) {
                String scheme = uri.getScheme();
                String hint = "s3a".equals(scheme)
                        ? "; S3A needs hadoop-aws of the Hadoop release Spark runs on, with its AWS SDK, on the "
                        + "classpath of driver and executors (docs/operators.md, \"Output on HDFS or S3\")"
                        : "; add the jar that implements it to the classpath of driver and executors";
                UnsupportedFileSystemException u = new UnsupportedFileSystemException("no file system for scheme \""
                        + scheme + "\" on the classpath (" + t.getMessage() + ")" + hint);
                u.initCause(e);
                return u;
            }
        }
        throw e;
    }
}
