package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.data.spec.SpecKey;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.query.QueryResult;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * The query behind the token learning figures and how its rows become {@link LearningTimes}: the
 * (location, token) records of the OK two-layer runs counted per series, step budget, one more
 * grouping column, run and learning time.
 *
 * <pre>
 *   SELECT series columns, r.width, r.train_steps AS budget, by, r.cell_id, r.seed,
 *          COALESCE(k.learning_time, -1) AS time, COUNT(*) AS records
 *   FROM {tokens} k JOIN {runs} r …  WHERE two layers, OK, k.frequency &gt; 0
 *   GROUP BY …
 * </pre>
 * Records of tokens that never occur at their location (frequency 0) are left out: nothing there
 * can be learned. Result parts written before the frequency column existed keep all records.
 */
final class TokenLearningRecords {
    static final String BUDGET = "budget";
    static final String TIME = "time";
    static final String RECORDS = "records";
    /** The role of a record's token: {@code pattern} where some pattern uses it, else {@code background}. */
    static final String ROLE = "role";

    private TokenLearningRecords() {
    }

    /**
     * @param keys the series keys. Not modified.
     * @param by   the further grouping column of the tokens table (aliased {@code k}), or {@link #ROLE}
     */
    static SqlQuery query(ExportContext ctx, List<String> keys, String by) {
        SweepSchema s = ctx.schema();
        List<String> group = SqlQuery.runSeriesColumns(keys);
        String steps = "r." + SpecKey.TRAIN_STEPS.column();
        String byExpression = by.equals(ROLE)
                ? "CASE WHEN k." + s.tokenPatternsUsing() + " > 0 THEN 'pattern' ELSE 'background' END"
                : "k." + by;
        String time = "COALESCE(k." + s.tokenLearningTime() + ", -1)";
        List<String> select = new ArrayList<>(group);
        select.addAll(List.of(steps + " AS " + BUDGET, byExpression + " AS " + (by.equals(ROLE) ? ROLE : by),
                "r.cell_id", "r.seed", time + " AS " + TIME, "COUNT(*) AS " + RECORDS));
        group.addAll(List.of(steps, byExpression, "r.cell_id", "r.seed", time));
        List<String> conditions = ctx.hasColumns(TableKind.TOKENS, s.tokenFrequency())
                ? List.of("(k." + s.tokenFrequency() + " IS NULL OR k." + s.tokenFrequency() + " > 0)")
                : List.of();
        return SqlQuery.groupedOverOkRuns(select, TableKind.TOKENS, "k", ModelKind.TWOLAYER.specName(), conditions,
                group);
    }

    /** The rows' records as learning times per value of {@code column}, in the rows' order of first appearance. */
    static Map<Object, LearningTimes> byValue(QueryResult t, List<Integer> rows, String column) {
        Map<Object, LearningTimes> out = new LinkedHashMap<>();
        for (int r : rows) {
            out.computeIfAbsent(t.value(r, column), v -> new LearningTimes())
                    .add(t.text(r, "cell_id") + "/" + t.text(r, "seed"), (long) t.number(r, TIME),
                            (long) t.number(r, RECORDS));
        }
        return out;
    }

    /** The group's rows at its largest width. */
    static RowGroups.Group atLargestWidth(QueryResult t, RowGroups.Group grp) {
        double max = Double.NEGATIVE_INFINITY;
        for (int r : grp.rows()) {
            max = Math.max(max, t.number(r, WIDTH));
        }
        List<Integer> rows = new ArrayList<>();
        for (int r : grp.rows()) {
            if (t.number(r, WIDTH) == max) {
                rows.add(r);
            }
        }
        return new RowGroups.Group(grp.label(), grp.key(), rows);
    }

    /** The largest step budget among the rows. */
    static double budget(QueryResult t, List<Integer> rows) {
        double max = 0;
        for (int r : rows) {
            max = Math.max(max, t.number(r, BUDGET));
        }
        return max;
    }
}
