package org.clsweep.jobs.dataset;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.util.HadoopOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.apache.parquet.schema.Type;

/**
 * Small data files written by the tests: IDX (gzip or not) and Parquet, with the layouts the
 * readers accept and the damage they must report.
 */
final class DatasetFixtures {
    /** Labels of the ten fixture images: classes 0, 1, 2 with 4, 3 and 3 rows. */
    static final int[] LABELS = {2, 0, 1, 0, 2, 1, 0, 2, 1, 0};
    /** Fixture images are ROWS × COLS. */
    static final int ROWS = 2;
    static final int COLS = 3;

    private DatasetFixtures() {
    }

    /** Pixel k of image i: 10·i + k + 1 (never zero). */
    static int pixel(int image, int k) {
        return 10 * image + k + 1;
    }

    /** The IDX bytes of {@code count} fixture images. */
    static byte[] images(int count) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x00000803);
        out.writeInt(count);
        out.writeInt(ROWS);
        out.writeInt(COLS);
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < ROWS * COLS; k++) {
                out.writeByte(pixel(i, k));
            }
        }
        return b.toByteArray();
    }

    /** The IDX bytes of labels. */
    static byte[] labels(int[] labels) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(b);
        out.writeInt(0x00000801);
        out.writeInt(labels.length);
        for (int y : labels) {
            out.writeByte(y);
        }
        return b.toByteArray();
    }

    static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(b)) {
            out.write(bytes);
        }
        return b.toByteArray();
    }

    static Path write(Path file, byte[] bytes) throws IOException {
        Files.write(file, bytes);
        return file;
    }

    /** The fixture images and labels, gzip-compressed, in {@code dir}. */
    static Path[] idx(Path dir) throws IOException {
        return new Path[] {write(dir.resolve("images.gz"), gzip(images(LABELS.length))),
                write(dir.resolve("labels.gz"), gzip(labels(LABELS)))};
    }

    /** A Parquet points column of three-level LIST layout with element type {@code element}. */
    static String listColumn(String name, String element) {
        return "optional group " + name + " (LIST) { repeated group list { optional " + element + " element; } }";
    }

    /**
     * Writes a Parquet file of rows {@code (points[r], labels[r])}.
     *
     * @param schema the message's fields, e.g. {@code listColumn("x", "double") + " optional int32 y;"}
     * @param points each row's array (a null row is left null)
     * @param labels each row's label, or null for no label column
     */
    static Path parquet(Path file, String schema, double[][] points, int[] labels) throws IOException {
        MessageType type = MessageTypeParser.parseMessageType("message m { " + schema + " }");
        SimpleGroupFactory groups = new SimpleGroupFactory(type);
        boolean floats = type.getType(0).toString().contains("float");
        boolean threeLevel = type.getType(0).toString().contains("repeated group");
        boolean repeated = type.getType(0).isRepetition(Type.Repetition.REPEATED);
        String column = type.getType(0).getName();
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(HadoopOutputFile.fromPath(
                new org.apache.hadoop.fs.Path(file.toUri()), new Configuration())).withType(type).build()) {
            for (int r = 0; r < points.length; r++) {
                Group g = groups.newGroup();
                if (points[r] != null) {
                    Group holder = repeated ? g : g.addGroup(column);
                    for (double v : points[r]) {
                        Group target = threeLevel ? holder.addGroup("list") : holder;
                        String field = repeated ? column : threeLevel ? "element" : "array";
                        if (floats) {
                            target.append(field, (float) v);
                        } else {
                            target.append(field, v);
                        }
                    }
                }
                if (labels != null) {
                    String label = type.getType(1).getName();
                    switch (type.getType(1).asPrimitiveType().getPrimitiveTypeName()) {
                        case INT64 -> g.append(label, (long) labels[r]);
                        case DOUBLE -> g.append(label, (double) labels[r]);
                        default -> g.append(label, labels[r]);
                    }
                }
                w.write(g);
            }
        }
        return file;
    }

    /** The fixture images as Parquet rows: image i is row i, {@link #pixel} values. */
    static double[][] imageRows(int count) {
        double[][] x = new double[count][ROWS * COLS];
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < ROWS * COLS; k++) {
                x[i][k] = pixel(i, k);
            }
        }
        return x;
    }
}
