package org.clsweep.jobs.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.clsweep.jobs.output.OptimaTable;

/** File-tree helpers for output directories: copy, fingerprint, and the tables' rows in a fixed order. */
public final class OutputTrees {
    private OutputTrees() {
    }

    /** Copies a directory tree (or a file) to a new place. */
    public static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    /** Removes a directory tree if it exists. */
    public static void delete(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /**
     * SHA-256 over every entry under {@code root} in path order: its relative path, whether it is a
     * directory, and a file's bytes. Equal fingerprints mean byte-for-byte equal trees.
     */
    public static String fingerprint(Path root) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            try (Stream<Path> all = Files.walk(root)) {
                for (Path p : all.sorted().toList()) {
                    md.update(root.relativize(p).toString().getBytes(StandardCharsets.UTF_8));
                    if (Files.isDirectory(p)) {
                        md.update((byte) 1);
                    } else {
                        md.update((byte) 0);
                        md.update(Files.readAllBytes(p));
                    }
                }
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The file names directly in a directory, sorted. */
    public static List<String> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A table's rows read with DuckDB in a fixed order, without the columns that may differ between
     * two sweeps of the same spec ({@code wall_ms}, the only one, where present).
     */
    public static List<Map<String, Object>> rows(Path out, String table) throws SQLException {
        String t = DuckDb.table(out.resolve(table));
        String order = switch (table) {
            case "runs" -> "cell_id, seed";
            case "optima" -> "cell_id, seed, optimum_index, " + OptimaTable.ANALYSIS_ALPHA;
            case "trace" -> "cell_id, seed, iteration";
            case "tokens" -> "cell_id, seed, location, token";
            default -> "cell_id";
        };
        String select = table.equals("runs") ? "* EXCLUDE (wall_ms)" : "*";
        return new ArrayList<>(DuckDb.query("SELECT " + select + " FROM " + t + " ORDER BY " + order));
    }
}
