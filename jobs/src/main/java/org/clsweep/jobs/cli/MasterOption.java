package org.clsweep.jobs.cli;

import picocli.CommandLine.Option;

/** The {@code --master URL} option every command that starts Spark shares (a picocli mixin). */
public final class MasterOption {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master (default: spark.master from spark-submit, else local[*])")
    String master;

    /**
     * The master URL, its form checked before Spark starts.
     *
     * @return the URL given, or null for the default
     * @throws org.clsweep.data.spec.SpecException naming {@code --master} when the form is wrong
     */
    String checked() {
        SparkSessions.checkMaster(master);
        return master;
    }
}
