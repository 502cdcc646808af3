package org.clsweep.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;

/**
 * A sweep's output directory on any Hadoop file system, and the protocol that keeps it whole:
 *
 * <pre>
 *   OUT/manifest.json            written first (RUNNING), rewritten last (COMPLETE or ABORTED)
 *   OUT/_results/                the committed run results, immutable parts ({@link ResultParts})
 *   OUT/_staging/{runs,optima,trace,tokens,aggregates}   where the tables derived from them are written
 *   OUT/{runs,optima,trace,tokens,aggregates}            moved in from _staging by commit()
 * </pre>
 * Tables appear in OUT only by a rename after they are fully written, so a reader never sees a
 * half-written table; a manifest that is not COMPLETE says the directory is unfinished. The
 * results in {@code _results} are the record the tables are derived from: they survive an
 * interrupted attempt, and a later one only adds to them. {@link #inspect} refuses (with a
 * {@link SpecException} on key {@value #OUT_KEY}) a path that is a file, a non-empty directory
 * without a manifest, or the output of another sweep ({@link SpecChange}: the message names the
 * spec keys that differ). A manifest is replaced by writing a temporary file and renaming it; a
 * missing or cut-short manifest next to a whole temporary one (the writer died between the two
 * steps, or while a copying rename was under way) is read from the temporary file.
 *
 * <p>On a store whose rename copies and then deletes (S3A), moving a table into place is not
 * atomic: while {@link #commit} runs, and after a crash in it, a table may be partly there. The
 * manifest says so: it is RUNNING from {@link #begin} until the tables are all in place and
 * becomes COMPLETE only after that, so tables under a manifest that is not COMPLETE are
 * unfinished; the next attempt derives them again from the committed results.
 */
public final class OutputDirectory implements AutoCloseable {
    public static final String OUT_KEY = "--out";
    public static final String MANIFEST = "manifest.json";
    static final String MANIFEST_TMP = "." + MANIFEST + ".tmp";
    public static final String RUNS = "runs";
    public static final String OPTIMA = "optima";
    public static final String TRACE = "trace";
    public static final String TOKENS = "tokens";
    public static final String AGGREGATES = "aggregates";
    public static final String STAGING = "_staging";
    /** The tables of a finished output, in commit order. */
    public static final List<String> TABLES = List.of(RUNS, OPTIMA, TRACE, TOKENS, AGGREGATES);

    /** What {@link #inspect} found. */
    public enum State {
        /** Nothing there yet, or an empty directory. */
        EMPTY,
        /** A sweep with this spec, or one it extends, started here and did not complete. */
        INCOMPLETE,
        /** A sweep with this spec, or one it extends, completed here. */
        COMPLETE
    }

    /**
     * What {@link #inspect} found, and how the directory's spec relates to the one to run.
     *
     * @param state    the directory's state
     * @param manifest its manifest (absent when EMPTY)
     * @param change   SAME or EXTENSION (SAME when EMPTY)
     */
    public record Inspection(State state, Optional<Manifest> manifest, SpecChange change) {
        /** Whether the directory holds exactly this spec, completed. */
        public boolean completeAsIs() {
            return state == State.COMPLETE && change.kind() == SpecChange.Kind.SAME;
        }
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
            FileSystem fs = FileSystems.newInstance(uri, conf);
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

    /** The committed results under {@code OUT/_results}. */
    public ResultParts results() {
        return new ResultParts(fs, root);
    }

    /**
     * Checks that this directory can take the sweep, writing nothing.
     *
     * @param spec the sweep to run. Not modified.
     * @throws SpecException on key {@value #OUT_KEY} if the directory belongs to something else
     */
    public Inspection inspect(SweepSpec spec) {
        SpecChange same = new SpecChange(SpecChange.Kind.SAME, List.of(), 0, 0);
        try {
            if (!fs.exists(root)) {
                return new Inspection(State.EMPTY, Optional.empty(), same);
            }
            FileStatus st = fs.getFileStatus(root);
            if (!st.isDirectory()) {
                throw refuse("is a file, not a directory");
            }
            Optional<Manifest> m = readManifest();
            if (m.isEmpty()) {
                // a first manifest write cut short may have left its temporary file and its seed list
                List<FileStatus> entries = entriesBesideLease();
                entries.removeIf(e -> e.getPath().getName().equals(MANIFEST_TMP)
                        || SeedFile.isSeedFile(e.getPath().getName()));
                if (entries.isEmpty()) {
                    return new Inspection(State.EMPTY, Optional.empty(), same);
                }
                throw refuse("is not empty and holds no " + MANIFEST + ": it is not a clsweep output; refusing "
                        + "to write into it");
            }
            Manifest man = m.get();
            SpecChange change = SpecChange.between(heldSpec(man), spec);
            if (change.kind() == SpecChange.Kind.CONFLICT) {
                String held = "holds sweep '" + man.sweep() + "' (spec hash " + man.specHash().substring(0, 12)
                        + "…, " + man.runs() + " runs)";
                if (!man.sweep().equals(spec.name())) {
                    throw refuse(held + ", not '" + spec.name() + "'; the keys that differ: " + change.keyList()
                            + "; choose another --out");
                }
                throw refuse(held + " and the spec leaves out " + change.dropped() + " of its runs; the keys that "
                        + "differ: " + change.keyList() + ". A sweep may grow in place (added seeds, grid values "
                        + "or grid blocks) but not change; choose another --out for another spec");
            }
            return new Inspection(man.status() == ManifestStatus.COMPLETE ? State.COMPLETE : State.INCOMPLETE,
                    m, change);
        } catch (IOException e) {
            throw refuse("cannot be read: " + e.getMessage());
        }
    }

