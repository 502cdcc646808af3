package org.clsweep.jobs.spec;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.AbstractThrowableAssert;
import org.clsweep.data.spec.SpecException;
import org.clsweep.jobs.grid.Grid;
import org.junit.jupiter.api.Test;

/**
 * One test per rule that rejects a spec: each checks the exception type, the key it names, and
 * that the message names the key too. Range and combination rules run when the grid is expanded.
 */
class SpecValidationTest {

    private static AbstractThrowableAssert<?, ? extends Throwable> rejects(String text, String key, String... sets) {
        return assertThatThrownBy(() -> Grid.expand(SpecParser.parseString(text, "bad.conf", List.of(sets))))
                .isInstanceOf(SpecException.class)
                .satisfies(e -> org.assertj.core.api.Assertions.assertThat(((SpecException) e).key()).isEqualTo(key))
                .hasMessageContaining(key);
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> rejectsBody(String body, String key,
                                                                               String... sets) {
        return rejects("sweep {\n name = t\n seeds = 2\n" + body + "\n}", key, sets);
    }

    // --- syntax and structure

    @Test
    void malformedHocon() {
        rejects("sweep { name = t, seeds = [1, 2 }", "spec").hasMessageContaining("bad.conf");
    }

    @Test
    void missingFile() {
        assertThatThrownBy(() -> SpecParser.parseFile(Path.of("no/such/spec.conf"), List.of()))
                .isInstanceOf(SpecException.class).hasMessageContaining("spec").hasMessageContaining("no such file");
    }

    @Test
    void unresolvableSubstitution() {
        rejectsBody("width = ${nowhere}", "spec").hasMessageContaining("nowhere");
    }

    @Test
    void unknownTopLevelKey() {
        rejects("sweep { name = t, seeds = 1 }\nwidth = 4", "width").hasMessageContaining("unknown key");
    }

    @Test
    void sweepIsNotAnObject() {
        rejects("sweep = 3", "sweep").hasMessageContaining("must be an object");
    }

    @Test
    void unknownKeyWithSuggestion() {
        rejectsBody("widht = 4", "widht").hasMessageContaining("unknown key").hasMessageContaining("did you mean width?");
    }

    @Test
    void unknownNestedKeyWithSuggestionAndLine() {
        rejectsBody("geometry { nosie = 0.2 }", "geometry.nosie")
                .hasMessageContaining("did you mean geometry.noise?").hasMessageContaining("bad.conf: 4");
    }

    @Test
    void bareNestedKeyAtTheTopSuggestsItsBlock() {
        rejectsBody("noise = 0.2", "noise").hasMessageContaining("did you mean geometry.noise?");
    }

    @Test
    void blockIsNotAnObject() {
        rejectsBody("geometry = 5", "geometry").hasMessageContaining("must be an object");
    }

    // --- wrong types

    @Test
    void integerGivenAString() {
        rejectsBody("width = many", "width").hasMessageContaining("must be an integer").hasMessageContaining("many");
    }

    @Test
    void integerGivenAFraction() {
        rejectsBody("width = 4.5", "width").hasMessageContaining("must be an integer");
    }

    @Test
    void numberGivenAString() {
        rejectsBody("train { lr = fast }", "train.lr").hasMessageContaining("must be a number");
    }

    @Test
    void booleanGivenANumber() {
        rejectsBody("net { batchnorm = 1 }", "net.batchnorm").hasMessageContaining("must be a boolean");
    }

    @Test
    void unknownChoice() {
        rejectsBody("activation = rleu", "activation")
                .hasMessageContaining("linear, relu, leaky_relu, sigmoid, quadratic").hasMessageContaining("rleu");
    }

    @Test
    void stringListGivenAString() {
        rejectsBody("tokens { explicit_patterns = abc }", "tokens.explicit_patterns")
                .hasMessageContaining("a list of strings");
    }

    @Test
    void nullValue() {
        rejectsBody("train { lr = null }", "train.lr").hasMessageContaining("missing");
    }

    // --- name and seeds

    @Test
    void missingName() {
        rejects("sweep { seeds = 2 }", "name").hasMessageContaining("missing");
    }

    @Test
    void nameThatCannotNameADirectory() {
        rejectsBody("name = \"a/b\"", "name").hasMessageContaining("a/b");
    }

    @Test
    void missingSeeds() {
        rejects("sweep { name = t }", "seeds").hasMessageContaining("missing");
    }

    @Test
    void emptySeeds() {
        rejectsBody("seeds = []", "seeds").hasMessageContaining("no seeds");
    }

    @Test
    void zeroSeedCount() {
        rejectsBody("seeds = 0", "seeds").hasMessageContaining("found 0");
    }

    @Test
    void duplicateSeed() {
        rejectsBody("seeds = [1, 2, 1]", "seeds").hasMessageContaining("twice");
    }

    @Test
    void nonIntegerSeed() {
        rejectsBody("seeds = [1, x]", "seeds[1]").hasMessageContaining("an integer");
    }

    // --- grid

    @Test
    void gridKeyNamingNoParameter() {
        rejectsBody("grid { geometry { nosie = [0.1] } }", "grid.geometry.nosie")
                .hasMessageContaining("names no parameter").hasMessageContaining("did you mean geometry.noise?");
    }

    @Test
    void seedsAreNotAGridAxis() {
        rejectsBody("grid { seeds = [1, 2] }", "grid.seeds").hasMessageContaining("cannot be a grid axis");
    }

    @Test
    void emptyGridAxis() {
        rejectsBody("grid { width = [] }", "grid.width").hasMessageContaining("no values");
    }

    @Test
    void gridAxisThatIsNotAList() {
        rejectsBody("grid { width = 4 }", "grid.width").hasMessageContaining("a list of values");
    }

    @Test
    void gridAxisValueOfTheWrongType() {
        rejectsBody("grid { width = [1, x] }", "grid.width[1]").hasMessageContaining("an integer");
    }

    @Test
    void gridAxisListingAValueTwice() {
        rejectsBody("grid { \"geometry.noise\" = [0.1, 0.10] }", "grid.geometry.noise").hasMessageContaining("twice");
    }

    @Test
    void gridAxisGivenInBothSpellings() {
        rejectsBody("grid { \"geometry.noise\" = [0.1], geometry { noise = [0.2] } }", "grid.geometry.noise")
                .hasMessageContaining("given twice");
    }

    @Test
    void emptyListOfGridBlocks() {
        rejectsBody("grid = []", "grid").hasMessageContaining("no blocks");
    }

    @Test
    void gridOfTheWrongType() {
        rejectsBody("grid = 3", "grid").hasMessageContaining("must be an object of axes");
    }

    @Test
    void gridBlockThatIsNotAnObject() {
        rejectsBody("grid = [ { width = [1] }, 3 ]", "grid[1]").hasMessageContaining("an object of axes");
    }

    @Test
    void twoGridBlocksGivingTheSameCell() {
        rejectsBody("grid = [ { width = [1, 2] }, { width = [2, 3] } ]", "grid")
                .hasMessageContaining("blocks 0 and 1").hasMessageContaining("width=2");
    }

    // --- ranges and impossible combinations (checked by the run-spec records, per cell)

    @Test
    void negativeSize() {
        rejectsBody("geometry { patterns = -3 }", "geometry.patterns").hasMessageContaining("-3");
    }

    @Test
    void zeroWidth() {
        rejectsBody("width = 0", "width").hasMessageContaining(">= 1");
    }

    @Test
    void nonPositiveLearningRate() {
        rejectsBody("train { lr = 0 }", "train.lr").hasMessageContaining("> 0");
    }

    @Test
    void leakySlopeAboveOne() {
        rejectsBody("leaky_slope = 1.5", "leaky_slope").hasMessageContaining("1.5");
    }

    @Test
    void orthogonalPatternsNeedDimAtLeastPatterns() {
        rejectsBody("geometry { kind = orthogonal, patterns = 8, dim = 4 }", "geometry.dim")
                .hasMessageContaining("dim 4 < patterns 8");
    }

    @Test
    void equiangularCosineOutOfRange() {
        rejectsBody("geometry { kind = equiangular, patterns = 3, cosine = -0.9 }", "geometry.cosine");
    }

    @Test
    void tooManyTwoHotPairs() {
        rejectsBody("geometry { kind = pairs, patterns = 11, dim = 5 }", "geometry.patterns");
    }

    @Test
    void augDegreeAboveLocationsMinusPatternLength() {
        rejectsBody("tokens { locations = 10, pattern_len = 5, aug_degree = 6 }", "tokens.aug_degree")
                .hasMessageContaining("found 6");
    }

    @Test
    void patternLengthAboveLocations() {
        rejectsBody("tokens { locations = 4, pattern_len = 5, aug_degree = 0 }", "tokens.pattern_len");
    }

    @Test
    void perLocationAboveVocabulary() {
        rejectsBody("tokens { vocab = 3, per_location = 5 }", "tokens.per_location");
    }

    @Test
    void twoLayersInPopulationMode() {
        rejectsBody("model = twolayer, mode = population", "mode").hasMessageContaining("population");
    }

    @Test
    void nonHomogeneousActivationInPopulationMode() {
        rejectsBody("activation = sigmoid", "activation").hasMessageContaining("sgd");
    }

    @Test
    void badGridCellNamesTheCellValues() {
        rejectsBody("grid { width = [1, 0], activation = [relu] }", "width")
                .hasMessageContaining("grid cell (activation=relu, width=0)");
    }

    @Test
    void badCombinationOnlyInSomeCells() {
        rejectsBody("grid { model = [onelayer, twolayer] }", "mode")
                .hasMessageContaining("grid cell (model=twolayer)");
    }

    // --- --set

    @Test
    void setWithoutValue() {
        rejectsBody("", "--set", "width").hasMessageContaining("key=value");
    }

    @Test
    void setOfAnUnknownKey() {
        rejectsBody("", "depth", "depth=3").hasMessageContaining("--set depth=3");
    }

    @Test
    void setOfAWrongType() {
        rejectsBody("", "width", "width=[1,2]").hasMessageContaining("must be an integer");
    }

    @Test
    void setOfAnEmptyAxis() {
        rejectsBody("", "grid.width", "grid.width=[]").hasMessageContaining("no values");
    }
}
