package org.clsweep.jobs.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.clsweep.jobs.grid.Grid;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;

/**
 * The estimate of the output tables against measured sizes (the tables' directories: Parquet and
 * Spark's checksum files; docs/operators.md, "Sizing a sweep"). Tiny at 600 000 runs, existence and
 * paper-twolayer as BENCHMARKS.md and the operators' guide measured them before; the others were
 * measured again to fit the estimate.
 */
class ValidateCommandTest {
    private static final String TINY = "/org/clsweep/jobs/bench/tiny.conf";

    @Test
    void theTableEstimateIsWithinOneAndAHalfOfTheMeasuredSizes() throws IOException {
        assertNear(tiny("seeds=100000"), 91.1e6);
        assertNear(tiny("seeds=2000"), 2.10e6);
        assertNear(tiny("seeds=200"), 0.322e6);
        assertNear(shipped("quickstart.conf"), 231e3);
        assertNear(shipped("nightly.conf"), 388e3);
        assertNear(shipped("existence.conf"), 1.5e6);
        assertNear(shipped("paper-twolayer.conf"), 3.7e6);
    }

    @Test
    void optimaRowsFollowTheModeTheActivationAndTheBasins() {
        SweepSpec spec = SpecParser.parseString("""
                sweep {
                  name = t, seeds = 1, width = 4
                  geometry { patterns = 6, dim = 16 }
                  grid = [
                    { mode = [population], activation = [linear, relu] }
                    { mode = [sgd], activation = [relu], "train.loss" = [quadratic, infonce] }
                  ]
                }""", "t.conf", List.of());
        List<Double> rows = Grid.expand(spec).stream().map(c -> ValidateCommand.optimumRows(c.spec())).toList();
        assertThat(rows).containsExactlyInAnyOrder(1.0, 6 * (1 - Math.pow(5.0 / 6, 4)), 4.0, 8.0);
    }

    private static void assertNear(SweepSpec spec, double measured) {
        double estimate = ValidateCommand.estimatedTableBytes(spec, Grid.expand(spec));
        assertThat(estimate / measured).as(spec.name() + ": estimated " + estimate + " B, measured " + measured
                + " B").isCloseTo(1.0, within(0.5)).isGreaterThan(1 / 1.5);
    }

    private static SweepSpec tiny(String seeds) throws IOException {
        try (InputStream in = ValidateCommandTest.class.getResourceAsStream(TINY)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return SpecParser.parseString(text, "tiny.conf", List.of(seeds));
        }
    }

    private static SweepSpec shipped(String name) {
        return SpecParser.parseFile(Path.of("..", "conf", name), List.of());
    }
}
