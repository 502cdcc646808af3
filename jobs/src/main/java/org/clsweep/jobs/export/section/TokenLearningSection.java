package org.clsweep.jobs.export.section;

import static org.clsweep.jobs.export.query.GridColumns.ACTIVATION;
import static org.clsweep.jobs.export.query.GridColumns.NET_BATCHNORM;
import static org.clsweep.jobs.export.query.GridColumns.WIDTH;

import java.util.List;
import java.util.Optional;
import org.clsweep.data.spec.ModelKind;
import org.clsweep.jobs.export.ExportContext;
import org.clsweep.jobs.export.query.SqlQuery;
import org.clsweep.jobs.export.query.SweepParameters;
import org.clsweep.jobs.export.query.SweepSchema;
import org.clsweep.jobs.export.query.TableKind;

/**
 * A figure of the two-layer token learning times ({@link TokenLearningRecords}): one series per
 * activation × BatchNorm and every other varying axis but β, each drawn at its largest β; a
 * subclass names the column its records are grouped by and draws them.
 */
abstract class TokenLearningSection extends FigureSection {
    TokenLearningSection(String title, String prediction) {
        super(title, prediction);
    }

    /** The tokens-table column the records are grouped by within a series, or {@link TokenLearningRecords#ROLE}. */
    abstract String groupedBy(ExportContext ctx);

    @Override
    final Optional<String> unavailable(ExportContext ctx) {
        SweepSchema s = ctx.schema();
        return ctx.missing(TableKind.TOKENS, "cell_id", "seed", s.tokenPatternsUsing(), s.tokenLearningTime());
    }

    @Override
    final List<String> seriesKeys(SweepParameters parameters) {
        return parameters.seriesKeys(ModelKind.TWOLAYER, List.of(ACTIVATION, NET_BATCHNORM), WIDTH);
    }

    @Override
    final SqlQuery query(ExportContext ctx, List<String> keys) {
        return TokenLearningRecords.query(ctx, keys, groupedBy(ctx));
    }

    @Override
    final String noRows() {
        return "the tokens table has no rows of OK two-layer runs.";
    }
}
