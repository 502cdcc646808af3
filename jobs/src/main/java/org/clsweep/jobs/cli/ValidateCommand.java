package org.clsweep.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.sweep.TaskLayout;
import org.clsweep.jobs.spec.SweepSpec;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code clsweep validate SPEC [--set k=v]...}: parse, expand and check every cell; print them. No Spark. */
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
        List<Cell> cells = Grid.expand(spec);
        PrintWriter out = command.commandLine().getOut();
        out.println(Grid.describe(spec));
        out.println(estimatedCpu(spec, cells));
        out.println("spec hash " + spec.hash());
        CellTable.print(out, cells, Grid.axes(spec));
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The estimated simulation CPU of the whole sweep, as a sentence:
     * Σ_cells {@link TaskLayout#cpuSeconds} × seeds.
     */
    static String estimatedCpu(SweepSpec spec, List<Cell> cells) {
        double seconds = 0.0;
        for (Cell c : cells) {
            seconds += TaskLayout.cpuSeconds(c.spec());
        }
        seconds *= spec.seeds().size();
        String amount = seconds < 120 ? String.format(Locale.ROOT, "%.0f CPU-seconds", Math.ceil(seconds))
                : seconds < 7200 ? String.format(Locale.ROOT, "%.0f CPU-minutes", seconds / 60)
                : String.format(Locale.ROOT, "%.1f CPU-hours", seconds / 3600);
        return "estimated simulation: ≈ " + amount + " (from the per-model cost factors in BENCHMARKS.md; "
                + "population runs that converge early cost less, the per-run analysis and Spark's own work come "
                + "on top)";
    }
}
