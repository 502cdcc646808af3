package org.clsweep.jobs.output;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code OUT/_results}: every run result a sweep has committed, as immutable Parquet parts of
 * {@link ResultTable} rows. Committing a part renames nothing, so the protocol holds on stores
 * whose rename copies and then deletes (S3A) as on HDFS:
 *
 * <pre>
 *   OUT/_results/a00003-b000017-&lt;uuid&gt;/     the files of bin 17 of attempt 3, written once by one Spark
 *                                              job under this final, unique name, never moved or changed
 *   OUT/_results/_committed/a00003-b000017     its commit record ({@link PartRecord}): that directory and
 *                                              each data file with its length. Written by the driver after
 *                                              the job succeeded, without overwrite, as the last step of the
 *                                              commit; the part counts once the record is whole.
 *   OUT/_results/_damaged/a00003-b000017       written by --repair: why the part cannot be read; it no
 *                                              longer counts (its files stay)
 *   OUT/_results/a00003-b000017/               a part committed by renaming its finished temporary
 *                                              directory (clsweep before commit records); still committed
 *   OUT/_results/_tmp/a00003-b000017-&lt;uuid&gt;/  such a part while it was written (left by a killed driver)
 * </pre>
 * A directory that no whole record names is an unfinished write: it is never read, and
 * {@link #clearUncommitted} deletes it. Only the files a record names are read, so a stray file
 * in a part's directory (a task attempt Spark's commit did not clean up) is never counted. A part
 * of the renaming format whose own temporary directory is still under {@code _tmp} had its rename
 * cut short: on a store that renames by copying, some of its files may be missing, so
 * {@link #verify} reports it as damaged. Every invocation of a sweep gets a new attempt number,
 * so a writer left over from a killed attempt cannot reach a later attempt's parts; part names
 * sort by attempt, then bin. When two parts hold the same run, the later part's row counts.
 */
public final class ResultParts {
    public static final String DIR = "_results";
    static final String TMP = "_tmp";
    /** Where commit records are, under {@code _results}. */
    public static final String COMMITTED = "_committed";
    /** Where {@link #setAside} records damaged parts, under {@code _results}. */
    public static final String DAMAGED = "_damaged";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int FOOTER_TAIL = 8;
    /** Attempt numbers have five digits so that part names sort by attempt. */
    public static final int MAX_ATTEMPT = 99_999;
    private static final Pattern NAME = Pattern.compile("a(\\d{5})-b(\\d{6,})");
    /** A part's directory as Spark writes it: its name, a dash, a random UUID. */
    private static final Pattern WRITTEN = Pattern.compile("a\\d{5}-b\\d{6,}-[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}");

    private final FileSystem fs;
    private final Path dir;

    ResultParts(FileSystem fs, Path root) {
        this.fs = fs;
        this.dir = new Path(root, DIR);
    }

    /**
     * A committed part.
     *
     * @param name      its name, e.g. {@code a00003-b000017}
     * @param directory the directory that holds its files
     * @param files     the data files its commit record names; empty for a part committed by
     *                  renaming, whose directory is read as a whole
     */
    public record Part(String name, Path directory, List<PartRecord.DataFile> files) {
        public Part {
            files = List.copyOf(files);
        }

        /** Whether the part was committed by renaming (no commit record). */
        public boolean renamed() {
            return files.isEmpty();
        }
    }

    /** The name of bin {@code bin}'s part in attempt {@code attempt}, e.g. {@code a00003-b000017}. */
    public static String name(int attempt, int bin) {
        if (attempt < 1 || attempt > MAX_ATTEMPT || bin < 0) {
            throw new IllegalArgumentException("attempt " + attempt + " (1.." + MAX_ATTEMPT + "), bin " + bin);
        }
        return String.format(Locale.ROOT, "a%05d-b%06d", attempt, bin);
    }

    /** The attempt number in a part name. */
    public static int attemptOf(String part) {
        Matcher m = NAME.matcher(part);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a result part name: " + part);
        }
        return Integer.parseInt(m.group(1));
    }

    /**
     * The committed parts, sorted by name: those with a whole commit record and those committed by
     * renaming, less those set aside as damaged.
     *
     * @throws IOException if a part is committed both ways (no clsweep writes that)
     */
    public List<Part> committed() throws IOException {
        Map<String, Part> out = new TreeMap<>();
        if (!fs.exists(dir)) {
            return List.of();
        }
        Set<String> damaged = damaged();
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (st.isDirectory() && NAME.matcher(n).matches() && !damaged.contains(n)) {
                out.put(n, new Part(n, st.getPath(), List.of()));
            }
        }
        for (PartRecord r : records().values()) {
            if (damaged.contains(r.part())) {
                continue;
            }
            if (out.containsKey(r.part())) {
                throw new IOException("result part " + r.part() + " is both a directory " + new Path(dir, r.part())
                        + " and a commit record in " + new Path(dir, COMMITTED) + "; move one of them out of "
                        + dir);
            }
            out.put(r.part(), new Part(r.part(), new Path(dir, r.directory()), r.files()));
        }
        return List.copyOf(out.values());
    }

    /** The names of parts. */
    public static List<String> names(List<Part> parts) {
        return parts.stream().map(Part::name).toList();
    }

    /** What to read of committed parts: each data file a record names, a renamed part's directory. */
    public List<String> locations(List<Part> parts) {
        List<String> out = new ArrayList<>();
        for (Part p : parts) {
            if (p.renamed()) {
                out.add(p.directory().toString());
            }
            for (PartRecord.DataFile f : p.files()) {
                out.add(new Path(p.directory(), f.name()).toString());
            }
        }
        return out;
    }

    /** The highest attempt number among the committed parts, 0 when there is none. */
    public int lastAttempt() throws IOException {
        int last = 0;
        for (Part p : committed()) {
            last = Math.max(last, attemptOf(p.name()));
        }
        return last;
    }

    /** A new directory for a part's files (the random suffix keeps writers of one name apart). */
    public String directoryFor(String part) {
        return new Path(dir, part + "-" + UUID.randomUUID()).toString();
    }

    /**
     * Commits a part whose files a finished Spark job wrote to {@code directory}: writes its commit
     * record naming each data file there with its length.
     *
     * @throws IOException if a part of that name exists already or the record cannot be written
     */
    public void commit(String directory, String part) throws IOException {
        Path d = new Path(directory);
        Path record = new Path(new Path(dir, COMMITTED), part);
        if (fs.exists(record) || fs.exists(new Path(dir, part))) {
            throw new IOException("result part " + part + " exists already in " + dir);
        }
        List<PartRecord.DataFile> files = new ArrayList<>();
        for (FileStatus f : fs.listStatus(d)) {
            if (f.isFile() && isData(f.getPath().getName())) {
                files.add(new PartRecord.DataFile(f.getPath().getName(), f.getLen()));
            }
        }
        files.sort(Comparator.comparing(PartRecord.DataFile::name));
        String text = new PartRecord(part, d.getName(), files).text();
        try (OutputStream out = fs.create(record, false)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Whole commit records by part name; a record cut short is left out. */
    private Map<String, PartRecord> records() throws IOException {
        Map<String, PartRecord> out = new TreeMap<>();
        Path records = new Path(dir, COMMITTED);
        if (!fs.exists(records)) {
            return out;
        }
        for (FileStatus st : fs.listStatus(records)) {
            String n = st.getPath().getName();
            if (st.isFile() && NAME.matcher(n).matches()) {
                PartRecord.parse(n, read(st.getPath())).ifPresent(r -> out.put(n, r));
            }
        }
        return out;
    }

    /** Names of the parts set aside as damaged (directories under _damaged are parts moved there by renaming). */
    private Set<String> damaged() throws IOException {
        Set<String> out = new HashSet<>();
        Path aside = new Path(dir, DAMAGED);
        if (fs.exists(aside)) {
            for (FileStatus st : fs.listStatus(aside)) {
                if (st.isFile()) {
                    out.add(st.getPath().getName());
                }
            }
        }
        return out;
    }

    private String read(Path file) throws IOException {
        try (InputStream in = fs.open(file)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static boolean isData(String name) {
        return !name.startsWith("_") && !name.startsWith(".");
    }

    /**
     * A committed part that cannot be read.
     *
     * @param part  the part's name
     * @param cause what reading it found
     */
    public record Damage(String part, String cause) {
        @Override
        public String toString() {
            return part + " (" + cause + ")";
        }
    }

    /**
     * Reads every data file of the given parts in full: each file a commit record names must be
     * there with its recorded length, the file system verifies checksums where it keeps them, and
     * each Parquet file must start and end with its magic number and hold a footer no longer than
     * itself. A part committed by renaming is damaged as well when its temporary directory is still
     * under {@code _tmp} (see the class comment).
     *
     * @param parts committed parts. Not modified.
     * @return the parts that cannot be read, in the order given
     */
    public List<Damage> verify(List<Part> parts) throws IOException {
        List<Damage> out = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        List<String> leftovers = leftoverTemporaries();
        for (Part part : parts) {
            String cause = part.renamed() ? renamedCause(part, leftovers, buffer) : recordedCause(part, buffer);
            if (cause != null) {
                out.add(new Damage(part.name(), cause));
            }
        }
        return out;
    }

    /** Why a part with a commit record cannot be read, or null. */
    private String recordedCause(Part part, byte[] buffer) throws IOException {
        for (PartRecord.DataFile f : part.files()) {
            Path p = new Path(part.directory(), f.name());
            if (!fs.exists(p)) {
                return f.name() + ": missing from " + part.directory() + " (its commit record names it)";
            }
            FileStatus st = fs.getFileStatus(p);
            if (st.getLen() != f.length()) {
                return f.name() + ": " + st.getLen() + " bytes, its commit record says " + f.length();
            }
            String cause = readable(st, buffer);
            if (cause != null) {
                return f.name() + ": " + cause;
            }
        }
        return null;
    }

    /** Why a part committed by renaming cannot be read, or null. */
    private String renamedCause(Part part, List<String> leftovers, byte[] buffer) throws IOException {
        for (String t : leftovers) {
            if (t.startsWith(part.name() + "-")) {
                return "its rename from " + TMP + "/" + t + " was cut short; on a store whose rename copies, some of"
                        + " its files may be missing";
            }
        }
        for (FileStatus f : fs.listStatus(part.directory())) {
            if (f.isFile() && isData(f.getPath().getName())) {
                String cause = readable(f, buffer);
                if (cause != null) {
                    return f.getPath().getName() + ": " + cause;
                }
            }
        }
        return null;
    }

    /** The names under {@code _tmp}: temporary directories of the renaming format. */
    private List<String> leftoverTemporaries() throws IOException {
        Path tmp = new Path(dir, TMP);
        List<String> out = new ArrayList<>();
        if (fs.exists(tmp)) {
            for (FileStatus st : fs.listStatus(tmp)) {
                out.add(st.getPath().getName());
            }
        }
        return out;
    }

    /** Null when the file reads in full as a Parquet file, else what is wrong with it. */
    private String readable(FileStatus f, byte[] buffer) {
        long length = f.getLen();
        if (length < MAGIC.length + FOOTER_TAIL) {
            return "only " + length + " bytes, too short for a Parquet file";
        }
        byte[] head = new byte[MAGIC.length];
        byte[] tail = new byte[FOOTER_TAIL];
        try (FSDataInputStream in = fs.open(f.getPath())) {
            long read = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (read < MAGIC.length) {
                    System.arraycopy(buffer, 0, head, 0, (int) Math.min(MAGIC.length, n));
                }
                read += n;
            }
            if (read != length) {
                return "read " + read + " of " + length + " bytes";
            }
            in.readFully(length - FOOTER_TAIL, tail);
        } catch (IOException e) {
            return e.getClass().getSimpleName() + ": " + e.getMessage();
        }
        if (!Arrays.equals(head, MAGIC) || !Arrays.equals(Arrays.copyOfRange(tail, 4, 8), MAGIC)) {
            return "no Parquet magic number at its start or end (truncated or overwritten)";
        }
        long footer = ByteBuffer.wrap(tail, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() & 0xffffffffL;
        if (footer > length - FOOTER_TAIL - MAGIC.length) {
            return "its footer claims " + footer + " bytes of a " + length + "-byte file";
        }
        return null;
    }

    /**
     * Sets damaged parts aside: writes {@code _results/_damaged/<part>} with the cause. Their files
     * stay where they are, for inspection; their runs count as not committed from then on.
     */
    public void setAside(List<Damage> damaged) throws IOException {
        for (Damage d : damaged) {
            try (OutputStream out = fs.create(new Path(new Path(dir, DAMAGED), d.part()), true)) {
                out.write((d.cause() + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    /**
     * Removes what unfinished writes left: {@code _tmp}, part directories that no whole commit
     * record names (a damaged part's stay), and records cut short. Call it only while holding the
     * output's lease, before this attempt writes a part or after all its parts are committed.
     */
    public void clearUncommitted() throws IOException {
        if (!fs.exists(dir)) {
            return;
        }
        Path tmp = new Path(dir, TMP);
        if (fs.exists(tmp)) {
            fs.delete(tmp, true);
        }
        Map<String, PartRecord> records = records();
        Set<String> named = new HashSet<>();
        records.values().forEach(r -> named.add(r.directory()));
        for (FileStatus st : fs.listStatus(dir)) {
            String n = st.getPath().getName();
            if (WRITTEN.matcher(n).matches() && !named.contains(n)) {
                fs.delete(st.getPath(), true);
            }
        }
        Path committed = new Path(dir, COMMITTED);
        if (fs.exists(committed)) {
            for (FileStatus st : fs.listStatus(committed)) {
                if (!records.containsKey(st.getPath().getName())) {
                    fs.delete(st.getPath(), false);
                }
            }
        }
    }
}
