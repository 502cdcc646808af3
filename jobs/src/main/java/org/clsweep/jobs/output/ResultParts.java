package org.clsweep.jobs.output;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code OUT/_results}: every run result a sweep has committed, as immutable Parquet parts of
 * {@link ResultTable} rows.
 *
 * <pre>
 *   OUT/_results/a00003-b000017/                 a committed part: the rows of one bin of runs,
 *                                                written by one Spark job of attempt 3
 *   OUT/_results/_tmp/a00003-b000017-&lt;uuid&gt;/     that part while Spark writes it
 * </pre>
 * A part is committed by renaming its finished temporary directory to the part's name (one
 * directory rename, atomic on HDFS and local file systems). Nothing else writes under a part's
 * name, and a committed part is never changed. Every invocation of a sweep gets a new attempt
 * number, so a writer left over from a killed attempt cannot reach a later attempt's parts; part
 * names sort by attempt, then bin. When two parts hold the same run, the later part's row counts.
 */
public final class ResultParts {
    public static final String DIR = "_results";
    static final String TMP = "_tmp";
    /** Where {@link #moveAside} keeps damaged parts, under {@code _results}. */
    public static final String DAMAGED = "_damaged";
    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    private static final int FOOTER_TAIL = 8;
    /** Attempt numbers have five digits so that part names sort by attempt. */
    public static final int MAX_ATTEMPT = 99_999;
    private static final Pattern NAME = Pattern.compile("a(\\d{5})-b(\\d{6,})");

    private final FileSystem fs;
    private final Path dir;

    ResultParts(FileSystem fs, Path root) {
        this.fs = fs;
        this.dir = new Path(root, DIR);
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

    /** The committed parts' names, sorted. */
    public List<String> committed() throws IOException {
        List<String> out = new ArrayList<>();
        if (fs.exists(dir)) {
            for (FileStatus st : fs.listStatus(dir)) {
                if (st.isDirectory() && NAME.matcher(st.getPath().getName()).matches()) {
                    out.add(st.getPath().getName());
                }
            }
        }
        Collections.sort(out);
        return out;
    }

    /** Where committed parts are read from: one location per part. */
    public List<String> locations(List<String> parts) {
        List<String> out = new ArrayList<>(parts.size());
        for (String p : parts) {
            out.add(new Path(dir, p).toString());
        }
        return out;
    }

    /** The highest attempt number among the committed parts, 0 when there is none. */
    public int lastAttempt() throws IOException {
        int last = 0;
        for (String p : committed()) {
            last = Math.max(last, attemptOf(p));
        }
        return last;
    }

    /** A new temporary location for a part (the random suffix keeps writers of one name apart). */
    public String temporary(String part) {
        return new Path(new Path(dir, TMP), part + "-" + UUID.randomUUID()).toString();
    }

    /**
     * Commits a written part: renames its temporary location to its name.
     *
     * @throws IOException if a part of that name exists already or the rename fails
     */
    public void commit(String temporary, String part) throws IOException {
        Path to = new Path(dir, part);
        if (fs.exists(to)) {
            throw new IOException("result part " + to + " exists already");
        }
        if (!fs.rename(new Path(temporary), to)) {
            throw new IOException("cannot move " + temporary + " to " + to);
        }
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
     * Reads every data file of the given parts in full: the file system verifies its checksums
     * where it keeps them, and each Parquet file must start and end with its magic number and hold
     * a footer no longer than itself.
     *
     * @param parts committed part names. Not modified.
     * @return the parts that cannot be read, in the order given
     */
    public List<Damage> verify(List<String> parts) throws IOException {
        List<Damage> out = new ArrayList<>();
        byte[] buffer = new byte[1 << 16];
        for (String part : parts) {
            String cause = null;
            for (FileStatus f : fs.listStatus(new Path(dir, part))) {
                String name = f.getPath().getName();
                if (!f.isFile() || name.startsWith("_") || name.startsWith(".")) {
                    continue;
                }
                cause = readable(f, buffer);
                if (cause != null) {
                    cause = name + ": " + cause;
                    break;
                }
            }
            if (cause != null) {
                out.add(new Damage(part, cause));
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
     * Moves damaged parts to {@code _results/_damaged/<part>}, kept for inspection; their runs
     * count as not committed from then on.
     */
    public void moveAside(List<Damage> damaged) throws IOException {
        Path aside = new Path(dir, DAMAGED);
        fs.mkdirs(aside);
        for (Damage d : damaged) {
            Path to = new Path(aside, d.part());
            if (fs.exists(to)) {
                to = new Path(aside, d.part() + "-" + UUID.randomUUID());
            }
            if (!fs.rename(new Path(dir, d.part()), to)) {
                throw new IOException("cannot move damaged part " + d.part() + " to " + to);
            }
        }
    }

    /** Removes what unfinished writes left under {@code _tmp}. */
    public void clearTemporary() throws IOException {
        Path tmp = new Path(dir, TMP);
        if (fs.exists(tmp)) {
            fs.delete(tmp, true);
        }
    }
}
