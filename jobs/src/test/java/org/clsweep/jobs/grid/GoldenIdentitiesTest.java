package org.clsweep.jobs.grid;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spec hash and every cell id of each shipped spec, as recorded in {@code golden/<spec>.ids}:
 * output directories and the committed nightly baseline are keyed by them, so restructuring the
 * code or adding a key at its default must leave them as they are.
 */
class GoldenIdentitiesTest {

    @ParameterizedTest
    @ValueSource(strings = {"quickstart", "nightly", "onelayer-sgd", "paper-twolayer"})
    void shippedSpecsKeepTheirHashAndCellIds(String name) throws IOException {
        List<String> golden = Files.readAllLines(Path.of("src/test/resources/golden/" + name + ".ids"));
        SweepSpec spec = SpecParser.parseFile(Path.of("..", "conf", name + ".conf"), List.of());
        List<String> ids = new ArrayList<>();
        for (Cell c : Grid.expand(spec)) {
            ids.add("cell " + c.cellId());
        }
        assertThat(golden.get(0)).isEqualTo("spec_hash " + spec.hash());
        assertThat(ids).containsExactlyElementsOf(golden.subList(1, golden.size()));
    }
}
