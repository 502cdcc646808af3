package org.clsweep.jobs.output;

import java.util.List;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.clsweep.data.spec.SpecKey;

/** Column helpers shared by the output tables: SQL types of parameters, NaN to NULL. */
public final class Columns {
    private Columns() {
    }

    /** The SQL type of a parameter's column. */
    public static DataType sqlType(SpecKey p) {
        switch (p.type()) {
            case INT:
                return DataTypes.IntegerType;
            case DOUBLE:
                return DataTypes.DoubleType;
            case BOOLEAN:
                return DataTypes.BooleanType;
            case CHOICE:
            case STRING:
                return DataTypes.StringType;
            case STRING_LIST:
                return DataTypes.createArrayType(DataTypes.StringType, false);
            case INT_LIST:
                return DataTypes.createArrayType(DataTypes.IntegerType, false);
            default:
                throw new AssertionError(p.type());
        }
    }

    /** A parameter value as Spark's external row type (lists become arrays of their elements' type). */
    public static Object external(Object value) {
        if (value instanceof List<?> list) {
            // an empty list has no elements to convert: either array type serves
            return list.isEmpty() || list.get(0) instanceof String ? list.toArray(new String[0])
                    : list.toArray(new Integer[0]);
        }
        return value;
    }

    /** NaN (a value that does not apply) becomes SQL NULL. */
    public static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }
}
