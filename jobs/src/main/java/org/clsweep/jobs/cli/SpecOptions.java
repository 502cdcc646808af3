package org.clsweep.jobs.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** The SPEC argument and {@code --set} options shared by {@code run} and {@code validate}. */
final class SpecOptions {
    @Parameters(index = "0", paramLabel = "SPEC", description = "the sweep spec (HOCON)")
    Path spec;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "override a spec key (relative to sweep), e.g. --set width=4 or --set grid.width=[1,2]; "
                    + "the value is HOCON; repeatable, later wins")
    List<String> sets = new ArrayList<>();

    /** The parsed spec. */
    SweepSpec parse() {
        return SpecParser.parseFile(spec, sets);
    }
}
