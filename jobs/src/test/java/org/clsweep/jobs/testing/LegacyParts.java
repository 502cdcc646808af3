package org.clsweep.jobs.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.output.PartRecord;
import org.clsweep.jobs.output.ResultParts;

/**
 * The committed result parts of an output directory, by name, and a way to turn them into the
 * format clsweep wrote before commit records: each part a directory named as the part, committed
 * by renaming it there.
 */
public final class LegacyParts {
    private LegacyParts() {
    }

    /** The whole commit records of an output directory (the committed parts), sorted by part name. */
    public static List<PartRecord> records(Path out) throws IOException {
        Path dir = out.resolve(ResultParts.DIR).resolve(ResultParts.COMMITTED);
        List<PartRecord> records = new ArrayList<>();
        if (Files.isDirectory(dir)) {
            for (String name : OutputTrees.list(dir)) {
                PartRecord.parse(name, Files.readString(dir.resolve(name))).ifPresent(records::add);
            }
        }
        return records;
    }

    /** The data files of the committed parts, as a DuckDB list of paths. */
    public static String files(Path out) throws IOException {
        List<String> files = new ArrayList<>();
        for (PartRecord r : records(out)) {
            for (PartRecord.DataFile f : r.files()) {
                files.add("'" + out.resolve(ResultParts.DIR).resolve(r.directory()).resolve(f.name()) + "'");
            }
        }
        return "[" + String.join(", ", files) + "]";
    }

    /** The directory that holds a committed part's files. */
    public static Path directory(Path out, String part) throws IOException {
        for (PartRecord r : records(out)) {
            if (r.part().equals(part)) {
                return out.resolve(ResultParts.DIR).resolve(r.directory());
            }
        }
        throw new IllegalArgumentException("no committed part " + part + " in " + out);
    }

    /**
     * Rewrites every part with a commit record as a part of the renaming format: its directory
     * moved to {@code _results/<part>}, the record deleted.
     */
    public static void convert(Path out) throws IOException {
        Path results = out.resolve(ResultParts.DIR);
        for (PartRecord r : records(out)) {
            Files.move(results.resolve(r.directory()), results.resolve(r.part()));
        }
        OutputTrees.delete(results.resolve(ResultParts.COMMITTED));
    }
}
