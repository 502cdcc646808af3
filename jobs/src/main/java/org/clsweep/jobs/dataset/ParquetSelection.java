package org.clsweep.jobs.dataset;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.column.page.PageReadStore;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.convert.GroupRecordConverter;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.parquet.io.ColumnIOFactory;
import org.apache.parquet.io.RecordReader;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.clsweep.data.dataset.ClassSelection;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.SpecException;
import org.clsweep.data.spec.SpecKey;

/**
 * Reads the selection of a Parquet data set with the Parquet library (no Spark): the rows of the
 * source's files ({@link Sources#files}: one file, or a directory's files sorted by name), each
 * file's row groups in order, numbered 0, 1, … across files. Two passes: the label column (if
 * any) to choose the rows ({@link ClassSelection}), then the points column, every row of which
 * must be a non-null array of non-null numbers of one length.
 *
 * <pre>
 *   points   array&lt;double&gt; or array&lt;float&gt;: a LIST group (three- or two-level) or a repeated
 *            double / float field; floats are widened to double; raw values as stored (divisor 1)
 *   labels   a non-repeated int32 or int64 column, no nulls
 * </pre>
 */
final class ParquetSelection {
    private ParquetSelection() {
    }

    /** How a column of arrays is laid out in the Parquet schema. */
    private enum ArrayLayout {
        /** {@code optional group c (LIST) { repeated group list { optional double element; } }} */
        THREE_LEVEL,
        /** {@code optional group c (LIST) { repeated double array; }} */
        TWO_LEVEL,
        /** {@code repeated double c} */
        REPEATED
    }

    /** A points column: its layout and whether its numbers are floats. */
    private record PointsColumn(String name, ArrayLayout layout, boolean floats) {
    }

    /**
     * @param spec a Parquet selection. Not modified.
     * @throws SpecException naming the file and the problem
     */
    static LabelledPoints read(DatasetSpec spec, Configuration conf) {
        String sourceKey = SpecKey.GEOMETRY_SOURCE.key();
        List<Path> files = Sources.files(spec.source(), sourceKey, conf);
        PointsColumn points = null;
        for (Path f : files) {
            MessageType schema = schema(f, conf);
            points = pointsColumn(schema, spec.column(), f);
            if (spec.labelled()) {
                checkLabelColumn(schema, spec.labelColumn(), f);
            }
        }
        int total = 0;
        int[] labels = null;
        int[] rows;
        if (spec.labelled()) {
            labels = readLabels(files, spec.labelColumn(), conf);
            total = labels.length;
            rows = ClassSelection.labelled(labels, spec.classes(), spec.perClass(), spec.source());
        } else {
            for (Path f : files) {
                total += rowCount(f, conf);
            }
            rows = ClassSelection.unlabelled(total, spec.perClass(), spec.source());
        }
        double[][] raw = readRows(files, points, total, rows, conf);
        int[] selected = null;
        if (labels != null) {
            selected = new int[rows.length];
            for (int l = 0; l < rows.length; l++) {
                selected[l] = labels[rows[l]];
            }
        }
        return LabelledPoints.of(raw, selected, rows, 1.0, spec.normalization(), spec.source());
    }

