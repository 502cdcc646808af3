package org.clsweep.jobs.sweep;

import java.util.ArrayList;
import java.util.Iterator;
import org.apache.spark.api.java.function.FlatMapFunction;

/** One partition's bin of runs (see {@link TaskLayout}) into its runs. */
final class FlattenBin implements FlatMapFunction<ArrayList<RunTask>, RunTask> {
    private static final long serialVersionUID = 1L;

    @Override
    public Iterator<RunTask> call(ArrayList<RunTask> bin) {
        return bin.iterator();
    }
}
