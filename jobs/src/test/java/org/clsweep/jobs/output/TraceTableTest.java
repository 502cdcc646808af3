package org.clsweep.jobs.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.spark.sql.Row;
import org.clsweep.data.experiment.TracePoint;
import org.junit.jupiter.api.Test;

/** Rows of both kinds of trace point: the columns of the other model are NULL. */
class TraceTableTest {

    private static Object field(Row r, String name) {
        return r.get(TraceTable.struct().fieldIndex(name));
    }

    @Test
    void aTwoLayerPointHasNoAlphaStructure() {
        Row r = TraceTable.row(new TracePoint(50, 1.5, 0.8, 0.1, new double[] {0.9, 0.2},
                new double[] {0.7, 0.3}, new double[] {0.6, 0.1}));
        assertThat(r.size()).isEqualTo(TraceTable.struct().size());
        assertThat(field(r, "loc_all")).isEqualTo(0.8);
        assertThat((double[]) field(r, "token_scores")).containsExactly(0.9, 0.2);
        assertThat((double[]) field(r, "rf_top_share")).containsExactly(0.7, 0.3);
        assertThat((double[]) field(r, "rf_z_share")).containsExactly(0.6, 0.1);
        for (String alpha : new String[] {"alpha_same_share", "alpha_same_expected", "alpha_neg_eff"}) {
            assertThat(field(r, alpha)).as(alpha).isNull();
        }
    }

    @Test
    void aOneLayerPointHasNoPatternRecovery() {
        Row r = TraceTable.row(new TracePoint(0, Double.NaN, Double.NaN, Double.NaN, null, null, null, 0.4, 0.2,
                7.5));
        assertThat(field(r, "iteration")).isEqualTo(0);
        assertThat(field(r, "loss")).isNull();
        assertThat(field(r, "loc_all")).isNull();
        assertThat(field(r, "loc_other_all")).isNull();
        assertThat(field(r, "token_scores")).isNull();
        assertThat(field(r, "rf_top_share")).isNull();
        assertThat(field(r, "rf_z_share")).isNull();
        assertThat(field(r, "alpha_same_share")).isEqualTo(0.4);
        assertThat(field(r, "alpha_same_expected")).isEqualTo(0.2);
        assertThat(field(r, "alpha_neg_eff")).isEqualTo(7.5);
        assertThat(TraceTable.struct().apply("token_scores").nullable()).isTrue();
    }
}