    private static PointsColumn pointsColumn(MessageType schema, String column, Path file) {
        String key = SpecKey.GEOMETRY_COLUMN.key();
        if (!schema.containsField(column)) {
            throw new SpecException(key, file + " has no column " + column + "; its columns: " + names(schema));
        }
        Type t = schema.getType(column);
        if (t.isPrimitive() && t.isRepetition(Type.Repetition.REPEATED) && isReal(t)) {
            return new PointsColumn(column, ArrayLayout.REPEATED, isFloat(t));
        }
        if (!t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED) && t.asGroupType().getFieldCount() == 1) {
            Type inner = t.asGroupType().getType(0);
            if (inner.isRepetition(Type.Repetition.REPEATED)) {
                if (inner.isPrimitive() && isReal(inner)) {
                    return new PointsColumn(column, ArrayLayout.TWO_LEVEL, isFloat(inner));
                }
                if (!inner.isPrimitive() && inner.asGroupType().getFieldCount() == 1) {
                    Type element = inner.asGroupType().getType(0);
                    if (element.isPrimitive() && !element.isRepetition(Type.Repetition.REPEATED) && isReal(element)) {
                        return new PointsColumn(column, ArrayLayout.THREE_LEVEL, isFloat(element));
                    }
                }
            }
        }
        throw new SpecException(key, file + ": column " + column + " is " + oneLine(t)
                + ", expected array<double> or array<float>");
    }

    private static void checkLabelColumn(MessageType schema, String column, Path file) {
        String key = SpecKey.GEOMETRY_LABEL_COLUMN.key();
        if (!schema.containsField(column)) {
            throw new SpecException(key, file + " has no column " + column + "; its columns: " + names(schema));
        }
        Type t = schema.getType(column);
        boolean integer = t.isPrimitive() && !t.isRepetition(Type.Repetition.REPEATED)
                && (t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT32
                || t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64);
        if (!integer) {
            throw new SpecException(key, file + ": column " + column + " is " + oneLine(t)
                    + ", expected an integer column (int32 or int64)");
        }
    }

    /** Every row's label, across the files in order. */
    private static int[] readLabels(List<Path> files, String column, Configuration conf) {
        String key = SpecKey.GEOMETRY_LABEL_COLUMN.key();
        int total = 0;
        for (Path f : files) {
            total += rowCount(f, conf);
        }
        int[] labels = new int[total];
        forEachRow(files, column, key, conf, (g, f, inFile, row) -> {
            if (g.getFieldRepetitionCount(0) == 0) {
                throw new SpecException(key, f + ": row " + inFile + " has no label (" + column + " is null)");
            }
            boolean longs = g.getType().getType(0).asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.INT64;
            long y = longs ? g.getLong(0, 0) : g.getInteger(0, 0);
            if (y != (int) y) {
                throw new SpecException(key, f + ": row " + inFile + " has label " + y + ", outside the int range");
            }
            labels[row] = (int) y;
        });
        return labels;
    }

    /**
     * One pass over every row: row {@code rows[l]} becomes pattern l; every row's array is checked.
     *
     * @param rows distinct rows in [0, total), in pattern order. Not modified.
     */
    private static double[][] readRows(List<Path> files, PointsColumn column, int total, int[] rows,
                                       Configuration conf) {
        String key = SpecKey.GEOMETRY_COLUMN.key();
        int[] patternOf = new int[total];
        Arrays.fill(patternOf, -1);
        for (int l = 0; l < rows.length; l++) {
            patternOf[rows[l]] = l;
        }
        double[][] raw = new double[rows.length][];
        int[] d = {-1};
        forEachRow(files, column.name(), key, conf, (g, f, inFile, row) -> {
            double[] x = values(g, column, f, inFile);
            if (d[0] < 0) {
                d[0] = x.length;
                if (d[0] == 0) {
                    throw new SpecException(key, f + ": row " + inFile + " of " + column.name() + " is an empty array");
                }
            } else if (x.length != d[0]) {
                throw new SpecException(key, f + ": row " + inFile + " of " + column.name() + " has "
                        + x.length + " values, the first row has " + d[0] + " (ragged arrays)");
            }
            if (patternOf[row] >= 0) {
                raw[patternOf[row]] = x;
            }
        });
        return raw;
    }

    /** One row of a one-column projection: the row, its file, its index in the file and across the files. */
    private interface RowVisitor {
        void visit(Group g, Path file, int inFile, int row);
    }

    /**
     * Reads {@code column} of every file in order, row group by row group, and hands each row to
     * {@code visitor}; rows are numbered 0, 1, … across the files.
     *
     * @throws SpecException under {@code key}: the visitor's own, or naming a file that cannot be read
     */
    private static void forEachRow(List<Path> files, String column, String key, Configuration conf,
                                   RowVisitor visitor) {
        int row = 0;
        for (Path f : files) {
            try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(f, conf))) {
                MessageType schema = reader.getFooter().getFileMetaData().getSchema();
                MessageType projection = new MessageType(schema.getName(), schema.getType(column));
                reader.setRequestedSchema(projection);
                PageReadStore pages;
                int inFile = 0;
                while ((pages = reader.readNextRowGroup()) != null) {
                    RecordReader<Group> records = new ColumnIOFactory().getColumnIO(projection, schema)
                            .getRecordReader(pages, new GroupRecordConverter(projection));
                    for (long i = 0; i < pages.getRowCount(); i++, inFile++, row++) {
                        visitor.visit(records.read(), f, inFile, row);
                    }
                }
            } catch (IOException | RuntimeException e) {
                throw unreadable(key, f, e);
            }
        }
    }

    /** The numbers of one row's array. */
    private static double[] values(Group g, PointsColumn c, Path file, int row) {
        String key = SpecKey.GEOMETRY_COLUMN.key();
        if (c.layout() == ArrayLayout.REPEATED) {
            double[] x = new double[g.getFieldRepetitionCount(0)];
            for (int i = 0; i < x.length; i++) {
                x[i] = c.floats() ? g.getFloat(0, i) : g.getDouble(0, i);
            }
            return x;
        }
        if (g.getFieldRepetitionCount(0) == 0) {
            throw new SpecException(key, file + ": row " + row + " of " + c.name() + " is null");
        }
        Group list = g.getGroup(0, 0);
        double[] x = new double[list.getFieldRepetitionCount(0)];
        for (int i = 0; i < x.length; i++) {
            if (c.layout() == ArrayLayout.TWO_LEVEL) {
                x[i] = c.floats() ? list.getFloat(0, i) : list.getDouble(0, i);
                continue;
            }
            Group element = list.getGroup(0, i);
            if (element.getFieldRepetitionCount(0) == 0) {
                throw new SpecException(key, file + ": row " + row + " of " + c.name() + " has a null at index " + i);
            }
            x[i] = c.floats() ? element.getFloat(0, 0) : element.getDouble(0, 0);
        }
        return x;
    }

    private static MessageType schema(Path f, Configuration conf) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(f, conf))) {
            return reader.getFooter().getFileMetaData().getSchema();
        } catch (IOException | RuntimeException e) {
            throw unreadable(SpecKey.GEOMETRY_SOURCE.key(), f, e);
        }
    }

    private static int rowCount(Path f, Configuration conf) {
        try (ParquetFileReader reader = ParquetFileReader.open(HadoopInputFile.fromPath(f, conf))) {
            long n = reader.getRecordCount();
            if (n > Integer.MAX_VALUE) {
                throw new SpecException(SpecKey.GEOMETRY_SOURCE.key(), f + " holds " + n + " rows, too many");
            }
            return (int) n;
        } catch (IOException | RuntimeException e) {
            throw unreadable(SpecKey.GEOMETRY_SOURCE.key(), f, e);
        }
    }

    private static SpecException unreadable(String key, Path f, Exception e) {
        if (e instanceof SpecException s) {
            return s;
        }
        return new SpecException(key, f + " cannot be read as Parquet: " + e.getMessage(), e);
    }

    private static boolean isReal(Type t) {
        PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
        return p == PrimitiveTypeName.DOUBLE || p == PrimitiveTypeName.FLOAT;
    }

    private static boolean isFloat(Type t) {
        return t.asPrimitiveType().getPrimitiveTypeName() == PrimitiveTypeName.FLOAT;
    }

    private static String names(GroupType schema) {
        StringBuilder sb = new StringBuilder();
        for (Type f : schema.getFields()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(f.getName());
        }
        return sb.toString();
    }

    private static String oneLine(Type t) {
        return t.toString().replaceAll("\\s+", " ").trim();
    }
}
