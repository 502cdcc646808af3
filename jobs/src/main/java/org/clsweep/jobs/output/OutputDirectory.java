package org.clsweep.jobs.output;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigValue;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * A sweep's output directory on any Hadoop file system, and the protocol that keeps it whole:
 *
 * <pre>
 *   OUT/manifest.json            written first (RUNNING), rewritten last (COMPLETE or ABORTED)
 *   OUT/_staging/{result,runs,optima,trace,tokens,aggregates}   where the job writes
 *   OUT/{runs,optima,trace,tokens,aggregates}                   moved in from _staging by commit()
 * </pre>
 * Tables appear in OUT only by a rename after they are fully written, so a reader never sees a
 * half-written table; a manifest that is not COMPLETE says the directory is unfinished.
 * {@link #inspect} refuses (with a {@link SpecException} on key {@value #OUT_KEY}) a path that is a
 * file, a non-empty directory without a manifest, or the output of another sweep — naming the spec
 * keys that differ. A manifest is replaced by writing a temporary file and renaming it.
 */
public final class OutputDirectory implements AutoCloseable {
    public static final String OUT_KEY = "--out";
    public static final String MANIFEST = "manifest.json";
    public static final String RUNS = "runs";
    public static final String OPTIMA = "optima";
    public static final String TRACE = "trace";
    public static final String TOKENS = "tokens";
    public static final String AGGREGATES = "aggregates";
    public static final String STAGING = "_staging";
    public static final String RESULT = "result";
    /** The tables of a finished output, in commit order. */
    public static final List<String> TABLES = List.of(RUNS, OPTIMA, TRACE, TOKENS, AGGREGATES);

    private static final int MAX_DIFF_KEYS = 12;

    /** What {@link #inspect} found. */
    public enum State {
        /** Nothing there yet, or an empty directory. */
        EMPTY,
        /** A sweep with this spec started here and did not complete. */
        INCOMPLETE,
        /** A sweep with this spec completed here. */
        COMPLETE
    }

    private final FileSystem fs;
    private final Path root;

    private OutputDirectory(FileSystem fs, Path root) {
        this.fs = fs;
        this.root = root;
    }

    /**
     * @param location a Hadoop path or URI (a plain path is on the default file system)
     * @param conf     the Hadoop configuration (Spark's, once a session runs)
     * @throws SpecException if the location is not a valid path or its file system is unavailable
     */
    public static OutputDirectory open(String location, Configuration conf) {
        try {
            Path p = new Path(location);
            URI uri = p.toUri();
            FileSystem fs = FileSystem.newInstance(uri, conf);
            fs.setWriteChecksum(false);
            return new OutputDirectory(fs, fs.makeQualified(p));
        } catch (IOException | IllegalArgumentException e) {
            throw new SpecException(OUT_KEY, "cannot open output directory " + location + ": " + e.getMessage(), e);
        }
    }

    /** The qualified root, e.g. {@code file:/home/me/runs/quickstart}. */
    public String root() {
        return root.toString();
    }

    /** A table's final location. */
    public String table(String name) {
        return new Path(root, name).toString();
    }

    /** A table's location while it is written. */
    public String staged(String name) {
        return new Path(new Path(root, STAGING), name).toString();
    }

    /**
     * Checks that this directory can take the sweep, writing nothing.
     *
     * @param spec the sweep to run. Not modified.
     * @throws SpecException on key {@value #OUT_KEY} if the directory belongs to something else
     */
    public State inspect(SweepSpec spec) {
        try {
            if (!fs.exists(root)) {
                return State.EMPTY;
            }
            FileStatus st = fs.getFileStatus(root);
            if (!st.isDirectory()) {
                throw refuse("is a file, not a directory");
            }
            Optional<Manifest> m = readManifest();
            if (m.isEmpty()) {
                if (fs.listStatus(root).length == 0) {
                    return State.EMPTY;
                }
                throw refuse("is not empty and holds no " + MANIFEST + ": it is not a clsweep output; refusing "
                        + "to write into it");
            }
            Manifest man = m.get();
            if (!man.sweep().equals(spec.name()) || !man.specHash().equals(spec.hash())) {
                List<String> diff = differingKeys(man.spec(), spec.toConfig());
                throw refuse("holds sweep '" + man.sweep() + "' (spec hash " + man.specHash().substring(0, 12)
                        + "…), another spec: the keys that differ are " + summarise(diff)
                        + "; choose another --out");
            }
            return man.status() == ManifestStatus.COMPLETE ? State.COMPLETE : State.INCOMPLETE;
        } catch (IOException e) {
            throw refuse("cannot be read: " + e.getMessage());
        }
    }

    /** The manifest, if there is one. */
    public Optional<Manifest> readManifest() throws IOException {
        Path p = new Path(root, MANIFEST);
        if (!fs.exists(p)) {
            return Optional.empty();
        }
        try (InputStream in = fs.open(p)) {
            return Optional.of(Manifest.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw refuse("has an unreadable " + MANIFEST + ": " + e.getMessage());
        }
    }

    /**
     * Makes the directory ready for a fresh sweep: creates it, removes the tables and staging area
     * of an earlier unfinished attempt, and writes the RUNNING manifest.
     *
     * @throws SpecException on key {@value #OUT_KEY} if the directory cannot be created or written
     */
    public void begin(Manifest running) {
        try {
            if (!fs.mkdirs(root)) {
                throw refuse("cannot be created");
            }
            delete(new Path(root, STAGING));
            for (String t : TABLES) {
                delete(new Path(root, t));
            }
            writeManifest(running);
        } catch (IOException e) {
            throw refuse("cannot be written: " + e.getMessage());
        }
    }

    /** Moves the staged tables into place and removes the staging area. */
    public void commit(List<String> tables) throws IOException {
        for (String t : tables) {
            Path from = new Path(staged(t));
            Path to = new Path(root, t);
            delete(to);
            if (!fs.rename(from, to)) {
                throw new IOException("cannot move " + from + " to " + to);
            }
        }
        delete(new Path(root, STAGING));
    }

    /** Replaces the manifest (temporary file, then rename). */
    public void writeManifest(Manifest m) throws IOException {
        Path tmp = new Path(root, "." + MANIFEST + ".tmp");
        Path target = new Path(root, MANIFEST);
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(m.toJson().getBytes(StandardCharsets.UTF_8));
        }
        delete(target);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot move " + tmp + " to " + target);
        }
    }

    /** Whether a table exists in its final place. */
    public boolean hasTable(String name) throws IOException {
        return fs.exists(new Path(root, name));
    }

    /** Removes a staged table if present. */
    public void clearStaged(String name) throws IOException {
        delete(new Path(staged(name)));
    }

    private void delete(Path p) throws IOException {
        if (fs.exists(p)) {
            fs.delete(p, true);
        }
    }

    private SpecException refuse(String why) {
        return new SpecException(OUT_KEY, "--out " + root + " " + why);
    }

    /** Dotted spec keys whose values differ between two resolved specs, sorted. */
    static List<String> differingKeys(Config a, Config b) {
        TreeSet<String> keys = new TreeSet<>();
        for (Map.Entry<String, ConfigValue> e : a.entrySet()) {
            keys.add(e.getKey());
        }
        for (Map.Entry<String, ConfigValue> e : b.entrySet()) {
            keys.add(e.getKey());
        }
        List<String> out = new ArrayList<>();
        for (String k : keys) {
            Object va = a.hasPath(k) ? a.getValue(k).unwrapped() : null;
            Object vb = b.hasPath(k) ? b.getValue(k).unwrapped() : null;
            if (va == null ? vb != null : !numbersAware(va).equals(numbersAware(vb))) {
                out.add(k.startsWith("sweep.") ? k.substring("sweep.".length()) : k);
            }
        }
        return out;
    }

    private static Object numbersAware(Object v) {
        return v instanceof Number n ? (Object) n.doubleValue() : v == null ? "null" : v;
    }

    private static String summarise(List<String> keys) {
        if (keys.isEmpty()) {
            return "none (the spec was written by another clsweep version)";
        }
        List<String> shown = keys.size() > MAX_DIFF_KEYS ? keys.subList(0, MAX_DIFF_KEYS) : keys;
        return String.join(", ", shown) + (keys.size() > shown.size() ? " and " + (keys.size() - shown.size())
                + " more" : "");
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
