package org.clsweep.jobs.regress.baseline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.clsweep.data.experiment.RunStatus;
import org.clsweep.jobs.output.Manifest;
import org.clsweep.jobs.output.ManifestStatus;
import org.clsweep.jobs.regress.UnusableInputException;
import org.clsweep.jobs.spec.SpecDiff;
import org.clsweep.jobs.spec.SpecParser;
import org.clsweep.jobs.spec.SweepSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The checks made on a baseline before Spark starts, the seed offset and the matching axes. */
class BaselineTest {
    static final String SPEC = "sweep { name = nightly, seeds = 4, train { lr = 1.0 },\n"
            + " grid = [ { mode = [population], activation = [linear, relu], width = [4] },\n"
            + "          { mode = [sgd], \"train.lr\" = [0.05], \"geometry.noise\" = [0.1], width = [4] } ] }\n";

    @TempDir
    Path tmp;

    private Path spec(String text) throws IOException {
        Path p = tmp.resolve("spec-" + text.hashCode() + ".conf");
        Files.writeString(p, text);
        return p;
    }

    private Path baseline(SweepSpec s, ManifestStatus status) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("baseline-" + status));
        Manifest m = new Manifest(s.name(), s.hash(), status, "0.1.0-test", Map.of(), 3, s.seeds().size(),
                Map.of(RunStatus.OK, 12L), Instant.parse("2026-01-01T00:00:00Z"),
                status == ManifestStatus.RUNNING ? null : Instant.parse("2026-01-01T00:01:00Z"), null,
                s.canonicalJson(), 1, 0, 12, List.of(), null);
        Files.writeString(dir.resolve("manifest.json"), m.toJson());
        return dir;
    }

    @Test
    void theSameSpecWithOtherSeedsIsUsableWithoutPerturbations() throws IOException {
        SweepSpec s = SpecParser.parseFile(spec(SPEC), List.of());
        Path dir = baseline(s, ManifestStatus.COMPLETE);
        SweepSpec tonight = SeedOffset.apply(s, SeedOffset.forDate(LocalDate.of(2026, 1, 2)));
        Baseline b = Baseline.open(new Configuration(), dir.toString(), s, tonight);
        assertThat(b.perturbations()).isEmpty();
        assertThat(b.manifest().codeVersion()).isEqualTo("0.1.0-test");
    }

    @Test
    void changesMadeWithSetAreAllowedAndReported() throws IOException {
        Path file = spec(SPEC);
        SweepSpec s = SpecParser.parseFile(file, List.of());
        Path dir = baseline(s, ManifestStatus.COMPLETE);
        SweepSpec slope = SpecParser.parseFile(file, List.of("leaky_slope=0.5"));
        Baseline b = Baseline.open(new Configuration(), dir.toString(), s, slope);
        assertThat(b.perturbations()).extracting(SpecDiff.Difference::toString).containsExactly("leaky_slope: 0.05 → 0.5");
    }

    @Test
    void anotherSpecIsUnusableAndTheKeysAreNamed() throws IOException {
        SweepSpec s = SpecParser.parseFile(spec(SPEC), List.of());
        Path dir = baseline(s, ManifestStatus.COMPLETE);
        SweepSpec other = SpecParser.parseFile(spec(SPEC.replace("lr = 1.0", "lr = 0.5").replace("seeds = 4",
                "seeds = 8")), List.of());
        assertThatThrownBy(() -> Baseline.open(new Configuration(), dir.toString(), other, other))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("is from a different sweep spec ('nightly'")
                .hasMessageContaining("the keys that differ, other than seeds and regress, are: train.lr: 1 → 0.5.");
    }

    @Test
    void anUnfinishedSweepIsNoBaseline() throws IOException {
        SweepSpec s = SpecParser.parseFile(spec(SPEC), List.of());
        Path dir = baseline(s, ManifestStatus.RUNNING);
        assertThatThrownBy(() -> Baseline.open(new Configuration(), dir.toString(), s, s))
                .isInstanceOf(UnusableInputException.class)
                .hasMessageContaining("baseline " + dir + " is not a complete sweep: its manifest says RUNNING");
    }

    @Test
    void theRegressBlockIsNeitherInTheSpecNorItsHash() throws IOException {
        Path plain = spec(SPEC);
        Path withBlock = spec(SPEC.replace("train { lr = 1.0 },", "train { lr = 1.0 }, regress { alpha = 0.05 },"));
        assertThat(SpecParser.parseFile(withBlock, List.of()).hash()).isEqualTo(SpecParser.parseFile(plain, List.of())
                .hash());
        assertThat(SpecParser.parseForRegress(withBlock, List.of("regress.fresh_seeds=true")).regress())
                .isEqualTo(Map.of("alpha", 0.05, "fresh_seeds", true));
        assertThat(SpecParser.parseForRegress(plain, List.of()).regress()).isNull();
    }

    @Test
    void freshSeedsShiftEverySeedByTheDaysSinceTheEpochTimesTheSeedLimit() throws IOException {
        assertThat(SeedOffset.forDate(LocalDate.of(1970, 1, 2))).isEqualTo(SpecParser.MAX_SEEDS);
        SweepSpec s = SpecParser.parseFile(spec(SPEC), List.of());
        assertThat(SeedOffset.apply(s, 0)).isSameAs(s);
        SweepSpec shifted = SeedOffset.apply(s, 1_000);
        assertThat(shifted.seeds()).containsExactly(1_001L, 1_002L, 1_003L, 1_004L);
        assertThat(shifted.grid()).isEqualTo(s.grid());
        assertThat(shifted.hash()).isNotEqualTo(s.hash());
    }

    @Test
    void cellsAreIdentifiedByEveryAxisOfEveryBlockInParameterOrder() throws IOException {
        SweepSpec s = SpecParser.parseFile(spec(SPEC), List.of());
        assertThat(GridAxes.of(s))
                .containsExactly("mode", "activation", "width", "geometry.noise", "train.lr");
    }
}
