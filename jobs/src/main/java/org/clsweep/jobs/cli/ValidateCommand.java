package org.clsweep.jobs.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import org.clsweep.jobs.grid.Cell;
import org.clsweep.jobs.grid.Grid;
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
        out.println("spec hash " + spec.hash());
        CellTable.print(out, cells, Grid.axes(spec));
        out.flush();
        return ExitCodes.OK;
    }
}
