package org.clsweep.jobs.dataset;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.output.FileSystems;

/** Opening and listing data files through the Hadoop FileSystem API, with errors that name the file. */
final class Sources {
    private Sources() {
    }

    /**
     * @param location any Hadoop path to a file
     * @param key      the spec key that names it, for errors
     * @throws SpecException on {@code key} if the file is missing, a directory or unreadable
     */
    static InputStream open(String location, String key, Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = FileSystems.of(path, conf);
            FileStatus status = fs.getFileStatus(path);
            if (status.isDirectory()) {
                throw new SpecException(key, location + " is a directory, expected a file");
            }
            return fs.open(path);
        } catch (FileNotFoundException e) {
            throw new SpecException(key, location + " does not exist", e);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SpecException s) {
                throw s;
            }
            throw new SpecException(key, location + " cannot be opened: " + e.getMessage(), e);
        }
    }

    /**
     * The data files of a location: the file itself, or a directory's files whose names start
     * neither with {@code _} nor {@code .} (Spark's markers and checksums), sorted by name.
     *
     * @throws SpecException on {@code key} if the location is missing or an empty directory
     */
    static List<Path> files(String location, String key, Configuration conf) {
        Path path = new Path(location);
        try {
            FileSystem fs = FileSystems.of(path, conf);
            FileStatus status = fs.getFileStatus(path);
            if (!status.isDirectory()) {
                return List.of(status.getPath());
            }
            List<Path> out = new ArrayList<>();
            for (FileStatus f : fs.listStatus(path)) {
                String name = f.getPath().getName();
                if (f.isFile() && !name.startsWith("_") && !name.startsWith(".")) {
                    out.add(f.getPath());
                }
            }
            out.sort(Comparator.comparing(Path::getName));
            if (out.isEmpty()) {
                throw new SpecException(key, location + " is a directory without data files");
            }
            return out;
        } catch (FileNotFoundException e) {
            throw new SpecException(key, location + " does not exist", e);
        } catch (IOException e) {
            throw new SpecException(key, location + " cannot be listed: " + e.getMessage(), e);
        }
    }
}
