package org.clsweep.jobs.sweep;

import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.udf;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.api.java.UDF1;
import org.apache.spark.sql.types.DataTypes;
import org.clsweep.jobs.spec.SeedRanges;

/**
 * The condition "the seed is one of the sweep's": a few range comparisons for seeds given as a
 * count or as ranges, never a set of every seed. Seeds listed one by one (many ranges) are tested
 * by a binary search over the ranges, which reach the executors once as a broadcast.
 *
 * <pre>
 *   r ≤ INLINE_RANGES   (seed BETWEEN first_1 AND last_1) OR … OR (seed BETWEEN first_r AND last_r)
 *   r &gt; INLINE_RANGES   contains(broadcast ranges, seed)       O(log r) per row
 * </pre>
 */
final class SeedFilter {
    /** The most ranges written out as comparisons. */
    static final int INLINE_RANGES = 64;

    private SeedFilter() {
    }

    /**
     * @param spark the session (for the broadcast)
     * @param seeds the sweep's seeds. Not modified.
     * @param seed  the seed column
     */
    static Column within(SparkSession spark, SeedRanges seeds, Column seed) {
        if (seeds.rangeCount() > INLINE_RANGES) {
            Broadcast<SeedRanges> bc = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(seeds);
            UDF1<Long, Boolean> contains = s -> s != null && bc.value().contains(s);
            return udf(contains, DataTypes.BooleanType).apply(seed);
        }
        Column any = lit(false);
        for (int i = 0; i < seeds.rangeCount(); i++) {
            any = any.or(seed.between(seeds.first(i), seeds.last(i)));
        }
        return any;
    }
}
