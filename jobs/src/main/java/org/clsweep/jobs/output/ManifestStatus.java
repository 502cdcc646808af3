package org.clsweep.jobs.output;

/** The state of an output directory, field {@code status} of {@code manifest.json}. */
public enum ManifestStatus {
    /** A sweep is writing (or was killed while writing): the tables are incomplete or absent. */
    RUNNING,
    /** Every table is written and committed. */
    COMPLETE,
    /** The sweep stopped on an error of the job itself (not of a run); {@code error} says which. */
    ABORTED
}