    /** The spec a manifest holds, parsed as a spec file would be. */
    private SweepSpec heldSpec(Manifest man) {
        try {
            return SpecParser.parseString(man.spec(), MANIFEST, List.of());
        } catch (SpecException e) {
            throw refuse("holds sweep '" + man.sweep() + "' whose spec this clsweep version cannot read ("
                    + e.getMessage() + "); choose another --out");
        }
    }

    /**
     * The manifest, if there is one. A {@value #MANIFEST} that is missing or does not parse next to
     * a whole {@value #MANIFEST_TMP} means a replacement was cut short (see the class comment): the
     * temporary file, the newer manifest, is read.
     *
     * @throws SpecException on key {@value #OUT_KEY} if neither file holds a whole manifest
     */
    public Optional<Manifest> readManifest() throws IOException {
        Path main = new Path(root, MANIFEST);
        Path tmp = new Path(root, MANIFEST_TMP);
        String cause = null;
        if (fs.exists(main)) {
            try {
                return Optional.of(Manifest.parse(text(main), this::besideManifest));
            } catch (IllegalArgumentException e) {
                cause = e.getMessage();
            }
        }
        Optional<Manifest> temporary = parsed(tmp);
        if (temporary.isPresent()) {
            return temporary;
        }
        if (cause != null) {
            throw refuse("has an unreadable " + MANIFEST + ": " + cause);
        }
        if (fs.exists(tmp) && entriesBesideLease().stream()
                .filter(e -> !SeedFile.isSeedFile(e.getPath().getName())).count() > 1) {
            throw refuse("has no " + MANIFEST + " and an unreadable " + MANIFEST_TMP);
        }
        // nothing, or the very first manifest write was cut short and nothing else was ever written
        return Optional.empty();
    }

    /** The manifest in {@code file}, or empty when it is missing or not a whole manifest. */
    private Optional<Manifest> parsed(Path file) throws IOException {
        if (!fs.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Manifest.parse(text(file), this::besideManifest));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The text of a file beside the manifest (its seed list, {@link SeedFile}). */
    private String besideManifest(String name) {
        try {
            return text(new Path(root, name));
        } catch (IOException e) {
            throw new IllegalArgumentException("its seed list " + name + " cannot be read: " + e.getMessage(), e);
        }
    }

    private String text(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * Makes the directory ready for an attempt: creates it, removes the staging area and the
     * unfinished result parts of an earlier attempt, and writes the RUNNING manifest. Committed
     * results and the tables stay: the tables are replaced when this attempt commits its own.
     *
     * @throws SpecException on key {@value #OUT_KEY} if the directory cannot be created or written
     */
    public void begin(Manifest running) {
        try {
            if (!fs.mkdirs(root)) {
                throw refuse("cannot be created");
            }
            delete(new Path(root, STAGING));
            results().clearUncommitted();
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

    /**
     * Replaces the manifest: writes {@value #MANIFEST_TMP}, deletes {@value #MANIFEST}, renames the
     * one to the other. A replacement cut short earlier is finished first (when the temporary file
     * is the only whole manifest), so that overwriting the temporary file never destroys the last
     * whole manifest. On a store whose rename copies and then deletes, a crash at any point leaves
     * a whole manifest in one of the two files, the newer one in {@value #MANIFEST_TMP} whenever
     * {@value #MANIFEST} is missing or cut short ({@link #readManifest}).
     */
    public void writeManifest(Manifest m) throws IOException {
        Path tmp = new Path(root, MANIFEST_TMP);
        Path target = new Path(root, MANIFEST);
        if (parsed(target).isEmpty() && parsed(tmp).isPresent()) {
            replace(tmp, target);
        }
        SeedFile.Split split = SeedFile.split(m.spec());
        if (split.fileName() != null) {
            Path list = new Path(root, split.fileName());
            if (!fs.exists(list) || !text(list).equals(split.fileText())) {
                try (OutputStream out = fs.create(list, true)) {
                    out.write(split.fileText().getBytes(StandardCharsets.UTF_8));
                }
            }
        }
        try (OutputStream out = fs.create(tmp, true)) {
            out.write(m.withSpec(split.spec()).toJson().getBytes(StandardCharsets.UTF_8));
        }
        replace(tmp, target);
    }

    private void replace(Path tmp, Path target) throws IOException {
        delete(target);
        if (!fs.rename(tmp, target)) {
            throw new IOException("cannot move " + tmp + " to " + target);
        }
    }

    /** Whether a table exists in its final place. */
    public boolean hasTable(String name) throws IOException {
        return fs.exists(new Path(root, name));
    }

    /**
     * Checks that this is a finished clsweep output, one with a runs table.
     *
     * @throws SpecException on key {@value #OUT_KEY} when there is no runs table
     */
    public void requireRuns() throws IOException {
        if (!hasTable(RUNS)) {
            throw new SpecException(OUT_KEY, root + " has no " + RUNS + " table: not a finished clsweep output");
        }
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

    /** What the directory holds apart from the files of its {@link OutputLease}. */
    private List<FileStatus> entriesBesideLease() throws IOException {
        List<FileStatus> out = new ArrayList<>();
        for (FileStatus st : fs.listStatus(root)) {
            if (!st.getPath().getName().startsWith(OutputLease.PREFIX)) {
                out.add(st);
            }
        }
        return out;
    }

    private SpecException refuse(String why) {
        return new SpecException(OUT_KEY, "--out " + root + " " + why);
    }

    @Override
    public void close() throws IOException {
        fs.close();
    }
}
