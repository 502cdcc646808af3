package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.clsweep.data.experiment.TokenLearning;
import org.clsweep.data.tokens.TokenStatistics;
import org.junit.jupiter.api.Test;

/** A token record as a row: the statistics beside the learning time, NaN and NEVER as NULL. */
class TokensTableTest {

    private static Object field(Row r, String name) {
        return r.get(TokensTable.struct().fieldIndex(name));
    }

    @Test
    void aLearnedPatternToken() {
        Row r = TokensTable.row(new TokenLearning(2, 5, new TokenStatistics(3, 0.3, 0.9, 0.2, 0.1), 250, 0.95));
        assertThat(r.size()).isEqualTo(TokensTable.struct().size());
        assertThat(field(r, TokensTable.LOCATION)).isEqualTo(2);
        assertThat(field(r, TokensTable.TOKEN)).isEqualTo(5);
        assertThat(field(r, TokensTable.PATTERNS_USING)).isEqualTo(3);
        assertThat(field(r, TokensTable.LEARNING_TIME)).isEqualTo(250);
        assertThat(field(r, TokensTable.ROLE)).isEqualTo("pattern");
        assertThat(field(r, TokensTable.FREQUENCY)).isEqualTo(0.3);
        assertThat(field(r, TokensTable.INVARIANCE)).isEqualTo(0.9);
        assertThat(field(r, TokensTable.PAIR_COVARIANCE)).isEqualTo(0.2);
        assertThat(field(r, TokensTable.DISCRIMINATIVENESS)).isEqualTo(0.1);
        assertThat(field(r, TokensTable.FINAL_SCORE)).isEqualTo(0.95);
    }

    @Test
    void aBackgroundTokenThatNeverOccursAndWasNeverLearned() {
        Row r = TokensTable.row(new TokenLearning(0, 1, new TokenStatistics(0, 0.0, Double.NaN, 0.0, 0.0),
                TokenLearning.NEVER, Double.NaN));
        assertThat(field(r, TokensTable.ROLE)).isEqualTo("background");
        assertThat(field(r, TokensTable.FINAL_SCORE)).isNull();
        assertThat(field(r, TokensTable.LEARNING_TIME)).isNull();
        assertThat(field(r, TokensTable.INVARIANCE)).isNull();
        assertThat(field(r, TokensTable.FREQUENCY)).isEqualTo(0.0);
    }
}
