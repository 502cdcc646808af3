package org.clsweep.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.clsweep.data.dataset.LabelledPoints;
import org.clsweep.data.spec.DatasetSpec;
import org.clsweep.data.spec.GeometryKind;
import org.clsweep.data.spec.Mode;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.RunSpec;
import org.clsweep.dynamics.activation.Activation;
import org.clsweep.dynamics.objective.LossType;
import org.clsweep.jobs.dataset.BoundCells;
import org.clsweep.jobs.dataset.DataProvenance;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.output.HadoopSettings;
import org.clsweep.jobs.sweep.TaskLayout;
import org.clsweep.jobs.spec.SweepSpec;
import org.clsweep.jobs.text.NumberText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code clsweep validate SPEC [--set k=v]...}: parse, expand and check every cell, read and check
 * the data of dataset cells; print them. No Spark.
 */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Parse and expand a sweep spec, check every cell, print the cells. Starts no Spark.")
public final class ValidateCommand implements Callable<Integer> {
    @Mixin
    SpecOptions options;

    @Spec
    CommandSpec command;

    @Override
    public Integer call() {
        SweepSpec spec = options.parse();
        BoundCells bound = BoundCells.bind(Grid.expand(spec), HadoopSettings.beforeSpark());
        List<Cell> cells = bound.cells();
        PrintWriter out = command.commandLine().getOut();
        out.println(Grid.describe(spec));
        out.println("spec hash " + spec.hash());
        CellTable.print(out, cells, Grid.axes(spec));
        out.flush();
        // the estimates go to stderr: stdout stays the grid line, the spec hash and the cell table,
        // which scripts read by line number (the golden identities, the nightly set-up)
        PrintWriter err = command.commandLine().getErr();
        for (Map.Entry<DatasetSpec, LabelledPoints> e : bound.data().bySelection().entrySet()) {
            LabelledPoints p = e.getValue();
            err.println("data: " + DataProvenance.describe(e.getKey(), p) + ", normalize "
                    + e.getKey().normalization().specName() + ": " + p.size() + " points in R^" + p.dim()
                    + ", SHA-256 " + p.checksum());
        }
        err.println(estimatedCpu(spec, cells));
        err.println(estimatedOutput(spec, cells));
        err.flush();
        return ExitCodes.OK;
    }

    /**
     * The estimated simulation CPU of the whole sweep, as a sentence:
     * Σ_cells {@link TaskLayout#seconds} × seeds (the dynamics plus a fixed cost per run for the
     * analysis and the result row).
     */
    static String estimatedCpu(SweepSpec spec, List<Cell> cells) {
        double seconds = 0.0;
        for (Cell c : cells) {
            seconds += TaskLayout.seconds(c.spec());
        }
        seconds *= spec.seeds().count();
        String amount = seconds < 120 ? String.format(Locale.ROOT, "%.0f CPU-seconds", Math.ceil(seconds))
                : seconds < 7200 ? String.format(Locale.ROOT, "%.0f CPU-minutes", seconds / 60)
                : String.format(Locale.ROOT, "%.1f CPU-hours", seconds / 3600);
        return "estimated simulation: ≈ " + amount + " (from the per-model cost factors in BENCHMARKS.md; "
                + "population runs that converge early cost less, Spark's own work comes on top)";
    }

    /** {@link #estimatedTableBytes} as a sentence, with a word on {@code OUT/_results}. */
    static String estimatedOutput(SweepSpec spec, List<Cell> cells) {
        return "estimated output: ≈ " + NumberText.bytes(estimatedTableBytes(spec, cells)) + " of tables, and "
                + "about as much again in OUT/_results (more for sweeps of few runs)";
    }

    /**
     * The estimated size of the output tables in bytes. Fitted to the Parquet sizes of real
     * sweeps, from 29 runs to 600 000 (docs/operators.md, "Sizing a sweep"):
     * <pre>
     *   100 kB                                         once: the tables' Parquet footers (about 90 run and
     *                                                  200 aggregate columns), whatever the sweep's size
     *   + per run:    40 B                             its runs row
     *   + one layer:  (8 B · d + 40 B) · optima rows   an optimum's row holds its direction (d doubles)
     *   + two layers: 8 B · (K·n + 2K) · trace points  token scores, s_k² and R²_k per trace point
     *                 + 10 B · K·n                     tokens rows
     * </pre>
     * with the optima rows of a run as {@link #optimumRows} counts them. Only the direction, the
     * per-run metrics and the trace grow with the runs: the run parameters repeat within a cell
     * and cost next to nothing. {@code OUT/_results} (zstd) holds about as much again: 0.9× the
     * tables for 600 000 and 1 000 000 tiny runs, more for sweeps of few runs, where each part's
     * own Parquet footers weigh (4× for {@code conf/quickstart.conf}).
     */
    static double estimatedTableBytes(SweepSpec spec, List<Cell> cells) {
        double bytes = 0.0;
        for (Cell c : cells) {
            RunSpec s = c.spec();
            double run = 40.0;
            if (s.model() == ModelKind.ONELAYER) {
                run += (8.0 * s.geometry().dim() + 40.0) * optimumRows(s);
            } else {
                int fields = s.tokens().locations();
                double records = (double) fields * s.tokens().vocab();
                double points = s.train().steps() / (double) s.train().traceEvery() + 1.0;
                run += 8.0 * (records + 2.0 * fields) * points + 10.0 * records;
            }
            bytes += run;
        }
        return 100e3 + bytes * spec.seeds().count();
    }

    /**
     * The expected optima rows of one one-layer run of n nodes on L patterns, the first case that
     * applies, as the measured runs have them:
     * <pre>
     *   sgd                     n; 2n for InfoNCE       the nodes rarely coincide; an InfoNCE run adds
     *                                                   a row per optimum under its own α
     *   linear                  1                       the top eigenvector (w and −w are one)
     *   a data set              min(n, 3)               1–3 on Fashion-MNIST images, for L up to 100
     *   synthetic patterns      L · (1 − (1 − 1/L)^n)   n nodes falling into L equally likely basins:
     *                                                   the expected number of basins reached
     * </pre>
     * Unequal basins give fewer, and a linear node whose top eigenvalue is degenerate (equal
     * pattern magnitudes) reaches several.
     */
    static double optimumRows(RunSpec s) {
        int n = s.width();
        if (s.mode() == Mode.SGD) {
            return s.train().loss() == LossType.INFONCE ? 2.0 * n : n;
        }
        if (s.activation() == Activation.LINEAR) {
            return 1.0;
        }
        if (s.geometry().kind() == GeometryKind.DATASET) {
            return Math.min(n, 3);
        }
        int l = s.geometry().patterns();
        return l * (1.0 - Math.pow(1.0 - 1.0 / l, n));
    }
}
