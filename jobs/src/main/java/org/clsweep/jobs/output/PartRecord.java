package org.clsweep.jobs.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit record of one result part, {@code OUT/_results/_committed/<part>}: the directory the
 * part's files were written to and each data file with its length. The text is
 *
 * <pre>
 *   clsweep result part
 *   part a00003-b000017
 *   directory a00003-b000017-&lt;uuid&gt;
 *   file part-00000-….zstd.parquet 48213
 *   …
 *   end 1
 * </pre>
 * and a record counts only when it parses in full: its last line names as many files as it
 * lists, and its part is the record file's own name. A record cut short (its writer died while
 * writing it) is no commit.
 *
 * @param part      the part's name, e.g. {@code a00003-b000017}
 * @param directory the name of the directory under {@code _results} that holds its files
 * @param files     its data files, each once
 */
public record PartRecord(String part, String directory, List<DataFile> files) {
    private static final String HEADER = "clsweep result part";

    /**
     * A data file of a part.
     *
     * @param name   its name in the part's directory
     * @param length its length in bytes when the part was committed
     */
    public record DataFile(String name, long length) {
    }

    public PartRecord {
        files = List.copyOf(files);
        if (files.isEmpty()) {
            throw new IllegalArgumentException("result part " + part + " has no data file");
        }
        List<String> names = new ArrayList<>(List.of(part, directory));
        files.forEach(f -> names.add(f.name()));
        for (String s : names) {
            if (s.isEmpty() || s.contains(" ") || s.contains("\n") || s.contains("/")) {
                throw new IllegalArgumentException("not a name: '" + s + "'");
            }
        }
    }

    /** The record as text (see the class comment). */
    public String text() {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        sb.append("part ").append(part).append('\n');
        sb.append("directory ").append(directory).append('\n');
        for (DataFile f : files) {
            sb.append("file ").append(f.name()).append(' ').append(f.length()).append('\n');
        }
        return sb.append("end ").append(files.size()).append('\n').toString();
    }

    /**
     * Reads a record.
     *
     * @param name the record file's name, which must be the part's name
     * @param text its content
     * @return the record, or empty when the text is not a whole record of that part
     */
    public static Optional<PartRecord> parse(String name, String text) {
        if (!text.endsWith("\n")) {
            return Optional.empty();
        }
        String[] lines = text.split("\n", -1);
        int n = lines.length - 1;
        if (n < 5 || !lines[0].equals(HEADER) || !lines[1].equals("part " + name)
                || !lines[2].startsWith("directory ") || !lines[n - 1].equals("end " + (n - 4))) {
            return Optional.empty();
        }
        List<DataFile> files = new ArrayList<>();
        for (int i = 3; i < n - 1; i++) {
            String[] f = lines[i].split(" ");
            if (f.length != 3 || !f[0].equals("file")) {
                return Optional.empty();
            }
            try {
                files.add(new DataFile(f[1], Long.parseLong(f[2])));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        try {
            return Optional.of(new PartRecord(name, lines[2].substring("directory ".length()), files));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
